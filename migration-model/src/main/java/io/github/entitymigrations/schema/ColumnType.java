package io.github.entitymigrations.schema;

/**
 * A dialect-neutral column type. {@code name} is one of the JDBC type names Hibernate uses in
 * {@code org.hibernate.type.SqlTypes} ({@code VARCHAR}, {@code NUMERIC}, {@code TIMESTAMP_UTC},
 * {@code UUID}, {@code JSON}, ...); each dialect renders it as Hibernate's dialect for that database
 * does. Size attributes are {@code null} where the type has none.
 *
 * @param name      the logical type name
 * @param length    the length of character and binary types
 * @param precision the precision of exact numerics (and fractional seconds where one is set)
 * @param scale     the scale of exact numerics
 */
public record ColumnType(String name, Integer length, Integer precision, Integer scale) {

    /**
     * Every logical type name: those of {@code SqlTypes} the processor writes (and {@code DOUBLE}, which the
     * dialects also render). A migration file naming another type is refused when it is read.
     */
    public static final java.util.Set<String> NAMES = java.util.Set.of("BIT", "BOOLEAN", "TINYINT", "SMALLINT",
            "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE", "NUMERIC", "DECIMAL", "CHAR", "NCHAR", "VARCHAR", "NVARCHAR",
            "LONGVARCHAR", "LONGNVARCHAR", "LONG32VARCHAR", "LONG32NVARCHAR", "CLOB", "NCLOB", "BLOB", "BINARY",
            "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY", "DATE", "TIME", "TIME_UTC", "TIME_WITH_TIMEZONE",
            "TIMESTAMP", "TIMESTAMP_UTC", "TIMESTAMP_WITH_TIMEZONE", "INTERVAL_SECOND", "UUID", "JSON", "INET", "SQLXML",
            "GEOMETRY", "GEOGRAPHY", "ARRAY", "OTHER", "JAVA_OBJECT");

    /** The types whose one size is a length ({@code VARCHAR(255)}); for the others it is a precision. */
    private static final java.util.Set<String> SIZED_BY_LENGTH = java.util.Set.of("CHAR", "VARCHAR", "NCHAR",
            "NVARCHAR", "BINARY", "VARBINARY", "LONGVARCHAR", "LONGVARBINARY", "LONGNVARCHAR");
    private static final java.util.regex.Pattern COMPACT =
            java.util.regex.Pattern.compile("([A-Z0-9_]+)(?:\\((\\d{1,9})(?:,\\s*(\\d{1,9}))?\\))?");

    public static ColumnType of(String name) {
        return new ColumnType(name, null, null, null);
    }

    public static ColumnType ofLength(String name, int length) {
        return new ColumnType(name, length, null, null);
    }

    public static ColumnType numeric(String name, int precision, int scale) {
        return new ColumnType(name, null, precision, scale);
    }

    /**
     * A type in its compact form, as {@link #toString()} writes it: {@code "VARCHAR(255)"},
     * {@code "NUMERIC(10,2)"}, {@code "FLOAT(53)"}, {@code "BIGINT"}. Migration files write a column's type so.
     *
     * @throws IllegalArgumentException for another form or an unknown type name, saying what is expected
     */
    public static ColumnType parse(String text) {
        java.util.regex.Matcher m = COMPACT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a column type: \"" + text
                    + "\" (expected a type name with an optional size, e.g. VARCHAR(255) or NUMERIC(10,2))");
        }
        String name = m.group(1);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown column type \"" + name + "\" in \"" + text + "\"; the types "
                    + "are " + new java.util.TreeSet<>(NAMES) + " (for a database-specific type, write "
                    + "\"OTHER\" with a \"columnDefinition\")");
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (first != null && SIZED_BY_LENGTH.contains(name)) {
            return new ColumnType(name, first, null, null);
        }
        return new ColumnType(name, null, first, second);
    }

    /** The compact form {@link #parse} reads. */
    @Override
    public String toString() {
        if (length != null) {
            return name + "(" + length + ")";
        }
        if (precision != null) {
            return scale == null ? name + "(" + precision + ")" : name + "(" + precision + "," + scale + ")";
        }
        return name;
    }
}
