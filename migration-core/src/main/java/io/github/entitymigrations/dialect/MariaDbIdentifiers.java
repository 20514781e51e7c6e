package io.github.entitymigrations.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * Identifiers and string literals as MariaDB and MySQL read them. Neither folds case: a name is written as the
 * mapping gives it (as Hibernate writes it), in backticks when it must be, so quoting never changes which object a
 * name means (whether {@code Orders} and {@code orders} are one table is the server's {@code lower_case_table_names},
 * not the SQL's).
 */
final class MariaDbIdentifiers {

    /** The longest identifier (table, column, index, constraint, sequence, database) both servers accept. */
    static final int MAX_LENGTH = 64;

    /**
     * The reserved words of MySQL 8.0/8.4 and MariaDB 10.6 to 11.x (those their manuals mark reserved): a name among
     * them must be quoted. Quoting a word that needs none is harmless here, so the list errs on the long side.
     */
    static final Set<String> RESERVED = Set.of("accessible", "add", "all", "alter", "analyze", "and", "as", "asc",
            "asensitive", "before", "between", "bigint", "binary", "blob", "both", "by", "call", "cascade", "case",
            "change", "char", "character", "check", "collate", "column", "condition", "constraint", "continue",
            "convert", "create", "cross", "cube", "cume_dist", "current_date", "current_role", "current_time",
            "current_timestamp", "current_user", "cursor", "database", "databases", "day_hour", "day_microsecond",
            "day_minute", "day_second", "dec", "decimal", "declare", "default", "delayed", "delete",
            "delete_domain_id", "dense_rank", "desc", "describe", "deterministic", "distinct", "distinctrow", "div",
            "do_domain_ids", "double", "drop", "dual", "each", "else", "elseif", "empty", "enclosed", "escaped",
            "except", "exists", "exit", "explain", "false", "fetch", "first_value", "float", "float4", "float8", "for",
            "force", "foreign", "from", "fulltext", "function", "general", "generated", "get", "grant", "group",
            "grouping", "groups", "having", "high_priority", "hour_microsecond", "hour_minute", "hour_second", "if",
            "ignore", "ignore_domain_ids", "ignore_server_ids", "in", "index", "infile", "inner", "inout",
            "insensitive", "insert", "int", "int1", "int2", "int3", "int4", "int8", "integer", "intersect",
            "interval", "into", "io_after_gtids", "io_before_gtids", "is", "iterate", "join", "json_table", "key",
            "keys", "kill", "lag", "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit",
            "linear", "lines", "load", "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop",
            "low_priority", "manual", "master_bind", "master_heartbeat_period", "master_ssl_verify_server_cert",
            "match", "maxvalue", "mediumblob", "mediumint", "mediumtext", "middleint", "minute_microsecond",
            "minute_second", "mod", "modifies", "natural", "not", "no_write_to_binlog", "nth_value", "ntile", "null",
            "numeric", "of", "offset", "on", "optimize", "optimizer_costs", "option", "optionally", "or", "order",
            "out", "outer", "outfile", "over", "page_checksum", "parallel", "parse_vcol_expr", "partition",
            "percent_rank", "position", "precision", "primary", "procedure", "purge", "qualify", "range", "rank",
            "read", "reads", "read_write", "real", "recursive", "ref_system_id", "references", "regexp", "release",
            "rename", "repeat", "replace", "require", "resignal", "restrict", "return", "returning", "revoke",
            "right", "rlike", "row", "row_number", "rows", "schema", "schemas", "second_microsecond", "select",
            "sensitive", "separator", "set", "show", "signal", "slow", "smallint", "spatial", "specific", "sql",
            "sqlexception", "sqlstate", "sqlwarning", "sql_big_result", "sql_calc_found_rows", "sql_small_result",
            "ssl", "starting", "stats_auto_recalc", "stats_persistent", "stats_sample_pages", "stored",
            "straight_join", "system", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext", "to",
            "trailing", "trigger", "true", "undo", "union", "unique", "unlock", "unsigned", "update", "usage", "use",
            "using", "utc_date", "utc_time", "utc_timestamp", "values", "varbinary", "varchar", "varcharacter",
            "varying", "virtual", "when", "where", "while", "window", "with", "write", "xor", "year_month",
            "zerofill");

    private MariaDbIdentifiers() {
    }

    /**
     * {@code name} as MariaDB and MySQL must read it: bare when it is a plain name ({@code [A-Za-z_$][A-Za-z0-9_$]*})
     * and no reserved word, else in backticks with embedded backticks doubled; a quoted name always in backticks.
     *
     * @throws IllegalArgumentException for an empty name, one longer than 64 characters or one holding NUL
     */
    static String identifier(String name, boolean quoted) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the name " + name + " is " + name.length() + " characters long, and "
                    + "MariaDB and MySQL allow at most " + MAX_LENGTH + ": give it a shorter name in the mapping "
                    + "(@Table(name), @Column(name), @Index(name), ...)");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier cannot contain a NUL character: " + name);
        }
        if (!quoted && isBare(name)) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    private static boolean isBare(String name) {
        char first = name.charAt(0);
        if (!(isLetter(first) || first == '_' || first == '$')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return !RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * A check expression with each double-quoted name that {@code columns} knows ({@code "kind"}, {@code "cargoClass"})
     * written in backticks. The snapshot's expressions quote names as standard SQL does (the checks Hibernate 7 puts
     * on a single-table hierarchy, {@code "kind" <> 1 or ("seats" is not null)}, with quoted names); MariaDB and MySQL
     * read a double-quoted text as a string literal (the runner refuses {@code ANSI_QUOTES}), which would compare the
     * text {@code 'kind'} with 1. Text in single quotes or backticks stays as it is, and so does a double-quoted text
     * that names no column of the table (a literal written for MariaDB).
     *
     * @param columns a column's name as defined, for a name as written; null when the table has no such column
     */
    static String columnsInBackticks(String expression, java.util.function.UnaryOperator<String> columns) {
        if (expression == null || expression.indexOf('"') < 0) {
            return expression;
        }
        StringBuilder out = new StringBuilder(expression.length() + 8);
        int i = 0;
        while (i < expression.length()) {
            char ch = expression.charAt(i);
            if (ch == '\'' || ch == '`') {
                int end = closing(expression, i, ch);
                out.append(expression, i, end);
                i = end;
            } else if (ch == '"') {
                int end = closing(expression, i, '"');
                String quoted = expression.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                String column = end - 1 > i && expression.charAt(end - 1) == '"' && !quoted.isEmpty()
                        ? columns.apply(quoted) : null;
                out.append(column == null ? expression.substring(i, end) : identifier(column, true));
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The index after the quote closing the quoted text that starts at {@code start} with {@code quote} (a doubled
     * quote, or a backslash before one inside a string literal, escapes it); the text's end when none closes it.
     */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\\' && quote == '\'' && i + 1 < text.length()) {
                i += 2;
            } else if (ch == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /**
     * A string literal as MariaDB and MySQL read it in their default SQL mode, where a backslash escapes: quotes
     * doubled and backslashes doubled ({@code 'it''s a \\ path'}). It reads the same with
     * {@code NO_BACKSLASH_ESCAPES}, except that doubled backslashes stay doubled there.
     */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
