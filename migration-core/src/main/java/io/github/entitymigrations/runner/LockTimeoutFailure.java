package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The error when a statement waited longer than its migration's {@code "lockTimeout"}: which sessions hold the
 * lock ({@link LockBlockers}), that the migration was rolled back, and what to do. Another session's long
 * transaction on the table is the usual cause; waiting behind it would have queued every query on that table too,
 * which is what the timeout prevents.
 */
final class LockTimeoutFailure {

    private LockTimeoutFailure() {
    }

    static MigrationException of(Connection c, Step step, int index, String reason, SQLException cause) {
        return of(c, step, index, reason, cause, step.outsideTransaction()
                ? "It runs outside a transaction, so statements 1 to " + index + " were applied and stay; the version "
                + "table does not record it."
                : "It was rolled back: nothing of it was applied and the version table is unchanged.");
    }

    /** @param state what became of the statements before the one that waited (rolled back, undone, kept) */
    static MigrationException of(Connection c, Step step, int index, String reason, SQLException cause, String state) {
        String statement = step.statements().get(index);
        rollBack(c, cause); // the catalog cannot be read in the aborted transaction
        LockBlockers.Found found = LockBlockers.find(c, statement);
        String timeout = step.file().migration().lockTimeout();
        String held = found.lines().isEmpty()
                ? "No other session holds a lock on " + String.join(", ", LockBlockers.relations(statement))
                + " any more: the one that did has finished meanwhile."
                : "Waiting for:\n    " + String.join("\n    ", found.lines());
        String pid = found.pids().isEmpty() ? "<pid>" : String.valueOf(found.pids().get(0));
        String next = "To go on: " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + " once that session has "
                + "ended; if it is stuck, end it with select pg_terminate_backend(" + pid + "); or raise "
                + "\"lockTimeout\" in " + step.file().fileName() + (timeout == null ? "" : " (now \"" + timeout + "\")")
                + " to wait longer (statements on the table queue behind the migration while it waits).";
        return new MigrationException("Migration " + step.label() + " (" + step.file().fileName() + ") waited longer "
                + "than its lock timeout" + (timeout == null ? " (the server's lock_timeout)" : " (" + timeout + ")")
                + " for a lock at statement " + (index + 1) + " of " + step.statements().size()
                + (step.upgrade() ? "" : " of its downgrade") + ":\n    " + statement + "\n  " + reason + "\n  " + held
                + "\n" + state + " " + next, cause);
    }

    private static void rollBack(Connection c, SQLException cause) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
