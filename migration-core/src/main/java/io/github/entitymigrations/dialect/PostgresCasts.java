package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code USING} expression of an {@code ALTER COLUMN ... TYPE}, or {@code null} where PostgreSQL's
 * own assignment cast converts the values (then a {@code USING} would only hide errors: an explicit cast
 * to {@code varchar(n)} silently truncates, the assignment cast refuses too long a value).
 *
 * <ul>
 *   <li>No {@code USING}: within the numbers (smallint, integer, bigint, numeric, real, double), within
 *       the strings, anything to a string, and the date/time conversions PostgreSQL casts on assignment
 *       (date to timestamp, timestamp to timestamptz and back, time to timetz, ...).</li>
 *   <li>boolean to a number: {@code col::integer} (true 1, false 0); a number to boolean: {@code col <> 0}.
 *       NULL stays NULL either way.</li>
 *   <li>{@code @Lob} values live in large objects referenced by an {@code oid}: a string becomes
 *       {@code lo_from_bytea(0, convert_to(col, 'UTF8'))}, bytea {@code lo_from_bytea(0, col)}; back,
 *       text is {@code convert_from(lo_get(col), 'UTF8')} and bytea {@code lo_get(col)}. The large
 *       objects left behind by a conversion away from {@code oid} are not unlinked (run
 *       {@code vacuumlo} if that matters).</li>
 *   <li>numeric and interval: Hibernate stores a {@code Duration} as nanoseconds in numeric(21,0) or as an
 *       interval, so numbers become {@code make_interval(secs => col / 1000000000.0)} and intervals
 *       {@code extract(epoch from col) * 1000000000}.</li>
 *   <li>anything else (text to integer, text to jsonb, text to uuid, ...): {@code col::<new type>}; a row
 *       that does not convert fails the statement naming the value, and a pair PostgreSQL has no cast for
 *       at all (time to timestamp) fails with PostgreSQL's own message.</li>
 * </ul>
 * A target type PostgreSQL cannot be told to cast to (a {@code columnDefinition} that is not a plain type,
 * or one this class does not know) gets no {@code USING}: PostgreSQL then converts on assignment or says
 * that a USING expression is needed, and a hand-written {@code sql} step can do it.
 */
final class PostgresCasts {

    /** What a type is, as far as conversions go. */
    enum Family {
        INTEGER, EXACT, FLOAT, BOOLEAN, STRING, BYTEA, CLOB, BLOB, DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ,
        INTERVAL, UUID, JSON, INET, XML, OTHER
    }

    private static final Set<Family> NUMBERS = EnumSet.of(Family.INTEGER, Family.EXACT, Family.FLOAT);

    /** A type that may follow {@code ::}: a name, an optional size, an optional time zone and array marks. */
    private static final Pattern PLAIN_TYPE = Pattern.compile(
            "[a-z_][a-z0-9_ ]*(\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?( with(out)? time zone)?(\\[\\])*");
    private static final Pattern CLAUSE_WORD = Pattern.compile(
            "\\b(default|not|null|check|references|primary|unique|generated|constraint|collate)\\b");

    private PostgresCasts() {
    }

    /**
     * @param column the column's identifier as written in SQL
     * @param from   the column before, with {@code fromType} its SQL type
     * @param to     the column after, with {@code toType} its SQL type
     */
    static String using(String column, Column from, String fromType, Column to, String toType) {
        Family source = family(from, fromType);
        Family target = family(to, toType);
        String value = column;
        if (source == Family.CLOB) {
            value = "convert_from(lo_get(" + column + "), 'UTF8')";
            source = Family.STRING;
        } else if (source == Family.BLOB) {
            value = "lo_get(" + column + ")";
            source = Family.BYTEA;
        }
        boolean converted = !value.equals(column);
        if (target == Family.CLOB || target == Family.BLOB) {
            return "lo_from_bytea(0, " + (source == Family.BYTEA ? value : "convert_to(" + text(value, source) + ", 'UTF8')") + ")";
        }
        String special = special(value, source, target);
        if (special != null) {
            return special;
        }
        if (assignable(source, target) || !isPlainType(toType)) {
            return converted ? value : null;
        }
        return value + "::" + toType;
    }

