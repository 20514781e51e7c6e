package io.github.entitymigrations.introspect;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types and defaults brought to one spelling on both sides, so that what the dialect wrote and what the
 * database reports back compare equal when they mean the same: {@code varchar(255)} is PostgreSQL's
 * {@code character varying(255)}, {@code now()} its {@code CURRENT_TIMESTAMP}, {@code 'draft'::character varying}
 * the literal {@code 'draft'}.
 */
final class SqlText {

    /** A cast as PostgreSQL prints one: {@code ::character varying(20)}, or a quoted type name, {@code ::"bit"}. */
    private static final Pattern CAST =
            Pattern.compile("::(\"[a-z_ ]+\"|[a-z_]+( [a-z]+)*)(\\(\\d+(,\\d+)?\\))?(\\[\\])?");
    /** PostgreSQL's bit-string literal, {@code B'101'}: the catalog prints it as the string cast to bit. */
    private static final Pattern BIT_STRING = Pattern.compile("(?<![a-z0-9_'])b('[01]*')");
    private static final Pattern QUOTED_NUMBER = Pattern.compile("'([+-]?\\d+(\\.\\d+)?)'");
    private static final Pattern FLOAT = Pattern.compile("float\\((\\d+)\\)");
    private static final String[][] POSTGRES_ALIASES = {
        {"varchar", "character varying"}, {"bpchar", "character"}, {"char", "character"}, {"int4", "integer"},
        {"int", "integer"}, {"int8", "bigint"}, {"int2", "smallint"}, {"bool", "boolean"},
        {"float8", "double precision"}, {"float4", "real"}, {"decimal", "numeric"}, {"serial", "integer"},
        {"bigserial", "bigint"}, {"smallserial", "smallint"}, {"timestamptz", "timestamp with time zone"},
        {"timetz", "time with time zone"}, {"varbit", "bit varying"}};

    private static final Pattern MYSQL_INTEGER = Pattern.compile("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    private static final Pattern MYSQL_NUMBER = Pattern.compile("([+-]?\\d+)\\.(\\d*?)0+");
    private static final Pattern MYSQL_BIT = Pattern.compile("b'([01]+)'");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "\\b(current_timestamp|localtimestamp|now)(\\(\\d*\\))?");

    private SqlText() {
    }

    /** A type in lower case, single spaces, none around commas or before a parenthesis. */
    static String type(String type) {
        return type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?, ?", ",")
                .replaceAll(" \\(", "(");
    }

    /** A PostgreSQL type as {@code format_type} writes it: {@code character varying(255)}, {@code integer}. */
    static String postgresType(String type) {
        String t = type(type);
        // An array: format_type's "integer[]", or the "integer array" Hibernate and the dialect write.
        String array = t.endsWith("[]") ? "[]" : t.endsWith(" array") ? " array" : "";
        t = t.substring(0, t.length() - array.length());
        Matcher f = FLOAT.matcher(t);
        if (f.matches()) {
            t = Integer.parseInt(f.group(1)) <= 24 ? "real" : "double precision";
        } else if (t.equals("float")) {
            t = "double precision";
        }
        for (String[] alias : POSTGRES_ALIASES) {
            if (t.equals(alias[0]) || t.startsWith(alias[0] + "(")) {
                t = alias[1] + t.substring(alias[0].length());
                break;
            }
        }
        t = t.replaceAll("^numeric\\((\\d+)\\)$", "numeric($1,0)");
        // Without a length, bit and character are of length 1, which is how format_type prints them.
        if (t.equals("bit") || t.equals("character")) {
            t = t + "(1)";
        }
        // timestamp and time are "without time zone" unless they say otherwise
        if (t.matches("(timestamp|time)(\\(\\d+\\))?")) {
            t = t + " without time zone";
        }
        t = t.replaceAll("^(timestamp|time) with time zone\\((\\d+)\\)$", "$1($2) with time zone");
        return array.isEmpty() ? t : t + "[]";
    }

