package io.github.entitymigrations.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.entitymigrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a migration that cannot run in one transaction records its progress, unit by unit, so that a run killed
 * part-way (kill -9, a lost connection, a crashed server) can be undone by the next one: {@value #NAME}, beside
 * the version table, created the first time such a migration runs. A row is written before its unit runs
 * ({@code started}), marked {@code applied} once it has (in the unit's own transaction when it has one), marked
 * {@code undoing} before its undo runs and deleted once that is done; the version row and the removal of the
 * migration's rows commit together. Each row keeps the statements that undo its unit, so undoing needs neither
 * the migration file nor a new plan.
 */
final class UndoJournal {

    public static final String NAME = "entity_migrations_undo";

    static final String STARTED = "started";
    static final String APPLIED = "applied";
    static final String UNDOING = "undoing";

    /** Built on first use: only a database without transactional DDL journals its steps. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** One row: a unit of the interrupted migration. */
    record Entry(String migrationId, boolean upgrade, int unit, String state, String operation, String checksum,
                 boolean transactional, List<String> undo, boolean undoTransactional) {

        String describe() {
            return "step " + unit + " (" + operation + ")";
        }
    }

    private final DatabaseKind kind;
    private final VersionTable versions;
    private final String table;
    private final String textType;
    private final String primaryKey;

    UndoJournal(Dialect dialect, VersionTable versions) {
        this.kind = versions.kind();
        this.versions = versions;
        String name = dialect.identifier(NAME, false);
        this.table = versions.schemaIdentifier() == null ? name : versions.schemaIdentifier() + "." + name;
        this.textType = "postgresql".equals(dialect.name()) || "sqlite".equals(dialect.name()) ? "text" : "longtext";
        this.primaryKey = dialect.identifier("pk_" + NAME, false);
    }

    String qualifiedName() {
        return table;
    }

    boolean exists(Connection c) throws SQLException {
        return !kind.tables(c, versions, NAME).isEmpty();
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table if not exists " + table + " (migration_id varchar(32) not null, "
                    + "direction varchar(9) not null, unit integer not null, state varchar(8) not null, "
                    + "operation varchar(1000) not null, checksum varchar(64) not null, "
                    + "transactional_unit integer not null, undo_statements " + textType + ", undo_transactional integer not null, "
                    + "constraint " + primaryKey + " primary key (migration_id, unit))");
        }
    }

    void started(Connection c, Step step, Unit unit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into " + table + " (migration_id, direction, unit, "
                + "state, operation, checksum, transactional_unit, undo_statements, undo_transactional) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, step.id());
            p.setString(2, step.upgrade() ? "upgrade" : "downgrade");
            p.setInt(3, unit.number());
            p.setString(4, STARTED);
            String op = unit.operation().describe();
            p.setString(5, op.length() > 1000 ? op.substring(0, 1000) : op);
            p.setString(6, Checksums.of(step.file().migration()));
            p.setInt(7, unit.transactional() ? 1 : 0);
            p.setString(8, unit.undo() == null ? null : json(unit.undo()));
            p.setInt(9, unit.undoTransactional() ? 1 : 0);
            p.executeUpdate();
        }
    }

    void mark(Connection c, String migrationId, int unit, String state) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("update " + table + " set state = ? where migration_id = ? "
                + "and unit = ?")) {
            p.setString(1, state);
            p.setString(2, migrationId);
            p.setInt(3, unit);
            p.executeUpdate();
        }
    }

    void remove(Connection c, String migrationId, int unit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("delete from " + table + " where migration_id = ? and unit = ?")) {
            p.setString(1, migrationId);
            p.setInt(2, unit);
            p.executeUpdate();
        }
    }

    /** Removes every row of the migration (in the caller's transaction, with its version row). */
    void clear(Connection c, String migrationId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("delete from " + table + " where migration_id = ?")) {
            p.setString(1, migrationId);
            p.executeUpdate();
        }
    }

    /** Drops the table when no row is left: it exists only while a migration runs step by step, or was interrupted. */
    void dropIfEmpty(Connection c) throws SQLException {
        if (!exists(c)) {
            return;
        }
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                if (!rs.next() || rs.getLong(1) > 0) {
                    return;
                }
            }
            s.execute("drop table " + table);
        }
    }

    /** Removes every row: a stamp has settled the database's state. */
    void clearAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from " + table);
        }
    }

    /** Every row, newest unit first. */
    List<Entry> read(Connection c) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select migration_id, direction, unit, "
                + "state, operation, checksum, transactional_unit, undo_statements, undo_transactional from " + table
                + " order by migration_id, unit desc")) {
            while (rs.next()) {
                String undo = rs.getString(8);
                entries.add(new Entry(rs.getString(1), "upgrade".equals(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7) == 1,
                        undo == null ? null : statements(undo), rs.getInt(9) == 1));
            }
        }
        return entries;
    }

    private static String json(List<String> statements) {
        try {
            return Json.MAPPER.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> statements(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable undo statements in " + NAME + ": " + e.getMessage(), e);
        }
    }
}
