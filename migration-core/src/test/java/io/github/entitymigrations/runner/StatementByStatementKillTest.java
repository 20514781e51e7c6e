package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a real runner (a JVM of its own) in the middle of a unit of several DDL statements, each committed at
 * once: on MariaDB and MySQL, changing the values of an enum key that a foreign key references drops the key,
 * changes both columns and adds the key back. The runner records the live schema's state before the first statement
 * and after each, so the next run tells how far they got, whether the statement in flight then took effect (the
 * server finished it after the client died) or not (the server stopped it), and undoes the statements in effect,
 * newest first, each checked against the state before it: the database is as before the migration, foreign key and
 * rows and all. Before, the next run refused, the schema matching neither the state before the step nor after it.
 */
class StatementByStatementKillTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int KILLED = 137;
    private static final int ROWS = 300_000;

    @TempDir
    Path tmp;

    /**
     * The database, the unit killed in (1: the check dropped, the columns made {@code varchar}; 2: the new check
     * added, the columns made the new {@code enum}), and whether the statement in flight took effect.
     */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(Kind.MARIADB, 1, true), Arguments.of(Kind.MARIADB, 1, false),
                Arguments.of(Kind.MARIADB, 2, true), Arguments.of(Kind.MARIADB, 2, false),
                Arguments.of(Kind.MYSQL, 1, true), Arguments.of(Kind.MYSQL, 2, false));
    }

    private static Schema rolesAndMembers(String... roles) {
        return EnumKeyReferencesTest.rolesAndMembers(true, roles);
    }

    @ParameterizedTest(name = "{0}, killed in unit {1}, the statement in flight finished by the server: {2}")
    @MethodSource("cases")
    void theNextRunUndoesTheStatementsThatRan(Kind kind, int unit, boolean finished) throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        List<String> rows = killedInTheMiddle(db, h, unit, finished);

        RecordingConsole console = new RecordingConsole();
        Migrator next = db.migrator(h.chain(), console);
        next.upgrade("0001"); // no further: what the recovery alone does
        assertEquals(1, console.count("Recovered: "), console.toString());
        // Statements 1 and 2 (the key dropped, the role column changed) ran; the member column's change too when the
        // server finished it. Killed in the second unit: the first one's four statements, undone after.
        String inFlight = "the " + (finished ? 3 : 2) + " statements of step " + unit + " (";
        assertEquals(1, console.count("undone: " + inFlight), console.toString());
        if (unit == 2) {
            assertEquals(1, console.count("each by its inverse, the 4 statements of step 1 (drop check constraint "
                    + "ck_role_name on role) that had run, each by its inverse."), console.toString());
        }
        LiveSchemaAssert.holds(db, next, h.schemaAt(1), "the recovery put everything back");
        assertEquals(rows, members(db), "every row kept");
        assertThrows(SQLException.class, () -> db.execute("delete from role where name = 'USER'"),
                "the foreign key is back");
        StepByStepUndoTest.assertNoJournal(db);

        next.upgrade("head");
        LiveSchemaAssert.holds(db, next, h.schemaAt(2), "the rerun applied the migration");
        assertEquals(rows, members(db), "every row kept by the rerun");
        db.execute("insert into role (name) values ('GUEST')",
                "insert into member (id, role_name) values (0, 'GUEST')");
    }

    /**
     * The schema changed by hand after the kill (a column added): it is in none of the recorded states, and undoing
     * the statement that may have been in flight does not bring it to the state before that statement either. The
     * run refuses, saying how far the unit got and which inverses settle it, and leaves the journal for the run
     * after the fix.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aSchemaInNoRecordedStateIsRefusedWithTheInversesToRun(Kind kind) throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        List<String> rows = killedInTheMiddle(db, h, 1, false);
        db.execute("alter table member add column extra integer");

        Exception refused = assertThrows(MigrationException.class,
                () -> db.migrator(h.chain()).upgrade("0001"));
        String message = refused.getMessage();
        assertTrue(message.contains("in the middle of step 1 (drop check constraint ck_role_name on role), whose 4 "
                + "statements are each committed at once; restoring "), message);
        assertTrue(message.contains("stopped there: the schema matched none of the states recorded between its "
                + "statements, so statement 3, running when the run was interrupted, was taken to have run; the "
                + "inverse of statement 3 ran, and the schema is then not the one recorded before that statement."),
                message);
        // Statements 2 and 1 in effect: the role column's change and the key's removal, undone newest first.
        assertTrue(message.contains("of these inverses of its statements 1 to 2, newest first, run those whose "
                + "statement is in the database (the drift check shows the differences):\n"
                + "    alter table role modify column name enum ('ADMIN','USER') not null;\n"
                + "    alter table member add constraint fk_member_role_name foreign key (role_name) references role "
                + "(name);\n  then mark the step settled with\n    delete from entity_migrations_undo where "
                + "migration_id = '0002' and unit = 1;"), message);
        assertEquals(List.of("1|ran:2"), db.query("select unit, state from " + UndoJournal.NAME + " order by unit"),
                "the journal stays for the run after the fix");
        assertEquals(rows, members(db), "every row kept");

        // The hand change undone, the next run recovers.
        db.execute("alter table member drop column extra");
        upgradeHolds(db, h, 2, "recovered, then migrated");
        assertEquals(rows, members(db), "every row kept");
    }

    /**
     * After the kill the application wrote a row the old schema cannot hold (a role GUEST, which the column changed
     * to {@code varchar} now takes): the inverse of that change fails. The run refuses, saying which inverse failed
     * and why, and lists the inverses of the statements still in effect; once the row is gone, the next run
     * recovers.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void anInverseThatFailsIsRefusedWithTheInversesLeft(Kind kind) throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        List<String> rows = killedInTheMiddle(db, h, 1, false);
        db.execute("insert into role (name) values ('GUEST')");
        List<String> schema = SchemaLines.of(db);

        Exception refused = assertThrows(MigrationException.class,
                () -> db.migrator(h.chain()).upgrade("0001"));
        String message = refused.getMessage();
        assertTrue(message.contains("stopped there: undoing statement 2 by its inverse failed ("
                + db.database().url() + " said: "), message);
        assertTrue(message.contains("of these inverses of its statements 1 to 2, newest first, run those whose "
                + "statement is in the database (the drift check shows the differences):\n"
                + "    alter table role modify column name enum ('ADMIN','USER') not null;\n"), message);
        assertEquals(schema, SchemaLines.of(db), "the failed inverse changed nothing");
        assertEquals(List.of("1|ran:2"), db.query("select unit, state from " + UndoJournal.NAME + " order by unit"),
                "the journal stays for the run after the fix");

        db.execute("delete from role where name = 'GUEST'");
        upgradeHolds(db, h, 1, "recovered once the row is gone");
        assertEquals(rows, members(db), "every row kept");
        StepByStepUndoTest.assertNoJournal(db);
    }

    /**
     * The migration file of the killed run is gone: the states recorded between its statements cannot be read
     * against the schema they were recorded for. The run refuses before running anything, and says so.
     */
    @org.junit.jupiter.api.Test
    void aMigrationFileGoneIsRefusedBeforeAnythingRuns() throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(Kind.MARIADB, PG, tmp);
        killedInTheMiddle(db, h, 1, false);
        List<String> schema = SchemaLines.of(db);
        Path second;
        try (Stream<Path> files = Files.list(h.directory())) {
            second = files.filter(f -> f.getFileName().toString().startsWith("0002_")).findFirst().orElseThrow();
        }
        Path away = tmp.resolve("away.json");
        Files.move(second, away);

        Exception refused = assertThrows(MigrationException.class,
                () -> db.migrator(h.chain()).upgrade("0001"));
        assertTrue(refused.getMessage().contains("stopped there: its migration file is gone, so its states cannot be "
                + "read as they were recorded."), refused.getMessage());
        assertEquals(schema, SchemaLines.of(db), "nothing was run");

        Files.move(away, second);
        upgradeHolds(db, h, 1, "recovered once the file is back");
    }

    /**
     * The run fails (a role the new {@code enum} drops is still there) and undoes what it applied, statement by
     * statement; killed while it changes the member column back, the next run finds the state the schema is in
     * among those recorded while the unit ran, and finishes the undoing from there.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aRunKilledWhileItUndoesIsFinishedByTheNext(Kind kind) throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"),
                rolesAndMembers("ADMIN", "GUEST", "USER"), rolesAndMembers("ADMIN", "USER"));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(h.chain()).upgrade("+1");
        db.execute("insert into role (name) values ('ADMIN'), ('GUEST'), ('USER')",
                "insert into member (id, role_name) select seq, case when seq % 3 = 0 then 'GUEST' when seq % 2 = 0 "
                        + "then 'ADMIN' else 'USER' end from seq_1_to_" + ROWS);
        List<String> rows = members(db);

        // The second unit fails at its second statement (GUEST is still a role): killed while the first unit's
        // member column is changed back to the old enum.
        killWhileRunning(db, h, "enum (_ADMIN_,_GUEST_,_USER_)"); // _: any one character
        assertEquals(List.of("1|applied"), db.query("select unit, state from " + UndoJournal.NAME + " order by unit"),
                "the failed unit's statements undone, the first unit's being undone");

        RecordingConsole console = new RecordingConsole();
        Migrator next = db.migrator(h.chain(), console);
        next.upgrade("0001");
        assertEquals(1, console.count("Recovered: "), console.toString());
        LiveSchemaAssert.holds(db, next, h.schemaAt(1), "the recovery finished the undoing");
        assertEquals(rows, members(db), "every row kept");
        assertThrows(SQLException.class, () -> db.execute("delete from role where name = 'USER'"),
                "the foreign key is back");
        StepByStepUndoTest.assertNoJournal(db);
    }

    /**
     * The journal's row changed by hand (its inverses and states made unreadable, or a state this version never
     * writes): the next run stops before undoing anything, names the row and says how to settle it; the stamp it
     * advises clears the list.
     */
    @org.junit.jupiter.api.Test
    void aJournalRowChangedByHandStopsTheRunWithTheWayToSettleIt() throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(Kind.MARIADB, PG, tmp);
        killedInTheMiddle(db, h, 1, false);
        String json = db.query("select undo_statements from " + UndoJournal.NAME).get(0);
        List<String> schema = SchemaLines.of(db);
        for (String change : List.of("undo_statements = '{\"undo\": [\"drop table role\"]}'",
                "undo_statements = '[\"drop table role\", null]'", "undo_statements = '{\"undo\": ['",
                "state = 'ran:9'", "state = 'ran:x'", "state = 'halfway'")) {
            db.execute("update " + UndoJournal.NAME + " set undo_statements = '" + json.replace("'", "''")
                    + "', state = 'ran:2'", "update " + UndoJournal.NAME + " set " + change);
            Exception refused = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("0001"),
                    change);
            assertTrue(refused.getMessage().startsWith(UndoJournal.NAME + ", which lists the steps of an "
                    + "interrupted migration to undo, has a row that cannot be read (migration 0002, step 1: "),
                    refused.getMessage());
            assertTrue(refused.getMessage().endsWith("it was changed by hand, or written by another tool. Nothing "
                    + "was run. Bring the database to a migration's schema by hand and record it with stamp(\"<id>\"), "
                    + "which clears the list."), refused.getMessage());
            assertEquals(schema, SchemaLines.of(db), "nothing was run: " + change);
        }
        // As advised: the schema put back by hand (the key dropped and the role column changed by the killed run),
        // then the stamp, which reads no row.
        db.execute("alter table role modify column name enum ('ADMIN','USER') not null",
                "alter table member add constraint fk_member_role_name foreign key (role_name) references role (name)");
        db.migrator(h.chain()).stamp("0001");
        StepByStepUndoTest.assertNoJournal(db);
        upgradeHolds(db, h, 2, "migrated after the stamp");
    }

    /**
     * The same for a downgrade, which reverts the change with the same kind of step: killed while it changes the
     * member column back, the next run undoes what it had reverted, and the database is at the migration it was
     * leaving, still recorded.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aKilledDowngradeIsUndoneByTheNextRun(Kind kind) throws Exception {
        MigrationHistory h = guestAdded();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(h.chain()).upgrade("head");
        fill(db);
        List<String> rows = members(db);

        // The downgrade's first unit makes the columns varchar again, its second the old enum.
        killWhileRunning(db, h, "varchar", ForkedRunner.DOWNGRADE + "0001");
        assertEquals(List.of("1|ran:2"), db.query("select unit, state from " + UndoJournal.NAME + " order by unit"),
                "the killed downgrade left its journal");

        RecordingConsole console = new RecordingConsole();
        Migrator next = db.migrator(h.chain(), console);
        next.upgrade("head"); // at head already: what the recovery alone does
        assertEquals(1, console.count("Recovered: " + db.database().url() + " is back at 0002; undone: the "),
                console.toString());
        LiveSchemaAssert.holds(db, next, h.schemaAt(2), "the recovery put the database back at 0002");
        assertEquals(2, db.appliedIds().size(), "0002 still recorded");
        assertEquals(rows, members(db), "every row kept");
        assertThrows(SQLException.class, () -> db.execute("delete from role where name = 'USER'"),
                "the foreign key is back");
        StepByStepUndoTest.assertNoJournal(db);

        next.downgrade("0001", true);
        LiveSchemaAssert.holds(db, next, h.schemaAt(1), "the downgrade run again");
        assertEquals(rows, members(db), "every row kept by the downgrade");
    }

    /** Migration 0001 creates the tables with roles ADMIN and USER; 0002 adds GUEST. */
    private MigrationHistory guestAdded() {
        return MigrationHistory.createThenChange(tmp.resolve("migrations"), rolesAndMembers("ADMIN", "USER"),
                rolesAndMembers("ADMIN", "GUEST", "USER"));
    }

    /** Roles ADMIN and USER, and {@link #ROWS} members: a third without a role, the others ADMIN or USER. */
    private static void fill(TestDatabase db) throws SQLException {
        db.execute("insert into role (name) values ('ADMIN'), ('USER')",
                "insert into member (id, role_name) select seq, case when seq % 3 = 0 then null when seq % 2 = 0 "
                        + "then 'ADMIN' else 'USER' end from seq_1_to_" + ROWS);
    }

    /** A new run upgrades to migration {@code count} of {@code h}; the live schema must then be its schema. */
    private static void upgradeHolds(TestDatabase db, MigrationHistory h, int count, String why) throws Exception {
        Migrator next = db.migrator(h.chain());
        next.upgrade(String.format("%04d", count));
        LiveSchemaAssert.holds(db, next, h.schemaAt(count), why);
    }

    private static List<String> members(TestDatabase db) throws SQLException {
        return db.query("select count(*), count(role_name), sum(id), sum(role_name = 'ADMIN') from member");
    }

    /**
     * Applies the first migration, fills the member table, and kills the runner applying the second while it changes
     * the member column (statement 3 of the 4 of {@code unit}); {@code finished}: with that statement made to have
     * taken effect. Returns the member rows' summary.
     */
    private List<String> killedInTheMiddle(TestDatabase db, MigrationHistory h, int unit, boolean finished)
            throws Exception {
        db.migrator(h.chain()).upgrade("+1");
        fill(db);
        List<String> rows = members(db);

        // The member column's change copies its rows: long enough to kill the runner in the middle of the unit.
        String statement = killWhileRunning(db, h, unit == 1 ? "varchar" : "enum");
        assertEquals(unit == 1 ? List.of("1|ran:2") : List.of("1|applied", "2|ran:2"), db.query("select unit, state "
                + "from " + UndoJournal.NAME + " order by unit"), "the killed run left its journal, the first two "
                + "statements of the unit run");
        // The server finishes the statement of a client that died, or stops it, depending on when it notices:
        // each case made certain here, as each happens.
        boolean landed = db.query("select data_type from information_schema.columns where table_schema = database() "
                + "and table_name = 'member' and column_name = 'role_name'")
                .equals(List.of(unit == 1 ? "varchar" : "enum"));
        if (finished && !landed) {
            db.execute(statement);
        } else if (!finished && landed) {
            List<List<String>> inverses = new ObjectMapper().readValue(
                    db.query("select undo_statements from " + UndoJournal.NAME + " where unit = " + unit).get(0),
                    UndoJournal.Undo.class)
                    .inverses();
            db.execute(inverses.get(2).toArray(String[]::new));
        }
        return rows;
    }

    /**
     * Starts a runner upgrading to head (or as {@code runnerArgs} say) and kills it (kill -9) while it changes the
     * member column to a type starting with {@code type}, once the server has ended that statement (finished or
     * stopped it); returns the statement.
     */
    private static String killWhileRunning(TestDatabase db, MigrationHistory h, String type, String... runnerArgs)
            throws Exception {
        Process runner = ForkedRunner.start(db.database().url(), h.directory(), runnerArgs);
        String[] statement;
        try {
            statement = awaitStatement(db, runner, type);
        } finally {
            runner.destroyForcibly();
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed mid-migration");
        awaitEnd(db, statement[0]);
        return statement[1];
    }

    /** The server's id of the connection running the member column's change, once it runs, and the statement. */
    private static String[] awaitStatement(TestDatabase db, Process runner, String type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<String> running = db.query("select concat(id, '|', info) from information_schema.processlist where "
                    + "id <> connection_id() and info like 'alter table member modify column role_name " + type + "%'");
            if (!running.isEmpty()) {
                return running.get(0).split("\\|", 2);
            }
            if (!runner.isAlive()) {
                fail("the runner ended (exit " + runner.exitValue() + ") before it could be killed");
            }
            if (System.nanoTime() > deadline) {
                fail("the runner never reached the member column's change");
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the server's connection {@code id} is gone (the statement it ran finished or stopped). */
    private static void awaitEnd(TestDatabase db, String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!db.query("select id from information_schema.processlist where id = " + id).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("connection " + id + " still runs");
            }
            Thread.sleep(20);
        }
    }
}
