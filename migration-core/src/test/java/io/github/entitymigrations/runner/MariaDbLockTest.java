package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MariaDB's and MySQL's migration lock ({@code get_lock}): a waiting run says at once which session holds it
 * and gives up after the lock timeout having run nothing; the server releases the lock of a holder killed with
 * kill -9; runs on two databases of one server do not wait for each other.
 */
class MariaDbLockTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aWaitingRunSaysWhoHoldsTheLockAndGivesUpAfterTheTimeout(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, null, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 2);
        try (Connection holder = holding(db, null)) {
            long id = sessionId(holder);
            RecordingConsole console = new RecordingConsole();
            long start = System.nanoTime();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> db.migrator(chain, console)
                    .lockTimeout(Duration.ofSeconds(2)).upgrade("head"));
            waitFor(console, "Waiting for the migration lock", 2_000);
            assertEquals(1, console.count("session " + id + " (user root, from "), console.toString());
            MigrationException e = assertThrows(MigrationException.class, () -> join(run));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 1_900 && waited < 6_000, "gave up after the 2 s timeout, not " + waited + " ms");
            assertTrue(e.getMessage().startsWith("Gave up waiting for the migration lock of jdbc:")
                    && e.getMessage().contains("after 2 s") && e.getMessage().contains("session " + id + " (")
                    && e.getMessage().contains("sleep for ")
                    && e.getMessage().contains("end its session (which frees the lock): kill " + id + ";")
                    && e.getMessage().contains("Nothing was run"), e.getMessage());
            assertFalse(db.hasVersionTable(), "nothing may run while waiting");
        }
    }

    /** kill -9 of the holding JVM: the server notices the closed connection and releases the lock. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void theServerReleasesTheLockOfAKilledHolder(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, null, tmp);
        // No migrations: what is measured is the lock (the run takes it, then creates the version table).
        MigrationChain chain = new MigrationHistory(tmp.resolve("none")).chain();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MariaDbLockHolder.class.getName(), db.database().url()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("locked ")) {
                line = out.readLine(); // the driver's logging
            }
            assertTrue(line != null, "the holder process did not take the lock");
            String id = line.substring("locked ".length());
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(chain)
                    .lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            assertTrue(e.getMessage().contains("session " + id + " ("), e.getMessage());
            assertFalse(db.hasVersionTable(), "nothing ran while the holder lived");
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            db.migrator(chain).lockTimeout(Duration.ofSeconds(20)).upgrade("head"); // took the lock: no exception
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 5_000, "the server released the lock " + ms + " ms after the kill");
            System.out.println("[MariaDbLockTest] " + kind + ": lock of a killed holder free after " + ms + " ms");
        } finally {
            holder.destroyForcibly();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void runsOnTwoDatabasesDoNotWaitForEachOtherWhileTwoOnOneDo(Kind kind) throws Exception {
        TestDatabase base = TestDatabase.open(kind, null, tmp);
        MigrationChain chain = new MigrationHistory(tmp.resolve("none")).chain();
        String prefix = TestDatabase.mariaDb().databaseName();
        TestDatabase a = base.inSchema(prefix + "_a");
        TestDatabase b = base.inSchema(prefix + "_b");
        try (Connection holder = holding(base, prefix + "_a")) {
            // Returns (having taken the lock) instead of giving up: database _b is not locked by _a's holder.
            b.migrator(chain).lockTimeout(Duration.ofSeconds(2)).upgrade("head");
            MigrationException e = assertThrows(MigrationException.class,
                    () -> a.migrator(chain).lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            assertTrue(e.getMessage().contains("session " + sessionId(holder)), e.getMessage());
            assertFalse(a.hasVersionTable(), "_a waited and ran nothing");
        } finally {
            base.execute("drop database if exists " + prefix + "_a", "drop database if exists " + prefix + "_b");
        }
    }

    /** A connection holding the lock a run on {@code schema} (or the URL's database) takes. */
    private static Connection holding(TestDatabase db, String schema) throws Exception {
        Connection holder = db.connect();
        String database = schema != null ? schema : MariaDbKind.currentDatabase(holder);
        try (PreparedStatement p = holder.prepareStatement("select get_lock(?, 0)")) {
            p.setString(1, MariaDbLock.name(database, VersionTable.NAME));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the holder took the lock");
            }
        }
        return holder;
    }

    private static long sessionId(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select connection_id()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitFor(RecordingConsole console, String text, long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (console.count(text) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(console.count(text) > 0, "no \"" + text + "\" in " + console);
    }

    private static void join(CompletableFuture<Void> run) throws Throwable {
        try {
            run.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
