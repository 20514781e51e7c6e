package io.github.entitymigrations.introspect;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.introspect.SchemaObject.Kind;
import io.github.entitymigrations.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the schema a live database has, as {@link SchemaObject}s comparable with {@link ExpectedObjects}:
 * PostgreSQL from its catalog ({@link PostgresCatalog}), SQLite from its pragmas and table SQL
 * ({@link SqliteCatalog}), MariaDB and MySQL from {@code information_schema} ({@link MariaDbCatalog}). Only the configured schema is read, plus the schemas the migrations name
 * explicitly; what belongs to the tool or the database itself is left out.
 */
public final class LiveSchema {

    /** How a column without a default shows its default. */
    static final String NO_DEFAULT = "none";

    private LiveSchema() {
    }

    /**
     * @param schemaIdentifier the configured PostgreSQL schema (MariaDB/MySQL database) as SQL writes it, or
     *                         {@code null} for the connection's current one
     * @param expected         the schema the migrations produce: which other schemas to read
     * @param ignoredTables    tables that are not the application's (the version table), in any case; Hibernate's
     *                         helper tables ({@link #hibernateHelperTable}) are never read either
     */
    public static List<SchemaObject> read(Connection c, Dialect dialect, String schemaIdentifier, Schema expected,
                                          Set<String> ignoredTables) throws SQLException {
        List<SchemaObject> objects;
        if (SqliteDialect.NAME.equals(dialect.name())) {
            objects = SqliteCatalog.read(c);
        } else if (mysqlFamily(dialect)) {
            boolean mysqlSequences = MYSQL.equals(dialect.name());
            objects = new java.util.ArrayList<>(MariaDbCatalog.read(c, unquoted(schemaIdentifier), "",
                    mysqlSequences, expected));
            for (String other : otherSchemas(expected)) {
                objects.addAll(MariaDbCatalog.read(c, other, lower(other) + ".", mysqlSequences, expected));
            }
        } else {
            objects = new java.util.ArrayList<>(PostgresCatalog.read(c, schemaIdentifier, ""));
            for (String other : otherSchemas(expected)) {
                objects.addAll(PostgresCatalog.read(c, dialect.identifier(other, false), lower(other) + "."));
            }
        }
        Set<String> ignored = new TreeSet<>(ignoredTables.stream().map(LiveSchema::lower).toList());
        Set<String> migrated = new TreeSet<>(expected.tables().stream().map(t -> lower(t.name())).toList());
        return objects.stream().filter(o -> {
            String table = o.table() == null ? o.name() : o.table();
            return !ignored.contains(table) && !(hibernateHelperTable(table) && !migrated.contains(table));
        }).toList();
    }

    /**
     * Whether {@code table} (lower case) is named as Hibernate's helper tables for multi-table updates, deletes and
     * inserts ({@code HT_orders}, {@code HTE_orders}): Hibernate 7 creates them as tables of their own on SQLite when
     * it starts (on PostgreSQL and MariaDB they are temporary tables, which no other session sees). They are not the
     * application's schema, unless the migrations have a table of that name.
     */
    static boolean hibernateHelperTable(String table) {
        return table.startsWith("ht_") || table.startsWith("hte_");
    }

    /** The dialects of the MariaDB/MySQL family (as {@code MariaDbDialect} names them). */
    static final String MARIADB = "mariadb";
    static final String MYSQL = "mysql";

    /** Whether {@code dialect} is MariaDB's or MySQL's: read through {@link MariaDbCatalog}. */
    static boolean mysqlFamily(Dialect dialect) {
        return MARIADB.equals(dialect.name()) || MYSQL.equals(dialect.name());
    }

    /** The schemas the migrations name explicitly. */
    private static Set<String> otherSchemas(Schema expected) {
        Set<String> others = new TreeSet<>();
        expected.tables().stream().map(t -> t.schema()).filter(s -> s != null && !s.isBlank()).forEach(others::add);
        expected.sequences().stream().map(s -> s.schema()).filter(s -> s != null && !s.isBlank()).forEach(others::add);
        return others;
    }

    /** A database name as SQL wrote it ({@code `shop`}) as the catalog stores it ({@code shop}). */
    static String unquoted(String identifier) {
        if (identifier != null && identifier.length() > 1 && (identifier.startsWith("`") && identifier.endsWith("`")
                || identifier.startsWith("\"") && identifier.endsWith("\""))) {
            char q = identifier.charAt(0);
            return identifier.substring(1, identifier.length() - 1).replace(q + "" + q, q + "");
        }
        return identifier;
    }

    static String list(List<String> names) {
        return String.join(", ", names.stream().map(LiveSchema::lower).toList());
    }

    static String nullability(boolean notNull) {
        return notNull ? "not null" : "nullable";
    }

    /** {@code pg_attribute.attidentity}: {@code d}, {@code a} or empty. */
    static String identity(String attidentity) {
        return switch (attidentity == null ? "" : attidentity) {
            case "d" -> "generated by default as identity";
            case "a" -> "generated always as identity";
            default -> "none";
        };
    }

    /** MariaDB's and MySQL's identity: {@code auto_increment} in {@code information_schema.columns.extra}. */
    static String autoIncrement(boolean autoIncrement) {
        return autoIncrement ? "auto_increment" : "none";
    }

    static SchemaObject index(String table, String name, String columns, boolean unique) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("columns", columns);
        properties.put("uniqueness", unique ? "unique" : "not unique");
        return new SchemaObject(Kind.INDEX, table, name, properties);
    }

    static SchemaObject foreignKey(String table, String name, String columns, String referencedTable,
                                   String referencedColumns, String onDelete) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("columns", columns);
        properties.put("references", lower(referencedTable) + " (" + referencedColumns + ")");
        properties.put("on delete", onDelete.toLowerCase(Locale.ROOT));
        return new SchemaObject(Kind.FOREIGN_KEY, table, name, properties);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
