package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.FailureInjectionTest.State;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a real runner (a JVM of its own) in the middle of a migration, on PostgreSQL and SQLite: the
 * database is exactly as before that migration (schema, version table, rows), and a rerun applies it once.
 * The migration is made slow at the kill point by a statement that sleeps (PostgreSQL) or computes (SQLite):
 * early (after its first step) or last (just before the version row); and on SQLite during a table rebuild.
 *
 * <p>On PostgreSQL the killed JVM's backend keeps running its statement, holding the migration's locks, until
 * the statement ends and it finds the client gone; the rerun waits for it, in bounded time.
 */
class KillDuringMigrationTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    /** Seconds the PostgreSQL statement sleeps: the orphaned backend holds the lock this long at most. */
    private static final int SLEEP_SECONDS = 4;

    /** The exit status of a process killed by SIGKILL: 128 + 9. */
    private static final int KILLED = 137;

    @TempDir
    Path tmp;

    static Stream<Arguments> points() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.POSTGRESQL, Kind.SQLITE}) {
            all.add(Arguments.of(kind, "early"));
            all.add(Arguments.of(kind, "last"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("points")
    void killedMidMigrationLeavesEverythingAsBeforeAndTheRerunAppliesItOnce(Kind kind, String point) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        List<Operation> steps = new ArrayList<>(List.of(
                new CreateTable(table("note", t -> {
                    t.id();
                    t.col("text", varchar(100));
                })),
                new AddColumn(null, "customer", column("nickname", varchar(30), true, null)),
                new CreateIndex(null, "customer", new Index("ix_customer_nickname", List.of("nickname"), false))));
        steps.add(point.equals("early") ? 1 : steps.size(), sql(List.of(slowStatement(kind)), List.of("select 1")));
        h.add("slow", steps, Diff.reverse(steps), false);
        State before = State.of(db);

        Process runner = ForkedRunner.start(db.database().url(), h.directory());
        try {
            awaitSlowStatement(kind, db, runner);
        } finally {
            runner.destroyForcibly(); // SIGKILL: no finally block, no rollback, no goodbye to the server
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed mid-migration, not have ended");
        if (kind == Kind.POSTGRESQL) {
            long killed = System.nanoTime();
            while (pgSleeping(db) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(SLEEP_SECONDS + 10)) {
                Thread.sleep(20);
            }
            // What the server does with the orphan: it runs its statement to the end, then finds the client gone.
            System.out.printf("%s, killed %s: the orphaned backend ran on for %d ms%n", kind, point,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        }

        assertEquals(before, State.of(db), "a killed migration must leave nothing of itself");
        long start = System.nanoTime();
        db.migrator(h.chain()).upgrade("head");
        System.out.printf("%s, killed %s: the rerun took %d ms%n", kind, point,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(6)), db.schema(), "after the rerun");
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"),
                db.versionRows().stream().map(Applied::id).toList());
        assertEquals(List.of("1|slow"), db.query("select id, text from note"));
    }

    /**
     * SQLite rebuilds a table to change a column's type: killed while it copies a million rows (0007 has no
     * other step, so its journal appearing means the rebuild has begun), the table is whole and unchanged.
     */
    @Test
    void killedDuringAnSqliteTableRebuild() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        h.add("big table", new CreateTable(table("big", t -> {
            t.id();
            t.col("text", varchar(20));
        })), sql(List.of("insert into big (id, text) with recursive r(i) as (select 1 union all select i + 1 from r "
                + "where i < 1000000) select i, 'row ' || i from r"), List.of("delete from big")));
        db.migrator(h.chain()).upgrade("head");
        Column text = h.column("big", "text");
        h.add("longer text", new AlterColumn(null, "big", text, MigrationHistory.changed(text, varchar(40), false,
                null)));
        State before = State.of(db);
        List<String> rows = db.query("select count(*), sum(id), max(text) from big");

        Process runner = ForkedRunner.start(db.database().url(), h.directory());
        try {
            awaitSlowStatement(Kind.SQLITE, db, runner);
        } finally {
            runner.destroyForcibly();
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed mid-migration, not have ended");

        assertEquals(before, State.of(db), "a killed rebuild must leave nothing of itself");
        assertEquals(rows, db.query("select count(*), sum(id), max(text) from big"));
        db.migrator(h.chain()).upgrade("head");
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(7)), db.schema(), "after the rerun");
        assertEquals(rows, db.query("select count(*), sum(id), max(text) from big"));
        assertEquals(7, db.versionRows().size());
    }

    /** Seconds of work in one statement that also leaves a row to check that it ran once. */
    private static String slowStatement(Kind kind) {
        if (kind == Kind.POSTGRESQL) {
            return "insert into note (id, text) select 1, 'slow' from pg_sleep(" + SLEEP_SECONDS + ")";
        }
        return "insert into note (id, text) select 1, 'slow' where (with recursive r(i) as (select 1 union all "
                + "select i + 1 from r where i < 4000000) select count(*) from r) > 0";
    }

    /**
     * Until the runner is inside the slow statement: PostgreSQL shows it in pg_stat_activity; SQLite shows a
     * write transaction by its journal file, and the statements before the slow one take milliseconds.
     */
    private static void awaitSlowStatement(Kind kind, TestDatabase db, Process runner) throws Exception {
        awaitRunner(runner, 30, "the runner never reached the slow statement",
                () -> kind == Kind.POSTGRESQL ? pgSleeping(db) : sqliteWriting(db));
        if (kind == Kind.SQLITE) {
            Thread.sleep(150);
        }
    }

    /** What a forked runner is waited for to reach. */
    interface Reached {
        boolean yet() throws Exception;
    }

    /** Polls until the forked runner has {@code reached} a point, failing if it ends first or the time runs out. */
    static void awaitRunner(Process runner, int seconds, String never, Reached reached) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!runner.isAlive()) {
                fail("the runner ended (exit " + runner.exitValue() + ") before it could be killed");
            }
            if (reached.yet()) {
                return;
            }
            Thread.sleep(20);
        }
        fail(never);
    }

    private static boolean pgSleeping(TestDatabase db) throws Exception {
        return otherSession(db, "state = 'active' and query like '%pg_sleep%'");
    }

    /** Whether another session on the database is in the state {@code condition} (on pg_stat_activity) says. */
    static boolean otherSession(TestDatabase db, String condition) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                        + " and " + condition)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    static boolean sqliteWriting(TestDatabase db) {
        String file = db.database().url().substring("jdbc:sqlite:".length());
        return Files.exists(Path.of(file + "-journal")) || Files.exists(Path.of(file + "-wal"));
    }
}
