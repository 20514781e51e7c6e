package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;

import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Sequence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Two migrations for the drift tests: {@code customers} (identity key, unique email) with a sequence, then
 * {@code orders} (foreign key with an action, numeric, default, an enum-like check and an expression check, index).
 * Also rebuilds an SQLite table from edited SQL, as a person changing a column or constraint by hand there must.
 */
final class DriftFixture {

    private DriftFixture() {
    }

    static MigrationHistory write(Path directory) {
        MigrationHistory history = new MigrationHistory(directory);
        history.add("create customers",
                new CreateTable(MigrationHistory.table("customers", t -> {
                    t.col("id", BIGINT).notNull().identity();
                    t.pk("pk_customers", "id");
                    t.col("email", varchar(255)).notNull();
                    t.unique("uk_customers_email", "email");
                })),
                new CreateSequence(new Sequence(null, "orders_seq", 1, 50, false)));
        history.add("create orders",
                new CreateTable(MigrationHistory.table("orders", t -> {
                    t.id();
                    t.col("customer_id", BIGINT).notNull();
                    t.col("total", numeric(10, 2)).notNull();
                    t.col("status", varchar(20)).notNull().defaultValue("'NEW'");
                    t.col("note", varchar(100));
                    t.checkIn("ck_orders_status", "status", "NEW", "PAID");
                    t.checkExpression("ck_orders_total", "total >= 0");
                    t.fk("fk_orders_customer", List.of("customer_id"), "customers", List.of("id"), OnDelete.CASCADE);
                    t.index("idx_orders_customer", "customer_id");
                })));
        return history;
    }

    /**
     * Rebuilds an SQLite table with {@code from} replaced by {@code to} in its {@code create table} SQL: a new
     * table, the rows copied, the old one dropped, the new one renamed, its indexes created again.
     */
    static void sqliteRebuild(TestDatabase db, String table, String from, String to) throws SQLException {
        String sql = db.query("select sql from sqlite_master where type = 'table' and name = '" + table + "'").get(0);
        if (!sql.contains(from)) {
            throw new AssertionError("no \"" + from + "\" in " + sql);
        }
        List<String> indexes = db.query("select sql from sqlite_master where type = 'index' and tbl_name = '" + table
                + "' and sql is not null");
        List<String> statements = new ArrayList<>();
        statements.add("pragma foreign_keys = off");
        statements.add(sql.replace(from, to).replaceFirst("(?i)create table \"?" + table + "\"?", "create table " + table
                + "_new"));
        statements.add("insert into " + table + "_new select * from " + table);
        statements.add("drop table " + table);
        statements.add("alter table " + table + "_new rename to " + table);
        statements.addAll(indexes);
        try (Connection c = java.sql.DriverManager.getConnection(db.database().url()); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The {@code create table} SQL SQLite keeps for a table (for a test's failure message). */
    static String sqliteSql(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select sql from sqlite_master where name = '" + table + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