    private static String text(String value, Family family) {
        return family == Family.STRING ? value : value + "::text";
    }

    private static String special(String value, Family source, Family target) {
        if (source == Family.BOOLEAN && NUMBERS.contains(target)) {
            return value + "::integer";
        }
        if (NUMBERS.contains(source) && target == Family.BOOLEAN) {
            return value + " <> 0";
        }
        if (source == Family.EXACT && target == Family.INTERVAL) {
            return "make_interval(secs => " + value + " / 1000000000.0)";
        }
        if (source == Family.INTERVAL && target == Family.EXACT) {
            return "extract(epoch from " + value + ") * 1000000000";
        }
        return null;
    }

    /** Whether PostgreSQL converts on assignment (implicit and assignment casts, I/O casts to strings). */
    static boolean assignable(Family from, Family to) {
        if (from == to || from == Family.OTHER || to == Family.OTHER || to == Family.STRING) {
            return true;
        }
        if (NUMBERS.contains(from) && NUMBERS.contains(to)) {
            return true;
        }
        return switch (from) {
            case DATE -> to == Family.TIMESTAMP || to == Family.TIMESTAMPTZ;
            case TIMESTAMP -> to == Family.TIMESTAMPTZ || to == Family.DATE || to == Family.TIME;
            case TIMESTAMPTZ -> to == Family.TIMESTAMP || to == Family.DATE || to == Family.TIME || to == Family.TIMETZ;
            case TIME -> to == Family.TIMETZ || to == Family.INTERVAL;
            case TIMETZ -> to == Family.TIME;
            case INTERVAL -> to == Family.TIME;
            default -> false;
        };
    }

    static Family family(Column column, String sqlType) {
        if (column.columnDefinition() == null || column.columnDefinition().isBlank()) {
            switch (column.type().name()) {
                case "CLOB", "NCLOB" -> {
                    return Family.CLOB;
                }
                case "BLOB" -> {
                    return Family.BLOB;
                }
                default -> {
                }
            }
        }
        return family(sqlType);
    }

    /** The family of an SQL type text such as {@code varchar(20)} or {@code timestamp(6) with time zone}. */
    static Family family(String sqlType) {
        String t = PostgresTypes.normalized(sqlType);
        if (t.endsWith("]")) {
            return Family.OTHER;
        }
        String base = t.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
        return switch (base) {
            case "smallint", "int2", "integer", "int", "int4", "bigint", "int8" -> Family.INTEGER;
            case "numeric", "decimal", "dec" -> Family.EXACT;
            case "real", "float4", "float", "float8", "double precision" -> Family.FLOAT;
            case "boolean", "bool" -> Family.BOOLEAN;
            case "varchar", "character varying", "char", "character", "bpchar", "text", "nchar", "nvarchar",
                 "national character", "national character varying" -> Family.STRING;
            case "bytea" -> Family.BYTEA;
            case "date" -> Family.DATE;
            case "time", "time without time zone" -> Family.TIME;
            case "timetz", "time with time zone" -> Family.TIMETZ;
            case "timestamp", "timestamp without time zone" -> Family.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> Family.TIMESTAMPTZ;
            case "uuid" -> Family.UUID;
            case "json", "jsonb" -> Family.JSON;
            case "inet", "cidr" -> Family.INET;
            case "xml" -> Family.XML;
            default -> base.startsWith("interval") ? Family.INTERVAL : Family.OTHER;
        };
    }

    /** Whether {@code type} can follow {@code ::} as it is (not a columnDefinition with clauses in it). */
    static boolean isPlainType(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return PLAIN_TYPE.matcher(t).matches() && !CLAUSE_WORD.matcher(t).find()
                && family(t) != Family.OTHER;
    }
}
