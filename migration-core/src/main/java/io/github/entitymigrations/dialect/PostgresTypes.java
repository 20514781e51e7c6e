package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import java.util.Locale;

/**
 * Column types exactly as Hibernate 6.6's {@code PostgreSQLDialect} writes them (read from its
 * {@code DdlTypeRegistry}), so {@code hibernate.hbm2ddl.auto=validate} accepts the migrated schema:
 *
 * <table>
 *   <caption>logical type to PostgreSQL type</caption>
 *   <tr><td>BOOLEAN, BIT</td><td>boolean</td></tr>
 *   <tr><td>TINYINT, SMALLINT / INTEGER / BIGINT</td><td>smallint / integer / bigint</td></tr>
 *   <tr><td>FLOAT(p &le; 24) / FLOAT(p &gt; 24 or none)</td><td>float4 / float(53)</td></tr>
 *   <tr><td>REAL / DOUBLE</td><td>real / double precision</td></tr>
 *   <tr><td>NUMERIC(p,s) / DECIMAL(p,s)</td><td>numeric(p,s) / decimal(p,s)</td></tr>
 *   <tr><td>CHAR(n), NCHAR(n)</td><td>char(n)</td></tr>
 *   <tr><td>VARCHAR(n), NVARCHAR(n), LONGVARCHAR(n), LONGNVARCHAR(n)</td>
 *       <td>varchar(n); text above 10485760 (PostgreSQL's limit) or without a length</td></tr>
 *   <tr><td>LONG32VARCHAR, LONG32NVARCHAR</td><td>text</td></tr>
 *   <tr><td>CLOB, NCLOB, BLOB</td><td>oid (a large object, as Hibernate stores {@code @Lob})</td></tr>
 *   <tr><td>BINARY, VARBINARY, LONGVARBINARY, LONG32VARBINARY</td><td>bytea</td></tr>
 *   <tr><td>DATE</td><td>date</td></tr>
 *   <tr><td>TIME, TIME_UTC / TIME_WITH_TIMEZONE</td><td>time(6) / time(6) with time zone</td></tr>
 *   <tr><td>TIMESTAMP / TIMESTAMP_UTC, TIMESTAMP_WITH_TIMEZONE</td>
 *       <td>timestamp(6) / timestamp(6) with time zone</td></tr>
 *   <tr><td>INTERVAL_SECOND</td><td>interval second(6)</td></tr>
 *   <tr><td>UUID, JSON, INET, SQLXML</td><td>uuid, jsonb, inet, xml</td></tr>
 *   <tr><td>GEOMETRY, GEOGRAPHY</td><td>geometry, geography (PostGIS)</td></tr>
 *   <tr><td>VARCHAR(n) ARRAY (any element type)</td><td>varchar(n) array (the element's type, then
 *       {@code array}; PostgreSQL reads it as {@code varchar(n)[]})</td></tr>
 * </table>
 * A precision on a temporal type replaces the 6 fractional digits. An ARRAY without an element, OTHER and
 * JAVA_OBJECT have no type of their own: such a column needs a {@code columnDefinition}. A
 * {@code columnDefinition} is used verbatim, as Hibernate uses it.
 */
final class PostgresTypes {

    /** The longest {@code varchar(n)} PostgreSQL accepts; Hibernate switches to {@code text} above it. */
    static final long MAX_VARCHAR_LENGTH = 10_485_760L;

    /** Hibernate's default fractional-second digits for temporal types on PostgreSQL. */
    static final int DEFAULT_FRACTIONAL_DIGITS = 6;

    private PostgresTypes() {
    }

    /** The column's type as written in DDL: its {@code columnDefinition}, or its logical type's. */
    static String of(Column column) {
        if (column.columnDefinition() != null && !column.columnDefinition().isBlank()) {
            return column.columnDefinition().strip();
        }
        return of(column.type(), column.name());
    }

    static String of(ColumnType t, String column) {
        if (t.element() != null) {
            return of(t.element(), column) + " array";
        }
        return switch (t.name()) {
            case "BOOLEAN", "BIT" -> "boolean";
            case "TINYINT", "SMALLINT" -> "smallint";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "REAL" -> "real";
            case "DOUBLE" -> "double precision";
            case "FLOAT" -> t.precision() != null && t.precision() <= 24 ? "float4" : "float(53)";
            case "NUMERIC", "DECIMAL" -> numeric(t.name().toLowerCase(Locale.ROOT), t);
            case "CHAR", "NCHAR" -> "char(" + (t.length() == null ? 1 : t.length()) + ")";
            case "VARCHAR", "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR" ->
                    t.length() == null || t.length() > MAX_VARCHAR_LENGTH ? "text" : "varchar(" + t.length() + ")";
            case "LONG32VARCHAR", "LONG32NVARCHAR" -> "text";
            case "CLOB", "NCLOB", "BLOB" -> "oid";
            case "BINARY", "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY" -> "bytea";
            case "DATE" -> "date";
            case "TIME", "TIME_UTC" -> "time(" + fractionalDigits(t) + ")";
            case "TIME_WITH_TIMEZONE" -> "time(" + fractionalDigits(t) + ") with time zone";
            case "TIMESTAMP" -> "timestamp(" + fractionalDigits(t) + ")";
            case "TIMESTAMP_UTC", "TIMESTAMP_WITH_TIMEZONE" -> "timestamp(" + fractionalDigits(t) + ") with time zone";
            case "INTERVAL_SECOND" -> "interval second(" + (t.scale() != null ? t.scale() : fractionalDigits(t)) + ")";
            case "UUID" -> "uuid";
            case "JSON" -> "jsonb";
            case "INET" -> "inet";
            case "SQLXML" -> "xml";
            case "GEOMETRY" -> "geometry";
            case "GEOGRAPHY" -> "geography";
            default -> throw new UnsupportedOperationException("column " + column + " has type " + t
                    + ", which has no PostgreSQL type of its own; give its mapping a columnDefinition "
                    + "(for example \"text[]\" or \"jsonb\")");
        };
    }

    private static String numeric(String name, ColumnType t) {
        if (t.precision() == null) {
            return name;
        }
        return name + "(" + t.precision() + (t.scale() == null ? "" : "," + t.scale()) + ")";
    }

    private static int fractionalDigits(ColumnType t) {
        return t.precision() != null ? t.precision() : DEFAULT_FRACTIONAL_DIGITS;
    }

    /** Two type texts compared as PostgreSQL reads them: case and spacing do not matter. */
    static boolean same(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    static String normalized(String type) {
        return type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
    }
}
