package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps two runners from migrating one database at once, for the whole run: a run resolves its target,
 * plans and migrates only while it holds the lock. A run that finds the lock taken does not wait in
 * silence: it says at once who holds it, repeats that every few seconds, and gives up after the lock
 * timeout with an error saying how to free the lock or wait longer. Either lock is released by the
 * operating system or the server when its holder dies, so it can never go stale.
 */
abstract class DatabaseLock implements AutoCloseable {

    /** How long a run waits for the lock by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** How often a waiting run says it is still waiting. */
    static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    /** How often a waiting run tries the lock again. */
    private static final long POLL_MS = 200;

    /** Takes the lock once, without waiting; {@code false} when another run holds it. */
    abstract boolean tryAcquire() throws SQLException;

    /** Who holds the lock, as far as can be told, for the waiting messages. */
    abstract String holder() throws SQLException;

    /** The lock and its database, e.g. "the migration lock of jdbc:...". */
    abstract String what();

    /** What to do about a holder that does not let go (how to find and end it). */
    abstract String howToFree(String holder);

    @Override
    public abstract void close() throws SQLException;

    /** The lock for {@code database}, held once this returns; the caller closes it. */
    static DatabaseLock acquire(Connection c, Database database, VersionTable versions, Duration timeout,
                                Console console) throws SQLException {
        DatabaseLock lock = versions.kind().lock(c, database, versions);
        if (lock == null) {
            return NONE;
        }
        lock.await(timeout, console);
        return lock;
    }

    private void await(Duration timeout, Console console) throws SQLException {
        long start = System.nanoTime();
        long nextReport = 0;
        while (!tryAcquire()) {
            long waited = System.nanoTime() - start;
            if (waited >= timeout.toNanos()) {
                String holder = holder();
                throw new MigrationException("Gave up waiting for " + what() + " after " + format(timeout)
                        + " (the lock timeout): " + holder + ". Nothing was run. " + howToFree(holder)
                        + " To wait longer, raise the lock timeout: "
                        + Advice.current().setting(Advice.Setting.LOCK_TIMEOUT, "PT30M")
                        + Advice.current().phrase(Advice.Phrase.LOCK_TIMEOUT_FORMAT));
            }
            if (waited >= nextReport) {
                console.info((nextReport == 0 ? "Waiting for " + what() + ", held by another run: "
                        : "Still waiting for " + what() + " (" + format(Duration.ofNanos(waited)) + " of "
                        + format(timeout) + "): ") + holder());
                nextReport += REPORT_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("Interrupted while waiting for " + what() + "; nothing was run", e);
            }
        }
    }

    /** {@code 10 min}, {@code 2 s}, {@code 1 min 30 s}. */
    static String format(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /** No lock: a database kind that needs none. */
    private static final DatabaseLock NONE = new DatabaseLock() {
        @Override
        boolean tryAcquire() {
            return true;
        }

        @Override
        String holder() {
            return "nobody";
        }

        @Override
        String what() {
            return "no lock";
        }

        @Override
        String howToFree(String holder) {
            return "";
        }

        @Override
        public void close() {
        }
    };
}
