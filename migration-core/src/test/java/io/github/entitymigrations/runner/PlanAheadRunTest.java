package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An upgrade planned on a thread of its own while the first migrations run ({@link PlanAhead}), on the databases
 * whose DDL is transactional. The plan is held back ({@link PlanAhead#pause}) until the run has gone as far as
 * the test wants, so each case really runs migrations before the plan is complete: a migration that cannot run
 * still leaves nothing applied, a migration that fails is reported as always with those before it applied, and a
 * run killed meanwhile leaves nothing of itself.
 */
class PlanAheadRunTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    /** The exit status of a process killed by SIGKILL: 128 + 9. */
    private static final int KILLED = 137;

    @TempDir
    Path tmp;

    /** These runs are short: they share a transaction as a run of {@link Migrator#shareFrom} migrations would. */
    @BeforeEach
    void shareShortRuns() {
        Migrator.shareFrom = 1;
    }

    @AfterEach
    void noPause() {
        PlanAhead.pause = null;
        Migrator.shareFrom = SHARE_FROM;
    }

    private static final int SHARE_FROM = Migrator.shareFrom;

    /** A run of fewer than {@link Migrator#shareFrom} migrations is planned first: it never shares a transaction. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aShortRunIsPlannedFirst(Kind kind) throws Exception {
        Migrator.shareFrom = SHARE_FROM;
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        AtomicBoolean wholePlan = holdBefore(3, Integer.MAX_VALUE);
        RecordingConsole console = new RecordingConsole();

        db.migrator(h.chain(), console).upgrade("head");

        assertPlannedFirst(wholePlan, db, console);
    }

    /** Four tables, one per migration: what runs before the plan is complete. */
    private MigrationHistory fourTables() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            h.add("create " + name, new CreateTable(table(name, t -> {
                t.id();
                t.col("label", varchar(40));
            })));
        }
        return h;
    }

    /** A last migration that does not fit the schema before it: a column added to a table no migration made. */
    private static void addMisfit(MigrationHistory h, String id, String parent) throws Exception {
        Operation misfit = new AddColumn(null, "nowhere", column("note", varchar(20), true, null));
        Migration m = new Migration(id, parent, "misfit", List.of(misfit), List.of(), List.of(), false, null, null);
        Files.writeString(h.directory().resolve(id + "_misfit.json"), MigrationJson.write(m));
    }

    /** Holds the plan back before step {@code step} until the run waits for it (or a later one); records that. */
    private static AtomicBoolean holdBefore(int step) {
        return holdBefore(step, step);
    }

    /**
     * Holds the plan back before step {@code step} until the run waits for step {@code waitedFor} or a later one
     * ({@link Integer#MAX_VALUE}: the whole plan); records that it came to that.
     */
    private static AtomicBoolean holdBefore(int step, int waitedFor) {
        AtomicBoolean reached = new AtomicBoolean();
        PlanAhead.pause = (plan, i) -> {
            if (i == step) {
                reached.set(plan.awaitRunWaitingFor(waitedFor, TimeUnit.SECONDS.toMillis(60)));
            }
        };
        return reached;
    }

    /** The run waited for its whole plan before its first migration, shared no transaction, and applied 0001-0004. */
    private static void assertPlannedFirst(AtomicBoolean wholePlan, TestDatabase db, RecordingConsole console)
            throws Exception {
        assertTrue(wholePlan.get(), "the run should wait for the whole plan before its first migration");
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
        assertTrue(console.debugLines().stream().noneMatch(l -> l.contains("ran in one transaction while")),
                console.debugLines().toString());
    }

    /** The ids in the version table as another session sees them (committed), or none when there is no table. */
    private static List<String> committedIds(TestDatabase db) {
        try {
            return db.hasVersionTable() ? db.appliedIds() : List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aMigrationThatCannotRunLeavesNothingOfThoseThatRanBeforeItWasPlanned(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        addMisfit(h, "0005", "0004");
        AtomicBoolean reached = holdBefore(4);
        RecordingConsole console = new RecordingConsole();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(h.chain(), console).upgrade("head"));

        assertTrue(reached.get(), "the four migrations should have run while the fifth was not planned yet");
        assertTrue(e.getMessage().startsWith("Migration 0005 (0005_misfit.json), step 1 (add column nowhere.note"),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not fit the schema before it: there is no table nowhere"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was run"), e.getMessage());
        assertEquals(List.of(), db.schema(), "the run must leave nothing: not the tables, not the version table");
        assertFalse(db.hasVersionTable());
        assertEquals(0, console.count("Applying"), console.toString()); // nothing is said to be applied
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void onADatabaseWithAHistoryItStaysWhereItWas(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        db.migrator(h.chain()).upgrade("0001");
        List<String> before = db.schema();
        addMisfit(h, "0005", "0004");
        AtomicBoolean reached = holdBefore(3); // steps 0002, 0003, 0004 are steps 0..2 of this run

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertTrue(reached.get());
        assertTrue(e.getMessage().contains("does not fit the schema before it"), e.getMessage());
        assertEquals(before, db.schema());
        assertEquals(List.of("0001"), db.appliedIds());
        assertEquals(List.of(), db.query("select id from alpha"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aMigrationThatFailsBeforeThePlanIsCompleteIsReportedAsAlways(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        db.migrator(h.chain()).upgrade("0001");
        db.execute("create table gamma (id integer primary key)"); // not a migration's: 0003 fails to create it
        List<String> before = db.schema();
        // Planning waits before the last step until the run waits for the whole plan: after 0003 failed.
        AtomicBoolean reached = holdBefore(2);
        RecordingConsole console = new RecordingConsole();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(h.chain(), console).upgrade("head"));

        assertTrue(reached.get(), "0003 should have failed while the plan was held back");
        assertTrue(e.getMessage().startsWith("Migration 0003 create gamma (0003_create_gamma.json) failed at "
                + "statement 1 of 1:\n    create table gamma"), e.getMessage());
        assertTrue(e.getMessage().contains("It was rolled back: nothing of it was applied"), e.getMessage());
        assertTrue(e.getMessage().contains("0002 was applied before it and stays"), e.getMessage());
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        List<String> after = new ArrayList<>(db.schema());
        after.removeIf(l -> l.equals("table beta") || l.contains(" beta.") || l.startsWith("primary key beta "));
        assertEquals(before, after, "0002's table beta should be all that is new");
        assertTrue(db.schema().contains("table beta"), db.schema().toString());
        assertTrue(db.schema().stream().noneMatch(l -> l.contains("delta")), db.schema().toString());
        // Told once each, as the run did them: the first attempt, rolled back, is not reported.
        assertEquals(1, console.count("Upgrading from 0001 to 0004"), console.toString());
        assertEquals(1, console.count("Applying 0002 "), console.toString());
        assertEquals(1, console.count("Applying 0003 "), console.toString());
        assertEquals(0, console.count("Applying 0004 "), console.toString());
    }

    /**
     * A {@code sql} step could {@code set local} what the migrations after it would run under: the migrations before
     * it share the transaction of those run while the plan is completed; it waits for the whole plan, their commit,
     * and runs in a transaction of its own, the rest after it one transaction each.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aSqlStepRunsInATransactionOfItsOwnOnceThePlanIsComplete(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        h.add("a row", sql(List.of("insert into alpha (id, label) values (1, 'one')"), List.of("delete from alpha")));
        h.add("create epsilon", new CreateTable(table("epsilon", t -> t.id())));
        AtomicBoolean wholePlan = new AtomicBoolean();
        List<String> appliedWhileHeld = new ArrayList<>();
        PlanAhead.pause = (plan, i) -> {
            if (i == 5) {
                // The run holds 0001-0004, then stops at the sql step to wait for the whole plan.
                wholePlan.set(plan.awaitRunWaitingFor(Integer.MAX_VALUE, TimeUnit.SECONDS.toMillis(60)));
                appliedWhileHeld.addAll(committedIds(db));
            }
        };
        RecordingConsole console = new RecordingConsole();

        db.migrator(h.chain(), console).upgrade("head");

        assertTrue(wholePlan.get(), "the sql step should wait for the whole plan");
        assertEquals(List.of(), appliedWhileHeld, "nothing is committed before the plan is complete");
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"), db.appliedIds());
        assertEquals(List.of("1|one"), db.query("select id, label from alpha"));
        assertTrue(console.debugLines().contains("4 migration(s) ran in one transaction while the plan was completed"),
                console.debugLines().toString());
        assertEquals(1, console.count("Applying 0005 "), console.toString());
    }

    /** A {@code sql} step first: nothing runs before the plan is complete, as when everything was planned first. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aRunStartingWithASqlStepWaitsForItsWholePlan(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create alpha", new CreateTable(table("alpha", t -> {
            t.id();
            t.col("label", varchar(40));
        })));
        db.migrator(h.chain()).upgrade("head");
        h.add("a row", sql(List.of("insert into alpha (id, label) values (1, 'one')"), List.of("delete from alpha")));
        h.add("create beta", new CreateTable(table("beta", t -> t.id())));
        h.add("create gamma", new CreateTable(table("gamma", t -> t.id())));
        AtomicBoolean wholePlan = holdBefore(2, Integer.MAX_VALUE);
        RecordingConsole console = new RecordingConsole();

        db.migrator(h.chain(), console).upgrade("head");

        assertPlannedFirst(wholePlan, db, console);
    }

    /**
     * The plan is worked out file by file, but reports what planning every file in order reports: a later file that
     * cannot be parsed comes before an earlier migration that does not fit its schema, as when all were parsed
     * first. The migrations run meanwhile leave nothing.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aLaterFileThatCannotBeParsedIsReportedBeforeAnEarlierMisfit(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        addMisfit(h, "0005", "0004");
        Files.writeString(h.directory().resolve("0006_broken.json"), """
                { "id" : "0006", "parent" : "0005", "message" : "broken", "upgrade" : [ { "op" : "add_column",
                  "table" : "alpha", "column" : { "name" : "note", "nullable" : 1, "type" : "VARCHAR(10)" } } ],
                  "downgrade" : [ ] }
                """);
        AtomicBoolean reached = holdBefore(4);

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(
                io.github.entitymigrations.migrations.MigrationChain.loadForRunner(h.directory())).upgrade("head"));

        assertTrue(reached.get(), "the four migrations should have run while the fifth was not planned yet");
        assertTrue(e.getMessage().contains("0006_broken.json: upgrade[0].column.nullable must be true or false"),
                e.getMessage());
        assertFalse(e.getMessage().contains("0005"), e.getMessage());
        assertEquals(List.of(), db.schema(), "the run must leave nothing");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aRunThatGoesAheadOfItsPlanAppliesEverythingAndSaysSoOnce(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        AtomicBoolean reached = holdBefore(3);
        RecordingConsole console = new RecordingConsole();

        db.migrator(h.chain(), console).upgrade("head");

        assertTrue(reached.get());
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(4)), db.schema(), "after the run");
        List<String> said = console.lines().stream().filter(l -> l.startsWith("Applying") || l.startsWith("Upgrading")
                || l.startsWith("Applied")).map(l -> l.substring(0, Math.min(l.length(), 14))).toList();
        assertEquals(List.of("Upgrading from", "Applying 0001 ", "Applying 0002 ", "Applying 0003 ", "Applying 0004 ",
                "Applied 4 migr"), said, console.toString());
        for (Applied row : db.versionRows()) {
            assertEquals(Checksums.of(h.chain().migrations().get(Integer.parseInt(row.id()) - 1).migration()),
                    row.checksum(), row.id());
        }
    }

    /**
     * PostgreSQL writes each version row in one batch with its migration's statements, its duration the server's:
     * in a transaction shared with the migrations before it, the duration counts from the row before it, not from
     * the transaction's start. The plan is held back a second before the third step, so the third row would say
     * over a second if it counted from the start.
     */
    @org.junit.jupiter.api.Test
    void aMigrationSharingItsTransactionRecordsItsOwnDuration() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = fourTables();
        PlanAhead.pause = (plan, i) -> {
            if (i == 1 && plan.awaitRunWaitingFor(1, TimeUnit.SECONDS.toMillis(60))) {
                Thread.sleep(1200); // the run waits, idle in its transaction, with 0001 run
            } else if (i == 3) {
                plan.awaitRunWaitingFor(3, TimeUnit.SECONDS.toMillis(60));
            }
        };

        db.migrator(h.chain()).upgrade("head");

        List<Applied> rows = db.versionRows();
        assertEquals(List.of("0001", "0002", "0003", "0004"), rows.stream().map(Applied::id).toList());
        long span = java.time.Duration.between(rows.get(0).appliedAt(), rows.get(2).appliedAt()).toMillis();
        assertTrue(span >= 1000, "0002 and 0003 should have waited for the plan after 0001: " + span + " ms");
        assertTrue(rows.get(2).executionMs() < 1000, "0003 counted from the transaction's start: " + rows);
        assertTrue(rows.get(3).executionMs() < 1000, "0004 counted from the transaction's start: " + rows);
    }

    /**
     * PostgreSQL refuses the commit of the migrations run while the plan was held back (a deferred constraint
     * trigger on the version table refuses every row at commit): nothing of them is applied, they run again one
     * transaction each, and the first one's refused commit is reported; once the trigger is gone they apply.
     */
    @org.junit.jupiter.api.Test
    void aCommitRefusedAtTheEndOfTheHeldMigrationsIsReportedAsAlways() throws Exception {
        Exception e = failingAtTheHeldCommit("raise exception 'refused at commit';");
        assertTrue(String.valueOf(e.getMessage()).contains("refused at commit"), String.valueOf(e.getMessage()));
    }

    /**
     * The session ends at the commit of the migrations run while the plan was held back (the trigger ends its own
     * session): the error says that the commit failed and the connection with it, and nothing of them is applied.
     */
    @org.junit.jupiter.api.Test
    void theSessionEndingAtTheCommitOfTheHeldMigrationsLeavesNothingApplied() throws Exception {
        Exception e = failingAtTheHeldCommit("perform pg_terminate_backend(pg_backend_pid()); return null;");
        assertTrue(e instanceof MigrationException && e.getMessage().startsWith(
                "The commit of the migrations run while the plan was completed failed"), String.valueOf(e));
        assertTrue(e.getMessage().contains("is still at 0001."), e.getMessage());
    }

    /**
     * On PostgreSQL at 0001, with a deferred constraint trigger on the version table running {@code body} at
     * commit, upgrades while the plan is held back before 0004: what the run threw, once checked that nothing of
     * 0002 and 0003 is left, and that the upgrade runs once the trigger is gone.
     */
    private Exception failingAtTheHeldCommit(String body) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = fourTables();
        db.migrator(h.chain()).upgrade("0001");
        List<String> before = db.schema();
        db.execute("create function em_at_commit() returns trigger language plpgsql as $$ begin " + body + " end $$",
                "create constraint trigger em_at_commit after insert on entity_migrations_history deferrable"
                        + " initially deferred for each row execute function em_at_commit()");
        AtomicBoolean reached = holdBefore(2);

        Exception e = assertThrows(Exception.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertTrue(reached.get());
        assertEquals(List.of("0001"), db.appliedIds());
        db.execute("drop trigger em_at_commit on entity_migrations_history", "drop function em_at_commit()");
        assertEquals(before, db.schema());
        PlanAhead.pause = null;
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
        return e;
    }

    /**
     * The server ends the session while a migration run before the plan was complete waits for a lock: the error
     * names it and the statement's failure, says that the one before it was rolled back with it, and nothing is
     * applied, whether or not the driver names the failed statement of its batch.
     */
    @ParameterizedTest(name = "the driver names the statement: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void theSessionEndingWhileMigrationsWaitForThePlanLeavesNothingApplied(boolean driverNamesIt) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create alpha", new CreateTable(table("alpha", t -> t.id())));
        h.add("create beta", new CreateTable(table("beta", t -> t.id())));
        h.add("alpha label", new AddColumn(null, "alpha", column("label", varchar(20), true, null)));
        h.add("create gamma", new CreateTable(table("gamma", t -> t.id())));
        db.migrator(h.chain()).upgrade("0001");
        List<String> before = db.schema();
        String url = db.url() + (driverNamesIt ? "" : (db.url().contains("?") ? "&" : "?") + "logServerErrorDetail=false");
        AtomicBoolean reached = holdBefore(2); // 0004: the run waits for it only once 0003 has failed
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            admin.setAutoCommit(false);
            s.execute("lock table alpha in access exclusive mode"); // 0003 waits
            java.util.concurrent.CompletableFuture<Void> run = java.util.concurrent.CompletableFuture.runAsync(() ->
                    new Migrator(new Database(url, null, null, null), h.chain(),
                            io.github.entitymigrations.migrations.Console.SILENT).upgrade("head"));
            String pid = FailureInjectionTest.lockWaiter(db, "alter table alpha");
            assertTrue(pid != null, "0003 should wait for the lock on alpha");
            try (ResultSet rs = s.executeQuery("select pg_terminate_backend(" + pid + ")")) {
                rs.next();
            }
            admin.rollback();
            java.util.concurrent.ExecutionException failed = assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            MigrationException e = org.junit.jupiter.api.Assertions.assertInstanceOf(MigrationException.class,
                    failed.getCause());
            for (String part : List.of("Migration 0003", "0003_alpha_label.json", "terminating connection",
                    "nothing of it was applied", "0002 was run in the same transaction and rolled back with it",
                    "is still at 0001.")) {
                assertTrue(e.getMessage().contains(part), "the message should say " + part + ":\n" + e.getMessage());
            }
        }
        assertTrue(reached.get());
        assertEquals(before, db.schema());
        assertEquals(List.of("0001"), db.appliedIds());
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
    }

    /**
     * Two upgrades at once while the first holds its migrations uncommitted, waiting for its plan: the second waits
     * for the lock, then finds everything applied, and each migration is applied once.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aSecondRunWaitsForTheHeldMigrationsAndFindsThemApplied(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
        PlanAhead.pause = (plan, i) -> {
            if (i == 3 && plan.awaitRunWaitingFor(3, TimeUnit.SECONDS.toMillis(60))) {
                holding.countDown(); // the first run has run 0001-0003, uncommitted
                secondStarted.await(60, TimeUnit.SECONDS);
                Thread.sleep(500); // the second run is waiting for the lock meanwhile
            }
        };
        RecordingConsole second = new RecordingConsole();
        java.util.concurrent.CompletableFuture<Movement> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(holding.await(60, TimeUnit.SECONDS), "the first run should hold 0001-0003");
        java.util.concurrent.CompletableFuture<Movement> other = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    secondStarted.countDown();
                    return db.migrator(h.chain(), second).upgrade("head");
                });

        assertEquals(4, first.get(60, TimeUnit.SECONDS).migrations());
        assertEquals(0, other.get(60, TimeUnit.SECONDS).migrations(), second.toString());
        assertEquals(1, second.count("Nothing to do: the database is at 0004 (head)."), second.toString());
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void killedWhileItsMigrationsWaitForThePlanItLeavesNothingOfThem(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = fourTables();
        db.migrator(h.chain()).upgrade("0001");
        List<String> before = db.schema();

        Process runner = ForkedRunner.start(db.database().url(), h.directory(), ForkedRunner.HOLD_LAST_STEP);
        try {
            awaitHeld(kind, db, runner);
        } finally {
            runner.destroyForcibly(); // SIGKILL, with 0002 and 0003 run and not committed
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed waiting for its plan");
        if (kind == Kind.POSTGRESQL) {
            awaitNoOtherSession(db);
        }

        assertEquals(before, db.schema(), "a killed run must leave nothing of the migrations it held");
        assertEquals(List.of("0001"), db.appliedIds());
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(4)), db.schema(), "after the rerun");
    }

    /**
     * Until the forked runner has run the migrations it can without the plan's last step, in a transaction it
     * holds open: PostgreSQL shows its session idle in a transaction that has created table gamma (0003); SQLite
     * shows a write transaction by its journal, after which the runner waits (it does nothing else then).
     */
    private static void awaitHeld(Kind kind, TestDatabase db, Process runner) throws Exception {
        KillDuringMigrationTest.awaitRunner(runner, 60, "the runner never came to wait for its plan",
                () -> kind == Kind.POSTGRESQL ? pgHolding(db) : KillDuringMigrationTest.sqliteWriting(db));
        if (kind == Kind.SQLITE) {
            Thread.sleep(1000);
        }
    }

    private static boolean pgHolding(TestDatabase db) throws Exception {
        return KillDuringMigrationTest.otherSession(db, "state = 'idle in transaction' and query like "
                + "'%entity_migrations_history%'");
    }

    private static void awaitNoOtherSession(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database()"
                            + " and pid <> pg_backend_pid() and backend_type = 'client backend'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        fail("the killed runner's session did not end");
    }
}
