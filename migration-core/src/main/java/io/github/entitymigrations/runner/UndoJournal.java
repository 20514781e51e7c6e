package io.github.entitymigrations.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
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
 *
 * <p>A unit of several DDL statements, each committed at once ({@link Unit#inverses()}), also keeps each
 * statement's own inverse and, before its first statement and after each, a digest of the live schema
 * ({@link LiveState}); its state is then {@code ran:N} once N of its statements have run, until it is applied. It is
 * undone statement by statement, newest first, whether applied or stopped in their middle: the run after a kill
 * (while it ran, or while it was undone) tells from the live schema which recorded state it is in.
 */
final class UndoJournal {

    public static final String NAME = "entity_migrations_undo";

    static final String STARTED = "started";
    static final String APPLIED = "applied";
    static final String UNDOING = "undoing";
    /** {@code ran:2}: the first two statements of a unit with {@link Unit#inverses()} have run. */
    static final String RAN = "ran:";

    /** Built on first use: only a database without transactional DDL journals its steps. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * One row: a unit of the interrupted migration.
     *
     * @param inverses each statement's inverse, for a unit of several statements run one by one; else {@code null}
     * @param states   with {@code inverses}: the live schema's digest before its first statement and after each
     *                 one that has run ({@code states.get(n)}: after statement n)
     * @param ran      how many of the unit's statements are known to have run: those of a {@code ran:N} state, all
     *                 of an applied unit with {@code inverses}, else 0
     */
    record Entry(String migrationId, boolean upgrade, int unit, String state, String operation, String checksum,
                 boolean transactional, List<String> undo, boolean undoTransactional, List<List<String>> inverses,
                 List<String> states, int ran) {

        String describe() {
            return "step " + unit + " (" + operation + ")";
        }

        /**
         * Whether the unit ran statement by statement with the live schema's state recorded after each (applied,
         * or stopped in their middle), so it is undone statement by statement too.
         */
        boolean byStatement() {
            return inverses != null && states != null && (state.equals(STARTED) || state.startsWith(RAN)
                    || state.equals(APPLIED) && states.size() == inverses.size() + 1);
        }
    }

    /** What a row keeps to undo its unit: its undo; for a unit run statement by statement, inverses and states. */
    record Undo(List<String> undo, List<List<String>> inverses, List<String> states) {
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

    /**
     * @param states for a unit with {@link Unit#inverses()}: the live schema's digest before its first statement
     *               ({@link LiveState}); otherwise {@code null}
     */
    void started(Connection c, Step step, Unit unit, List<String> states) throws SQLException {
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
            p.setString(8, states != null ? json(new Undo(unit.undo(), unit.inverses(), states))
                    : unit.undo() == null ? null : json(unit.undo()));
            p.setInt(9, unit.undoTransactional() ? 1 : 0);
            p.executeUpdate();
        }
    }

    /**
     * {@code ran} statements of {@code unit} have run; {@code states} the digests up to the one after them. After
     * the last one the unit is {@code applied}, in the same write.
     */
    void ran(Connection c, Step step, Unit unit, int ran, List<String> states) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("update " + table + " set state = ?, undo_statements = ? "
                + "where migration_id = ? and unit = ?")) {
            p.setString(1, ran == unit.statements().size() ? APPLIED : RAN + ran);
            p.setString(2, json(new Undo(unit.undo(), unit.inverses(), states)));
            p.setString(3, step.id());
            p.setInt(4, unit.number());
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
        if (hasRows(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table " + table);
        }
    }

    /** Removes every row: a stamp has settled the database's state. */
    void clearAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from " + table);
        }
    }

    /** Whether the table has any row, read or not. */
    boolean hasRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /**
     * Every row, newest unit first. A row that cannot be read as this version writes it (changed by hand, or by
     * another tool) stops the run before anything is undone, saying how to settle it.
     */
    List<Entry> read(Connection c) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select migration_id, direction, unit, "
                + "state, operation, checksum, transactional_unit, undo_statements, undo_transactional from " + table
                + " order by migration_id, unit desc")) {
            while (rs.next()) {
                String text = rs.getString(8);
                String state = rs.getString(4);
                try {
                    Undo undo = text == null ? new Undo(null, null, null) : undo(text);
                    entries.add(new Entry(rs.getString(1), "upgrade".equals(rs.getString(2)), rs.getInt(3), state,
                            rs.getString(5), rs.getString(6), rs.getInt(7) == 1, undo.undo(), rs.getInt(9) == 1,
                            undo.inverses(), undo.states(), ran(state, undo)));
                } catch (IllegalStateException unreadable) {
                    throw new MigrationException(table + ", which lists the steps of an interrupted migration to "
                            + "undo, has a row that cannot be read (migration " + rs.getString(1) + ", step "
                            + rs.getInt(3) + ": " + unreadable.getMessage() + "): it was changed by hand, or written "
                            + "by another tool. Nothing was run. Bring the database to a migration's schema by hand "
                            + "and record it with " + Advice.current().command(Advice.Goal.STAMP, Advice.target("<id>"))
                            + ", which clears the list.");
                }
            }
        }
        return entries;
    }

    /**
     * How many of the unit's statements a row says have run ({@link Entry#ran()}), checking that its state is one
     * this version writes, {@code ran:N} only with N of the unit's statements.
     */
    private static int ran(String state, Undo undo) {
        if (state == null) {
            throw new IllegalStateException("no state");
        }
        if (state.startsWith(RAN)) {
            int ran;
            try {
                ran = Integer.parseInt(state.substring(RAN.length()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("state '" + state + "' is not a number of statements run");
            }
            if (undo.inverses() == null || ran < 1 || ran > undo.inverses().size()) {
                throw new IllegalStateException("state '" + state + "' does not fit the statements it records");
            }
            return ran;
        }
        if (!state.equals(STARTED) && !state.equals(APPLIED) && !state.equals(UNDOING)) {
            throw new IllegalStateException("unknown state '" + state + "'");
        }
        return state.equals(APPLIED) && undo.inverses() != null ? undo.inverses().size() : 0;
    }

    private static String json(Object statements) {
        try {
            return Json.MAPPER.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list of undo statements, or (for a unit run statement by statement) an object with inverses and states. */
    private static Undo undo(String json) {
        try {
            if (json.startsWith("{")) {
                Undo undo = Json.MAPPER.readValue(json, Undo.class);
                if (undo.inverses() == null || undo.states() == null || undo.states().isEmpty()
                        || undo.states().size() > undo.inverses().size() + 1
                        || undo.inverses().stream().anyMatch(i -> i == null || i.isEmpty() || i.contains(null))
                        || undo.states().contains(null) || undo.undo() != null && undo.undo().contains(null)) {
                    throw new IllegalStateException("the inverses and states of its statements do not fit together");
                }
                return undo;
            }
            List<String> statements = Json.MAPPER.readValue(json, new TypeReference<List<String>>() { });
            if (statements.contains(null)) {
                throw new IllegalStateException("an undo statement is null");
            }
            return new Undo(statements, null, null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("its undo statements are not the JSON this version writes ("
                    + e.getOriginalMessage() + ")", e);
        }
    }
}