    /**
     * A MariaDB/MySQL type as {@code information_schema.columns.column_type} writes it on MySQL 8: no display width on
     * integers but {@code tinyint(1)} (what {@code boolean} is), {@code integer} as {@code int}, {@code numeric} as
     * {@code decimal(p,s)}, {@code double precision} and {@code real} as {@code double}, {@code bit} as {@code bit(1)},
     * {@code time(0)}, {@code datetime(0)} and {@code timestamp(0)} without their digits;
     * literals (of an {@code enum}) keep their case; a character set or collation (not in {@code column_type}) goes.
     * MariaDB's {@code int(11)}/{@code bigint(20)} widths go, so both
     * servers' reports and the dialect's DDL compare in one spelling.
     */
    static String mysqlType(String type) {
        String t = lowerOutsideLiterals(type.strip()).replaceAll("\\s+", " ").replaceAll(" ?, ?", ",")
                .replaceAll(" \\(", "(").replaceAll(" (character set|charset|collate) [a-z0-9_]+", "");
        Matcher integer = MYSQL_INTEGER.matcher(t);
        if (integer.lookingAt() && !t.startsWith("tinyint(1)")) {
            t = integer.group(1) + t.substring(integer.end());
        }
        Matcher f = FLOAT.matcher(t);
        if (f.matches()) {
            return Integer.parseInt(f.group(1)) <= 24 ? "float" : "double";
        }
        t = t.replaceAll("^integer\\b", "int").replaceAll("^numeric\\b", "decimal")
                .replaceAll("^(double precision|real)$", "double").replaceAll("^(boolean|bool)$", "tinyint(1)")
                .replaceAll("^character varying\\(", "varchar(").replaceAll("^character\\b", "char")
                .replaceAll("^decimal$", "decimal(10,0)").replaceAll("^decimal\\((\\d+)\\)$", "decimal($1,0)")
                // No fractional digits is the temporal types' default: the server reports time(0) as time.
                .replaceAll("^(time|datetime|timestamp)\\(0\\)", "$1");
        return switch (t) {
            case "bit" -> "bit(1)";
            case "char" -> "char(1)";
            case "year(4)" -> "year";
            default -> t;
        };
    }

    /**
     * A MariaDB/MySQL default as {@link #defaultValue} writes it, and: {@code current_timestamp(6)}, {@code now()} and
     * {@code localtimestamp} as {@code current_timestamp},
     * {@code true}/{@code false} and bit literals ({@code b'1'}) as numbers, a decimal without trailing zeros
     * ({@code 0.00} is {@code 0}: the server reports the column's scale).
     */
    static String mysqlDefault(String sql) {
        Matcher bit = sql == null ? null : MYSQL_BIT.matcher(sql.strip().toLowerCase(Locale.ROOT));
        if (bit != null && bit.matches()) {
            return new java.math.BigInteger(bit.group(1), 2).toString();
        }
        String normalized = defaultValue(sql);
        if (normalized == null) {
            return null;
        }
        // The server gives current_timestamp the column's fractional digits (current_timestamp(6) on datetime(6)),
        // which the column's type already says.
        String s = CURRENT_TIMESTAMP.matcher(normalized).replaceAll("current_timestamp");
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true") ? "1" : "0";
        }
        Matcher number = MYSQL_NUMBER.matcher(s);
        if (number.matches()) {
            return number.group(2).isEmpty() ? number.group(1) : number.group(1) + "." + number.group(2);
        }
        return s;
    }

    /**
     * A default without casts, outer parentheses, case (outside string literals) or spacing, with
     * {@code now()} as {@code current_timestamp} and a quoted number as the number.
     */
    static String defaultValue(String sql) {
        if (sql == null) {
            return null;
        }
        String s = unwrap(sql.strip());
        s = lowerOutsideLiterals(s);
        s = CAST.matcher(s).replaceAll("");
        s = unwrap(s.replaceAll("\\s+", " "));
        s = BIT_STRING.matcher(s).replaceAll("$1");
        s = QUOTED_NUMBER.matcher(s).replaceAll("$1");
        s = s.replace("now()", "current_timestamp").replace("transaction_timestamp()", "current_timestamp");
        return s.equals("null") ? null : s;
    }

    private static String unwrap(String s) {
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean literal = false;
        for (char ch : s.toCharArray()) {
            if (ch == '\'') {
                literal = !literal;
            } else if (!literal && ch == '(') {
                depth++;
            } else if (!literal && ch == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String lowerOutsideLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean literal = false;
        for (char ch : s.toCharArray()) {
            if (ch == '\'') {
                literal = !literal;
            }
            out.append(literal || ch == '\'' ? ch : Character.toLowerCase(ch));
        }
        return out.toString();
    }
}
