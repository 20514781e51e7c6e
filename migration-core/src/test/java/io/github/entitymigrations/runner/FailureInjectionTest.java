package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A migration that fails part-way changes nothing: the schema, the version table and the rows are exactly as
 * before, whichever statement failed (the first, one in the middle of an SQLite table rebuild, one inside a
 * multi-statement {@code sql} step, the last), and the message names the migration, the statement and what
 * the database said. Starts from the {@link CatalogModel} at head, full of rows.
 */
class FailureInjectionTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String BAD = "insert into no_such_table (id) values (1)";

    @TempDir
    Path tmp;

    /** The good steps of the failing migration; the bad one goes in at each position. */
    private static List<Operation> goodSteps(MigrationHistory h) {
        Column total = h.column("purchase_order", "total");
        return List.of(
                new CreateTable(table("note", t -> {
                    t.id();
                    t.col("text", varchar(100));
                })),
                new AddColumn(null, "customer", column("phone2", varchar(30), true, null)),
                // On SQLite: a rebuild of purchase_order, which order_line references.
                new AlterColumn(null, "purchase_order", total, changed(total, numeric(16, 2), true, null)),
                new CreateIndex(null, "customer", new Index("ix_customer_phone2", List.of("phone2"), false)),
                sql(List.of("insert into note (id, text) values (1, 'first')", "update customer set phone2 = '555'"),
                        List.of("update customer set phone2 = null", "delete from note")));
    }

    static Stream<Arguments> positions() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.POSTGRESQL, Kind.SQLITE}) {
            for (int position : new int[] {0, 1, 3, 4, 5}) {
                cases.add(Arguments.of(kind, position));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, bad step at {1}")
    @MethodSource("positions")
    void aFailingStatementLeavesEverythingAsBefore(Kind kind, int position) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(position, sql(List.of(BAD), List.of("select 1")));
        h.add("inject failure", steps, Diff.reverse(steps), false);
        List<String> planned = Planner.upgrade(h.chain(), db.database().dialect(), 5, 6).get(0).statements();
        String failing = "failed at statement " + (planned.indexOf(BAD) + 1) + " of " + planned.size();
        assertFailsChangingNothing(db, h, failing, kind == Kind.SQLITE ? "no such table: no_such_table"
                : "relation \"no_such_table\" does not exist");
        assertFailsChangingNothing(db, h, BAD, "no_such_table");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailingStatementInsideAMultiStatementSqlStep(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(sql(List.of("insert into note (id, text) values (2, 'second')", BAD, "delete from note"),
                List.of("select 1")));
        steps.add(new CreateIndex(null, "note", new Index("ix_note_text", List.of("text"), false)));
        h.add("inject failure", steps, Diff.reverse(steps), false);
        assertFailsChangingNothing(db, h, BAD, "no_such_table");
    }

    /** Text that is no number: PostgreSQL refuses the cast; SQLite must not turn 'created' into 0. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aTypeChangeTheDataCannotTakeLeavesEverythingAsBefore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        Column message = h.column("event_log", "message");
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(new AlterColumn(null, "event_log", message, changed(message, INTEGER, true, null)));
        h.add("message becomes a number", steps, Diff.reverse(steps), false);
        assertFailsChangingNothing(db, h, "event_log", kind == Kind.SQLITE ? "created"
                : "invalid input syntax for type integer: \"created\"");
    }

    /**
     * On PostgreSQL the statements the dialect rendered go to the server as one batch: one that fails in the middle
     * of it is still named by its number, with the database's own message (not the driver's batch wrapper), and
     * neither it nor the statements before and after it in the batch are left applied. Where the driver's message
     * does not name the statement ({@code logServerErrorDetail=false} leaves it out), the step is run again a
     * statement at a time, to the same message.
     */
    @ParameterizedTest(name = "the driver names the statement: {0}; another migration follows: {1}")
    @CsvSource({"true, false", "false, false", "true, true", "false, true"})
    void aFailingStatementInTheMiddleOfABatchIsNamedByItsNumber(boolean driverNamesIt, boolean followed)
            throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = headWithRows(db);
        Column message = h.column("event_log", "message");
        List<Operation> steps = new ArrayList<>(goodSteps(h).subList(0, 4)); // the sql step would end the batch
        steps.add(new AlterColumn(null, "event_log", message, changed(message, INTEGER, true, null)));
        steps.add(new CreateIndex(null, "note", new Index("ix_note_text", List.of("text"), false)));
        h.add("message becomes a number", steps, Diff.reverse(steps), false);
        if (followed) { // its batch starts with the early commit (StepExecutor.EARLY_COMMIT): still numbered as its own
            h.add("a later table", new CreateTable(table("later_table", t -> t.id())));
        }
        List<String> planned = Planner.upgrade(h.chain(), db.database().dialect(), 5, 6).get(0).statements();
        int bad = -1;
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).startsWith("alter table event_log") && planned.get(i).contains("integer")) {
                bad = i;
            }
        }
        assertTrue(bad > 0 && bad < planned.size() - 1, "the failing statement is inside the batch: " + planned);
        assertTrue(planned.stream().allMatch(StatementBatches::returnsNothing), "all batched: " + planned);
        State before = State.of(db);
        String url = db.url() + (driverNamesIt ? "" : (db.url().contains("?") ? "&" : "?") + "logServerErrorDetail=false");
        MigrationException e = assertThrows(MigrationException.class, () -> new Migrator(new Database(url, null, null,
                null), h.chain(), Console.SILENT).upgrade("head"));
        assertEquals(before, State.of(db), "a failed migration must change nothing; it said: " + e.getMessage());
        assertMessage(e, h.files().get(5), "failed at statement " + (bad + 1) + " of " + planned.size() + ":\n    "
                + planned.get(bad) + "\n  PostgreSQL said: ERROR: invalid input syntax for type integer", "\"created\"");
        assertFalse(e.getMessage().contains("atch entry") || e.getMessage().contains("getNextException"),
                e.getMessage());
    }

    /**
     * The version row's insert ends the migration's last batch on PostgreSQL: when it is the statement the server
     * refuses (here a trigger on the version table, as an audit rule might), nothing of the migration is left
     * applied and the error is the server's own, as when the row was written by a statement of its own; so too when
     * the driver does not name the failed entry and the migration runs again a statement at a time.
     */
    @ParameterizedTest(name = "the driver names the statement: {0}")
    @ValueSource(booleans = {true, false})
    void aVersionRowTheServerRefusesLeavesTheBatchedMigrationUnapplied(boolean driverNamesIt) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = goodSteps(h).subList(0, 4); // all batched: the version row ends the batch
        h.add("add a phone", steps, Diff.reverse(steps), false);
        assertTrue(Planner.upgrade(h.chain(), db.database().dialect(), 5, 6).get(0).statements().stream()
                .allMatch(StatementBatches::returnsNothing), "all batched");
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("create function refuse_history() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'the history is frozen today'; end $$");
            s.execute("create trigger frozen before insert on " + VersionTable.NAME
                    + " for each row execute function refuse_history()");
        }
        State before = State.of(db);
        String url = db.url() + (driverNamesIt ? "" : (db.url().contains("?") ? "&" : "?") + "logServerErrorDetail=false");
        MigrationException e = assertThrows(MigrationException.class, () -> new Migrator(new Database(url, null, null,
                null), h.chain(), Console.SILENT).upgrade("head"));
        assertEquals(before, State.of(db), "the refused version row must take the migration with it; it said: "
                + e.getMessage());
        assertTrue(e.getMessage().contains("the history is frozen today"), e.getMessage());
        assertFalse(e.getMessage().contains("atch entry") || e.getMessage().contains("getNextException"),
                e.getMessage());
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("drop trigger frozen on " + VersionTable.NAME);
        }
        new Migrator(new Database(url, null, null, null), h.chain(), Console.SILENT).upgrade("head");
        assertEquals(6, db.versionRows().size(), "applied once the version table takes rows again");
    }

    /**
     * The server ends the session while a batch waits in the middle (a restart, a failover, an administrator's
     * {@code pg_terminate_backend}): the error names the migration, nothing of it is applied and the version table
     * is unchanged, whether or not the driver's message names the statement (when it does not, the migration
     * cannot be run again on the dead connection to find out).
     */
    @ParameterizedTest(name = "the driver names the statement: {0}")
    @ValueSource(booleans = {true, false})
    void theSessionEndingInTheMiddleOfABatchLeavesNothingApplied(boolean driverNamesIt) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = goodSteps(h).subList(0, 4); // create note, then add a column to customer, ...
        h.add("add a phone", steps, Diff.reverse(steps), false);
        State before = State.of(db);
        String url = db.url() + (driverNamesIt ? "" : (db.url().contains("?") ? "&" : "?") + "logServerErrorDetail=false");
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            admin.setAutoCommit(false);
            s.execute("lock table customer in access exclusive mode"); // the batch's second statement waits
            CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
                    new Migrator(new Database(url, null, null, null), h.chain(), Console.SILENT).upgrade("head"));
            String pid = lockWaiter(db, "alter table customer");
            assertTrue(pid != null, "the migration should wait for the lock on customer");
            try (ResultSet rs = s.executeQuery("select pg_terminate_backend(" + pid + ")")) {
                rs.next();
            }
            admin.rollback();
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> run.get(60, TimeUnit.SECONDS));
            MigrationException e = assertInstanceOf(MigrationException.class, failed.getCause());
            String file = h.files().get(h.files().size() - 1).getFileName().toString();
            for (String part : List.of("Migration 0006", file, "terminating connection", "nothing of it was applied")) {
                assertTrue(e.getMessage().contains(part), "the message should say " + part + ":\n" + e.getMessage());
            }
        }
        assertEquals(before, State.of(db), "the migration must have left nothing");
    }

    /**
     * The server process of the session waiting for a lock in a statement that starts with {@code statement}, polled
     * for up to 30 s; {@code null} if none came to wait.
     */
    static String lockWaiter(TestDatabase db, String statement) throws Exception {
        for (int i = 0; i < 600; i++) {
            // On a connection of its own: the admin's transaction would keep seeing its first snapshot.
            List<String> waiting = db.query("select pid from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock' and query like '" + statement + "%'");
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Order 3 has no kind: making the column NOT NULL fails on both, at the rebuild's copy on SQLite. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aNotNullTheDataBreaksLeavesEverythingAsBefore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        Column kindColumn = h.column("purchase_order", "kind");
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(new AlterColumn(null, "purchase_order", kindColumn, changed(kindColumn, varchar(10), false, null)));
        h.add("kind is required", steps, Diff.reverse(steps), false);
        assertFailsChangingNothing(db, h, "purchase_order", kind == Kind.SQLITE ? "NOT NULL constraint failed"
                : "contains null values");
    }

    /**
     * Rows that break a new foreign key: PostgreSQL refuses the constraint; SQLite's rebuild cannot check it
     * while it copies, so the {@code foreign_key_check} at the end of the migration must roll it all back.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aForeignKeyTheRowsBreakLeavesEverythingAsBefore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(new AddColumn(null, "purchase_order", column("referrer_id", BIGINT, true, null)));
        steps.add(sql(List.of("update purchase_order set referrer_id = 42"), List.of("select 1")));
        steps.add(new AddForeignKey(null, "purchase_order", new ForeignKey("fk_order_referrer", List.of("referrer_id"),
                null, "customer", List.of("id"), OnDelete.NO_ACTION)));
        h.add("orders have referrers", steps, Diff.reverse(steps), false);
        State before = State.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertEquals(before, State.of(db), "a failed migration must change nothing; it said: " + e.getMessage());
        for (String part : List.of("0006", "purchase_order", "rolled back",
                kind == Kind.SQLITE ? "foreign keys point nowhere" : "violates foreign key constraint")) {
            assertTrue(e.getMessage().contains(part), "the message should name " + part + ":\n" + e.getMessage());
        }
    }

    /**
     * The same broken rows, but the foreign key comes in a migration of its own, with no {@code sql} step: SQLite
     * checks only the table that migration changed, which is where the rows are, so they are still found and the
     * migration rolled back.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aForeignKeyAddedAloneThatEarlierRowsBreakLeavesEverythingAsBefore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> referrers = List.of(new AddColumn(null, "purchase_order", column("referrer_id", BIGINT, true,
                null)), sql(List.of("update purchase_order set referrer_id = 42"), List.of("select 1")));
        h.add("orders get referrers", referrers, Diff.reverse(referrers), false);
        db.migrator(h.chain()).upgrade("head");
        h.add("referrers are customers", new AddForeignKey(null, "purchase_order", new ForeignKey("fk_order_referrer",
                List.of("referrer_id"), null, "customer", List.of("id"), OnDelete.NO_ACTION)));
        if (kind == Kind.SQLITE) {
            Step step = Planner.upgrade(h.chain(), db.database().dialect(), 6, 7).get(0);
            assertEquals(List.of("PRAGMA foreign_key_check(purchase_order)"), step.integrityChecks(),
                    "the rebuilt table only: its keys are as before, so the tables that reference it cannot break");
        }
        State before = State.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertEquals(before, State.of(db), "a failed migration must change nothing; it said: " + e.getMessage());
        for (String part : List.of("0007", "purchase_order", "rolled back",
                kind == Kind.SQLITE ? "foreign keys point nowhere" : "violates foreign key constraint")) {
            assertTrue(e.getMessage().contains(part), "the message should name " + part + ":\n" + e.getMessage());
        }
    }

    /** A downgrade that fails keeps the migration applied, its version row and its schema. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailingDowngradeLeavesEverythingAsBefore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        // A step whose own downgrade fails, third on the way down (a downgrade list must be upgrade's exact reverse).
        steps.add(steps.size() - 2, sql(List.of("select 1"), List.of(BAD)));
        h.add("fails on the way down", steps, Diff.reverse(steps), false);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("head");
        State before = State.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> migrator.downgrade("-1", true));
        assertEquals(before, State.of(db), "a failed downgrade must change nothing");
        assertMessage(e, h, BAD, "no_such_table");
        assertTrue(e.getMessage().contains("of its downgrade"), e.getMessage());
    }

    /** The fixed migration then runs: the failure left nothing behind that gets in its way. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void theMigrationRunsOnceFixed(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = headWithRows(db);
        List<Operation> steps = new ArrayList<>(goodSteps(h));
        steps.add(4, sql(List.of(BAD), List.of("select 1")));
        h.add("inject failure", steps, Diff.reverse(steps), false);
        assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        steps.remove(4);
        MigrationHistory.write(h.files().get(5), MigrationJson.write(new Migration("0006", "0005", "inject failure",
                steps, Diff.reverse(steps), List.of())));
        db.migrator(h.chain()).upgrade("head");
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(6)), db.schema(), "after the fixed migration");
        assertEquals(List.of("1|first"), db.query("select id, text from note"));
        assertEquals(List.of(), db.foreignKeyProblems());
    }

    private MigrationHistory headWithRows(TestDatabase db) {
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        return h;
    }

    private static void assertFailsChangingNothing(TestDatabase db, MigrationHistory h, String statement,
                                                   String databaseSays) throws SQLException {
        State before = State.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertEquals(before, State.of(db), "a failed migration must change nothing; it said: " + e.getMessage());
        assertMessage(e, h, statement, databaseSays);
    }

    private static void assertMessage(MigrationException e, MigrationHistory h, String statement, String databaseSays) {
        assertMessage(e, h.files().get(h.files().size() - 1), statement, databaseSays);
    }

    private static void assertMessage(MigrationException e, Path failed, String statement, String databaseSays) {
        String message = e.getMessage();
        String file = failed.getFileName().toString();
        for (String part : List.of("Migration 0006", file, statement, databaseSays, "rolled back")) {
            assertTrue(message.contains(part), "the message should name " + part + ":\n" + message);
        }
    }

    /** Everything a failed migration must leave alone. */
    record State(List<String> schema, List<Applied> versions, List<String> rows) {
        static State of(TestDatabase db) throws SQLException {
            List<String> rows = new ArrayList<>();
            for (String query : CatalogModel.rowsAfter(CatalogModel.COUNT)) {
                rows.addAll(db.query(query));
            }
            rows.addAll(db.query("select id, status, customer_id from purchase_order order by id"));
            return new State(db.schema(), db.versionRows(), rows);
        }
    }
}
