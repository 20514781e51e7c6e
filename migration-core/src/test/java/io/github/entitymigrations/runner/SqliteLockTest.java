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
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite: a run waits for another run's lock file and says who holds it (a real second process), goes on
 * once that process is killed; a connection holding the database's write lock past the lock timeout gives
 * one clear error naming the lock, not "cannot rollback - no transaction is active".
 */
class SqliteLockTest {

    @TempDir
    Path tmp;

    @Test
    void aWriterHoldingTheDatabaseGivesAClearLockErrorNotARollbackError() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, null, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 3);
        LoggedMigrations.prepare(db, chain);
        db.migrator(chain).upgrade("0001");
        MigrationException e;
        try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
            s.execute("begin immediate");
            e = assertThrows(MigrationException.class,
                    () -> db.migrator(chain).lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            s.execute("rollback");
        }
        assertTrue(e.getMessage().startsWith("Migration 0002 step 2 (0002_step_2.json) was not applied: the SQLite database ")
                && e.getMessage().contains("stayed locked by another connection for longer than the lock timeout (1 s")
                && e.getMessage().contains("database is locked")
                && e.getMessage().contains(".lockTimeout(Duration.parse(\"PT30M\"))")
                && !e.getMessage().contains("cannot rollback"), e.getMessage());
        assertEquals(LoggedMigrations.ids(1), db.appliedIds());
        assertEquals(List.of("+0001"), LoggedMigrations.log(db), "nothing of 0002 ran");
        db.migrator(chain).upgrade("head");
        assertEquals(LoggedMigrations.ids(3), db.appliedIds(), "a rerun once the writer is gone succeeds");
    }

    @Test
    void aRunWaitsForAnotherProcessHoldingTheLockAndGoesOnOnceItIsKilled() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, null, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 2);
        LoggedMigrations.prepare(db, chain);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SqliteLockHolder.class.getName(), db.database().url())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine(), "the holder process took the lock");
            RecordingConsole console = new RecordingConsole();
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(chain, console)
                    .lockTimeout(Duration.ofSeconds(1)).upgrade("head"));
            String who = "process " + holder.pid() + " on ";
            assertTrue(console.count("Waiting for the migration lock of jdbc:sqlite:") == 1 && console.count(who) == 1
                    && console.count(SqliteLock.SUFFIX) == 1, console.toString());
            assertTrue(e.getMessage().startsWith("Gave up waiting for the migration lock of ")
                    && e.getMessage().contains(who) && e.getMessage().contains("Nothing was run"), e.getMessage());
            assertEquals(List.of(), db.appliedIds());

            holder.destroyForcibly(); // kill -9: the OS releases the lock
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            db.migrator(chain).lockTimeout(Duration.ofSeconds(5)).upgrade("head");
            assertEquals(LoggedMigrations.ids(2), db.appliedIds());
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Two runs in one JVM: the second waits for the first (the in-JVM queue), then finds nothing to do. */
    @Test
    void aSecondRunInTheSameJvmWaitsAndSaysWhoHoldsTheLock() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, null, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 1);
        LoggedMigrations.prepare(db, chain);
        SqliteLock held = SqliteLock.of(db.database());
        assertTrue(held.tryAcquire());
        RecordingConsole console = new RecordingConsole();
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> db.migrator(chain, console).upgrade("head"));
        try {
            PostgresLockWaitTest.waitFor(console, "Waiting for the migration lock", 1_000);
            assertTrue(console.count("process " + ProcessHandle.current().pid() + " on ") == 1, console.toString());
            assertFalse(run.isDone());
        } finally {
            held.close();
        }
        run.get(10, TimeUnit.SECONDS);
        assertEquals(LoggedMigrations.ids(1), db.appliedIds());
    }
}
