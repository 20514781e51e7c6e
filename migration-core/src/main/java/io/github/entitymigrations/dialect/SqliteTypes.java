package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import java.util.Locale;

/**
 * Column types as Hibernate 6.6's community {@code SQLiteDialect} writes them (its DDL, checked against
 * {@code hibernate-community-dialects} 6.6.49 on SQLite 3.54), so {@code hbm2ddl.auto=validate} finds the
 * names it expects. SQLite stores any value in any column; the declared name only sets the column's
 * affinity (see {@link #affinity}), which decides how values are converted on the way in.
 */
final class SqliteTypes {

    /** Hibernate's default fractional-second digits for {@code time(p)}. */
    private static final int DEFAULT_TIME_PRECISION = 6;

    private SqliteTypes() {
    }

    /**
     * The declared type of a column: an identity column is {@code integer} (with the table's single-column
     * primary key it is SQLite's rowid alias, as Hibernate's {@code SQLiteIdentityColumnSupport} writes it),
     * a {@code columnDefinition} is used verbatim, otherwise the mapped type.
     */
    static String declared(Column column) {
        if (column.identity()) {
            return "integer";
        }
        if (column.columnDefinition() != null) {
            return column.columnDefinition();
        }
        return of(column.type(), column.name());
    }

    /** The SQLite type for a logical type. */
    static String of(ColumnType type, String columnName) {
        if (type.element() != null) {
            // A basic array, which Hibernate's SQLite dialect stores as bytes.
            return "blob";
        }
        return switch (type.name()) {
            case "BIT", "BOOLEAN" -> "boolean";
            case "TINYINT" -> "tinyint";
            case "SMALLINT" -> "smallint";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "bigint";
            // Hibernate writes float without precision (float(24) and float(53) alike).
            case "FLOAT" -> "float";
            case "REAL" -> "real";
            case "DOUBLE" -> "double precision";
            case "NUMERIC", "DECIMAL" -> exact(type);
            // Nationalized types: SQLite's nationalization support is implicit, so Hibernate uses the plain ones.
            case "CHAR", "NCHAR" -> sized("char", type.length());
            case "VARCHAR", "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR" -> sized("varchar", type.length());
            case "LONG32VARCHAR", "LONG32NVARCHAR", "CLOB", "NCLOB", "JSON", "SQLXML" -> "clob";
            case "DATE" -> "date";
            case "TIME", "TIME_UTC" -> "time(" + (type.precision() == null ? DEFAULT_TIME_PRECISION
                    : type.precision()) + ")";
            case "TIME_WITH_TIMEZONE" -> "time";
            case "TIMESTAMP", "TIMESTAMP_UTC", "TIMESTAMP_WITH_TIMEZONE" -> "timestamp";
            case "BINARY", "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY", "BLOB", "UUID", "INET" -> "blob";
            default -> throw new UnsupportedOperationException("SQLite has no type for " + type + " (column "
                    + columnName + "), and Hibernate's SQLite dialect maps none; give the column a "
                    + "columnDefinition, or map it to another type");
        };
    }

    private static String exact(ColumnType type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        if (type.precision() == null) {
            return name;
        }
        return name + "(" + type.precision() + (type.scale() == null ? "" : "," + type.scale()) + ")";
    }

    private static String sized(String name, Integer length) {
        return length == null ? name : name + "(" + length + ")";
    }

    /** SQLite's type affinity of a declared type, by the rules of https://www.sqlite.org/datatype3.html (3.1). */
    enum Affinity { INTEGER, TEXT, BLOB, REAL, NUMERIC }

    static Affinity affinity(String declaredType) {
        String t = declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Affinity.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Affinity.TEXT;
        }
        if (t.contains("BLOB") || t.isBlank()) {
            return Affinity.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Affinity.REAL;
        }
        return Affinity.NUMERIC;
    }

    /**
     * Whether a copy from a column declared {@code from} into one declared {@code to} must be guarded
     * against values that do not convert: when the new column has INTEGER or REAL affinity and the old one
     * had another (except INTEGER into REAL, which always converts). No CAST is used: it would turn
     * {@code 'paid'} into 0 or {@code '2024-05-01'} into 2024; the column's own affinity converts
     * well-formed numbers and keeps the rest, which the guard then refuses.
     */
    static boolean needsGuard(String from, String to) {
        Affinity source = affinity(from);
        Affinity target = affinity(to);
        boolean numericTarget = target == Affinity.INTEGER || target == Affinity.REAL;
        return numericTarget && source != target && !(source == Affinity.INTEGER && target == Affinity.REAL);
    }
}
