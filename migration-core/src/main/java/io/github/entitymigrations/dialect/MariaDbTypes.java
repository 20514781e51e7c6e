package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Column types exactly as Hibernate 6.6's and 7's {@code MariaDBDialect} and {@code MySQLDialect} write them (read
 * from their {@code DdlTypeRegistry}, which sizes text and binary types by capacity):
 *
 * <table>
 *   <caption>logical type to MariaDB/MySQL type</caption>
 *   <tr><td>BOOLEAN, BIT</td><td>bit</td></tr>
 *   <tr><td>TINYINT / SMALLINT / INTEGER / BIGINT</td><td>tinyint / smallint / integer / bigint</td></tr>
 *   <tr><td>FLOAT(p) / REAL / DOUBLE</td><td>float(p) (float without one) / real / double precision</td></tr>
 *   <tr><td>NUMERIC(p,s), DECIMAL(p,s)</td><td>decimal(p,s)</td></tr>
 *   <tr><td>CHAR(n) / NCHAR(n)</td><td>char(n) / on MySQL char(n) character set utf8mb4</td></tr>
 *   <tr><td>VARCHAR(n), LONGVARCHAR(n) (N...: on MySQL with {@code character set utf8mb4})</td>
 *       <td>varchar(n) up to 16383 (the most utf8mb4 characters a row holds), then text (to 65535),
 *       mediumtext (to 16777215), longtext; longtext without a length</td></tr>
 *   <tr><td>LONG32VARCHAR, LONG32NVARCHAR</td><td>longtext</td></tr>
 *   <tr><td>CLOB(n), NCLOB(n)</td><td>tinytext (to 255), text, mediumtext, longtext (also without a length:
 *       {@code @Lob}; NCLOB on MySQL with {@code character set utf8mb4})</td></tr>
 *   <tr><td>BINARY(n)</td><td>binary(n)</td></tr>
 *   <tr><td>VARBINARY(n), LONGVARBINARY(n)</td><td>varbinary(n) up to 65535, then mediumblob, longblob</td></tr>
 *   <tr><td>BLOB(n)</td><td>tinyblob (to 255), blob, mediumblob, longblob (also without a length)</td></tr>
 *   <tr><td>LONG32VARBINARY</td><td>longblob</td></tr>
 *   <tr><td>DATE</td><td>date</td></tr>
 *   <tr><td>TIME, TIME_UTC</td><td>time(6)</td></tr>
 *   <tr><td>TIMESTAMP, TIMESTAMP_UTC / TIMESTAMP_WITH_TIMEZONE</td><td>datetime(6) / timestamp(6)</td></tr>
 *   <tr><td>UUID</td><td>uuid on MariaDB 10.7+, binary(16) on MySQL and older MariaDB</td></tr>
 *   <tr><td>JSON</td><td>json</td></tr>
 *   <tr><td>GEOMETRY, GEOGRAPHY</td><td>geometry</td></tr>
 *   <tr><td>VARCHAR(n) ARRAY (any element) / ... ARRAY(n)</td><td>json, as Hibernate 7 stores a basic array
 *       where the database has none / varbinary(n), as Hibernate 6.6 does</td></tr>
 * </table>
 * The nationalized types ({@code @Nationalized}) are the plain ones on MariaDB, whose dialect in Hibernate 6.6 to 7.4
 * handles Unicode implicitly (its text columns take the table's character set). On MySQL they are in
 * {@code character set utf8mb4}, as Hibernate 7's {@code MySQLDialect} writes them; 6.6's writes
 * {@code character set utf8}, which MySQL reads as its 3-byte {@code utf8mb3}, refusing every character beyond
 * Unicode's first plane (emoji among them): a known difference (README).
 *
 * <p>A precision on a temporal type replaces the 6 fractional digits. A STRING enum (a character column with an
 * {@code in (...)} check) is the native {@code enum('A','B')}, see {@link MariaDbTableSql}. A {@code columnDefinition}
 * is used verbatim, as Hibernate uses it. The other types (TIME_WITH_TIMEZONE, INTERVAL_SECOND, INET, SQLXML, an ARRAY
 * without an element, OTHER, JAVA_OBJECT) have no MariaDB/MySQL type in Hibernate's dialects: such a column needs a
 * {@code columnDefinition}.
 */
final class MariaDbTypes {

    /** The longest {@code varchar(n)} Hibernate writes: 65535 bytes a row, 4 bytes a utf8mb4 character. */
    static final long MAX_VARCHAR_LENGTH = 16_383L;
    static final long MAX_VARBINARY_LENGTH = 65_535L;
    static final long TINY = 255L;
    static final long PLAIN = 65_535L;
    static final long MEDIUM = 16_777_215L;
    static final int DEFAULT_FRACTIONAL_DIGITS = 6;

    private MariaDbTypes() {
    }

    /**
     * What the server's types depend on.
     *
     * @param mysql      MySQL (nationalized text in {@code character set utf8mb4})
     * @param nativeUuid whether the server has a {@code uuid} type (MariaDB 10.7+)
     */
    record Server(boolean mysql, boolean nativeUuid) {
    }

    /** The column's type as written in DDL: its {@code columnDefinition}, or its logical type's. */
    static String of(Column column, Server server) {
        if (column.columnDefinition() != null && !column.columnDefinition().isBlank()) {
            return column.columnDefinition().strip();
        }
        return of(column.type(), column.name(), server);
    }

    /** {@code enum ('A','B')}, as Hibernate writes a STRING enum's column: its values sorted. */
    static String enumType(List<String> values) {
        return "enum (" + values.stream().sorted().map(MariaDbIdentifiers::literal).collect(Collectors.joining(","))
                + ")";
    }

    static String of(ColumnType t, String column, Server server) {
        Long n = t.length() == null ? null : t.length().longValue();
        String nationalized = server.mysql() ? " character set utf8mb4" : "";
        if (t.element() != null) {
            return n == null ? "json" : of(ColumnType.ofLength("VARBINARY", t.length()), column, server);
        }
        return switch (t.name()) {
            case "BOOLEAN", "BIT" -> "bit";
            case "TINYINT" -> "tinyint";
            case "SMALLINT" -> "smallint";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            case "REAL" -> "real";
            case "DOUBLE" -> "double precision";
            case "FLOAT" -> t.precision() == null ? "float" : "float(" + t.precision() + ")";
            case "NUMERIC", "DECIMAL" -> decimal(t);
            case "CHAR" -> "char(" + (n == null ? 1 : n) + ")";
            case "NCHAR" -> "char(" + (n == null ? 1 : n) + ")" + nationalized;
            case "VARCHAR", "LONGVARCHAR" -> varchar(n);
            case "NVARCHAR", "LONGNVARCHAR" -> varchar(n) + nationalized;
            case "LONG32VARCHAR", "LONG32NVARCHAR" -> "longtext";
            case "CLOB" -> text(n);
            case "NCLOB" -> text(n) + nationalized;
            case "BINARY" -> "binary(" + (n == null ? 1 : n) + ")";
            case "VARBINARY", "LONGVARBINARY" -> n != null && n <= MAX_VARBINARY_LENGTH ? "varbinary(" + n + ")"
                    : n != null && n <= MEDIUM ? "mediumblob" : "longblob";
            case "BLOB" -> blob(n);
            case "LONG32VARBINARY" -> "longblob";
            case "DATE" -> "date";
            case "TIME", "TIME_UTC" -> "time(" + fractionalDigits(t) + ")";
            case "TIMESTAMP", "TIMESTAMP_UTC" -> "datetime(" + fractionalDigits(t) + ")";
            case "TIMESTAMP_WITH_TIMEZONE" -> "timestamp(" + fractionalDigits(t) + ")";
            case "UUID" -> server.nativeUuid() ? "uuid" : "binary(16)";
            case "JSON" -> "json";
            case "GEOMETRY", "GEOGRAPHY" -> "geometry";
            default -> throw new UnsupportedOperationException("column " + column + " has type " + t
                    + ", which has no MariaDB or MySQL type of its own; give its mapping a columnDefinition "
                    + "(for example \"varchar(64)\" or \"json\")");
        };
    }

    private static String varchar(Long n) {
        if (n == null) {
            return "longtext";
        }
        return n <= MAX_VARCHAR_LENGTH ? "varchar(" + n + ")" : n <= PLAIN ? "text" : n <= MEDIUM ? "mediumtext"
                : "longtext";
    }

    private static String text(Long n) {
        return n == null ? "longtext" : n <= TINY ? "tinytext" : n <= PLAIN ? "text" : n <= MEDIUM ? "mediumtext"
                : "longtext";
    }

    private static String blob(Long n) {
        return n == null ? "longblob" : n <= TINY ? "tinyblob" : n <= PLAIN ? "blob" : n <= MEDIUM ? "mediumblob"
                : "longblob";
    }

    private static String decimal(ColumnType t) {
        if (t.precision() == null) {
            return "decimal";
        }
        return "decimal(" + t.precision() + (t.scale() == null ? "" : "," + t.scale()) + ")";
    }

    private static int fractionalDigits(ColumnType t) {
        return t.precision() != null ? t.precision() : DEFAULT_FRACTIONAL_DIGITS;
    }

    /** Two type texts compared as MariaDB and MySQL read them: case and spacing do not matter. */
    static boolean same(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    static String normalized(String type) {
        return type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
    }
}
