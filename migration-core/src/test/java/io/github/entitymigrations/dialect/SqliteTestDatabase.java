package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A real SQLite database in a file, migrated the way the runner does it: the dialect's
 * {@code beforeMigration()} outside the transaction, the statements and the integrity check inside one,
 * {@code afterMigration()} after it.
 */
final class SqliteTestDatabase implements AutoCloseable {

    private static final SqliteDialect SQLITE = new SqliteDialect();

    private final Connection connection;
    private Schema schema = new Schema(null, List.of(), List.of());

    SqliteTestDatabase(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Creates every table and sequence of {@code target}, tables referenced by others first. */
    SqliteTestDatabase create(Schema target) throws SQLException {
        List<Operation> ops = new ArrayList<>();
        List<Table> pending = new ArrayList<>(target.tables());
        List<String> created = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = pending.stream().filter(t -> t.foreignKeys().stream().allMatch(f ->
                    f.referencedTable().equalsIgnoreCase(t.name()) || created.contains(f.referencedTable())))
                    .findFirst().orElseThrow();
            ops.add(new CreateTable(next));
            created.add(next.name());
            pending.remove(next);
        }
        target.sequences().forEach(s -> ops.add(new CreateSequence(s)));
        return migrate(ops);
    }

    /** Applies the operations as one migration; on any failure rolls it back and rethrows. */
    SqliteTestDatabase migrate(List<? extends Operation> operations) throws SQLException {
        run(SQLITE.beforeMigration());
        connection.setAutoCommit(false);
        Schema current = schema;
        try {
            for (Operation op : operations) {
                run(SQLITE.render(op, current));
                current = new SchemaState(current).apply(List.of(op)).toSchema();
            }
            List<List<Object>> problems = rows(SQLITE.integrityCheck());
            if (!problems.isEmpty()) {
                throw new SQLException("foreign key check failed: " + problems);
            }
            connection.commit();
            schema = current;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
            run(SQLITE.afterMigration());
        }
        return this;
    }

    SqliteTestDatabase migrate(Operation... operations) throws SQLException {
        return migrate(List.of(operations));
    }

    Schema schema() {
        return schema;
    }

    void run(List<String> statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    void run(String sql) throws SQLException {
        run(List.of(sql));
    }

    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Column name → value of each row, ordered by {@code orderBy}: independent of the physical column order. */
    List<TreeMap<String, Object>> table(String table, String orderBy) throws SQLException {
        List<TreeMap<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select * from " + table + " order by " + orderBy)) {
            while (rs.next()) {
                TreeMap<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * What SQLite reports about a table, independent of column order and statement text: its columns
     * (name, type, not null, default, key position), indexes with their columns, and foreign keys.
     */
    List<String> shape(String table) throws SQLException {
        List<String> shape = new ArrayList<>();
        for (List<Object> c : rows("pragma table_info(" + quoted(table) + ")")) {
            shape.add("column " + c.get(1) + " " + c.get(2) + " notnull=" + c.get(3) + " default=" + c.get(4)
                    + " pk=" + c.get(5));
        }
        for (List<Object> i : rows("pragma index_list(" + quoted(table) + ")")) {
            List<Object> columns = rows("pragma index_info(" + quoted(String.valueOf(i.get(1))) + ")").stream()
                    .map(r -> r.get(2)).toList();
            String name = String.valueOf(i.get(1)).startsWith("sqlite_autoindex_") ? "(auto)" : String.valueOf(i.get(1));
            shape.add("index " + name + " unique=" + i.get(2) + " origin=" + i.get(3) + " " + columns);
        }
        for (List<Object> f : rows("pragma foreign_key_list(" + quoted(table) + ")")) {
            shape.add("fk " + f.get(3) + " -> " + f.get(2) + "." + f.get(4) + " on delete " + f.get(6));
        }
        shape.sort(null);
        return shape;
    }

    /** Runs a statement that must fail, returning the database's message. */
    String failing(String sql) {
        try {
            run(sql);
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected to fail: " + sql);
    }

    private static String quoted(String name) {
        return "'" + name.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
