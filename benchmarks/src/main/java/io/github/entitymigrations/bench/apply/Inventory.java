package io.github.entitymigrations.bench.apply;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a migrated database holds, without the tools' own bookkeeping tables: every
 * {@code table.column}, lower case. Checked after every measured run, so a tool that did not really
 * apply the migrations cannot look fast.
 */
public final class Inventory {

    /** The history and lock tables of Entity Migrations, Flyway and Liquibase. */
    static final Set<String> BOOKKEEPING = Set.of("entity_migrations_history", "flyway_schema_history",
            "databasechangelog", "databasechangeloglock");

    private Inventory() {
    }

    /** Every user table's columns as {@code table.column}. */
    public static Set<String> columns(String url) throws SQLException {
        String query = url.startsWith("jdbc:sqlite:")
                ? "select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p "
                + "where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'"
                : "select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t "
                + "on t.table_schema = c.table_schema and t.table_name = c.table_name "
                + "where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'";
        Set<String> result = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                String table = rs.getString(1).toLowerCase(java.util.Locale.ROOT);
                if (!BOOKKEEPING.contains(table)) {
                    result.add(table + "." + rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return result;
    }

    /** Fails unless the database has exactly the expected number of user tables and columns. */
    public static void require(String url, int tables, int columns, String what) throws SQLException {
        Set<String> found = columns(url);
        long foundTables = found.stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().count();
        if (foundTables != tables || found.size() != columns) {
            throw new IllegalStateException(what + ": expected " + tables + " tables with " + columns
                    + " columns, found " + foundTables + " tables with " + found.size() + " columns");
        }
    }
}
