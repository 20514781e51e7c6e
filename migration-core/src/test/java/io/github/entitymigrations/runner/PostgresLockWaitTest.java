package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that finds PostgreSQL's migration lock taken says at once who holds it (pid, application, state and
 * since when, the statement it still runs, as after kill -9 of a runner mid-statement), and gives up after
 * the lock timeout with what to do, having run nothing. The lock is per schema.
 */
class PostgresLockWaitTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @Test
    void aWaitingRunSaysAtOnceWhoHoldsTheLockAndGivesUpAfterTheTimeout() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 2);
        try (Connection holder = holding(db, null)) {
            int pid = pid(holder);
            RecordingConsole console = new RecordingConsole();
            long start = System.nanoTime();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> db.migrator(chain, console)
                    .lockTimeout(Duration.ofSeconds(2)).upgrade("head"));
            waitFor(console, "Waiting for the migration lock", 1_000);
            assertTrue(console.count("PostgreSQL session pid " + pid + " (application \"holder-app\"") == 1
                    && console.count("idle since ") == 1, console.toString());
            MigrationException e = assertThrows(MigrationException.class, () -> join(run));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 1_900 && waited < 6_000, "gave up after the 2 s timeout, not " + waited + " ms");
            assertTrue(e.getMessage().startsWith("Gave up waiting for the migration lock of ")
                    && e.getMessage().contains("after 2 s") && e.getMessage().contains("pid " + pid)
                    && e.getMessage().contains("select pg_terminate_backend(" + pid + ");")
                    && e.getMessage().contains(".lockTimeout(Duration.parse(\"PT30M\"))")
                    && e.getMessage().contains("Nothing was run"),
                    e.getMessage());
            assertFalse(db.hasVersionTable(), "nothing may run while waiting");
        }
    }

    /** As after kill -9 of a runner mid-statement: the holding backend still runs its statement. */
    @Test
    void theWaitingMessageShowsTheStatementTheHolderStillRuns() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 2);
        LoggedMigrations.prepare(db, chain);
        try (Connection holder = holding(db, null); Connection admin = db.connect()) {
            int pid = pid(holder);
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
                try (Statement s = holder.createStatement()) {
                    s.execute("select pg_sleep(30)");
                } catch (java.sql.SQLException expected) {
                    // terminated below
                }
            });
            waitForActive(admin, pid);
            RecordingConsole console = new RecordingConsole();
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(chain, console)
                    .lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            for (String text : List.of(console.toString(), e.getMessage())) {
                assertTrue(text.contains("pid " + pid) && text.contains("active, still running a statement it started ")
                        && text.contains(" UTC (") && text.contains(": select pg_sleep(30)")
                        && text.contains(" s ago)") && text.contains("the server keeps running the statement"), text);
            }
            try (PreparedStatement p = admin.prepareStatement("select pg_terminate_backend(?)")) {
                p.setInt(1, pid);
                p.execute();
            }
            busy.get(10, TimeUnit.SECONDS);
            db.migrator(chain).lockTimeout(Duration.ofSeconds(10)).upgrade("head");
            assertEquals(LoggedMigrations.ids(2), db.appliedIds(), "the lock went with the terminated session");
        }
    }

    @Test
    void runsOnTwoSchemasDoNotWaitForEachOtherWhileTwoOnOneSchemaDo() throws Exception {
        TestDatabase base = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 1);
        TestDatabase a = base.inSchema("tenant_a");
        TestDatabase b = base.inSchema("tenant_b");
        LoggedMigrations.prepare(a, chain, "tenant_a");
        LoggedMigrations.prepare(b, chain, "tenant_b");
        try (Connection holder = holding(base, "tenant_a")) {
            b.migrator(chain).lockTimeout(Duration.ofSeconds(2)).upgrade("head");
            assertEquals(LoggedMigrations.ids(1), b.appliedIds(), "tenant_b is not locked by tenant_a's run");
            MigrationException e = assertThrows(MigrationException.class,
                    () -> a.migrator(chain).lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            assertTrue(e.getMessage().contains("pid " + pid(holder)), e.getMessage());
            assertEquals(List.of(), a.appliedIds(), "tenant_a waited and ran nothing");
        }
    }

    /** A connection named holder-app holding the lock a run on {@code schema} takes. */
    private static Connection holding(TestDatabase db, String schema) throws Exception {
        Connection holder = db.connect();
        holder.setClientInfo("ApplicationName", "holder-app");
        try (PreparedStatement p = holder.prepareStatement("select pg_advisory_lock(?)")) {
            p.setLong(1, PostgresLock.key(holder, new VersionTable(PostgresKind.INSTANCE, db.database().dialect(), schema)));
            p.execute();
        }
        return holder;
    }

    private static int pid(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void waitForActive(Connection admin, int pid) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                    "select state from pg_stat_activity where pid = " + pid)) {
                if (rs.next() && "active".equals(rs.getString(1))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the holder never started its statement");
    }

    static void waitFor(RecordingConsole console, String text, long withinMs) throws InterruptedException {
        long until = System.nanoTime() + withinMs * 1_000_000;
        while (console.count(text) == 0) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no \"" + text + "\" within " + withinMs + " ms:\n" + console);
            }
            Thread.sleep(20);
        }
    }

    static void join(CompletableFuture<?> run) throws Throwable {
        try {
            run.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause();
        }
    }
}
