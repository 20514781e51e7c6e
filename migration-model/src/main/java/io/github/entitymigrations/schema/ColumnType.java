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

    public static ColumnType of(String name) {
        return new ColumnType(name, null, null, null);
    }

    public static ColumnType ofLength(String name, int length) {
        return new ColumnType(name, length, null, null);
    }

    public static ColumnType numeric(String name, int precision, int scale) {
        return new ColumnType(name, null, precision, scale);
    }

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
