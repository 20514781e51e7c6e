package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.Operation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one {@link Step}: its statements and its version-table change in one transaction, so a failing
 * statement leaves the database exactly as before. Without a lock that keeps other runs out, it first checks
 * inside the transaction that no other run did the step meanwhile.
 */
final class StepExecutor {

    /** A column of a rebuild's new copy, as SQLite names it in a constraint error: {@code _em_new_t.c}. */
    private static final Pattern NEW_COPY_COLUMN = Pattern.compile("_em_new_[^.\\s]*\\.(\"[^\"]+\"|[^\\s),]+)");

    private final Dialect dialect;
    private final VersionTable versions;
    private final String appliedBy;
    private final boolean recheck;
    private final UndoJournal journal;

    /**
     * @param recheck whether to check inside each step's transaction that no other run did the step
     *                meanwhile; not needed while the run holds a lock that keeps other runs out
     */
    StepExecutor(Dialect dialect, VersionTable versions, UndoJournal journal, String appliedBy, boolean recheck) {
        this.dialect = dialect;
        this.journal = journal;
        this.versions = versions;
        this.appliedBy = appliedBy;
        this.recheck = recheck;
    }

    /** Runs the step; returns its duration in ms, or -1 when another runner had already done it. */
    long run(Connection c, Step step, String databaseName) throws SQLException {
        execute(c, dialect.beforeMigration());
        Throwable failure = null;
        try {
            return runInTransaction(c, step, databaseName);
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(c, failure);
        }
    }

    private long runInTransaction(Connection c, Step step, String databaseName) throws SQLException {
        long started = System.nanoTime();
        c.setAutoCommit(!step.atomic());
        if (recheck && versions.contains(c, step.id()) == step.upgrade()) {
            return -1; // the clean-up rolls the empty transaction back
        }
        StepLockTimeout lockTimeout = StepLockTimeout.set(c, dialect, step);
        try {
            if (step.atomic()) {
                runStatements(c, step, databaseName);
            } else {
                new UnitRun(versions, journal, databaseName).run(c, step);
            }
        } finally {
            lockTimeout.restore(c);
        }
        if (step.atomic()) {
            checkIntegrity(c, step, databaseName);
        } else {
            c.setAutoCommit(false); // the version row and the end of the journal's rows commit together
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (step.upgrade()) {
            versions.insert(c, new Applied(step.id(), step.file().message(),
                    Checksums.of(step.file().migration()), VersionTable.now(), appliedBy, ms, false));
        } else {
            versions.delete(c, step.id());
        }
        if (!step.atomic()) {
            journal.clear(c, step.id());
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return ms;
    }

    private void runStatements(Connection c, Step step, String databaseName) throws SQLException {
        List<String> statements = step.statements();
        SqliteDependents dependents = versions.kind().dependents(step); // keeps views and triggers through rebuilds
        for (int i = 0; i < statements.size(); i++) {
            try (Statement s = c.createStatement()) {
                if (dependents != null) {
                    dependents.before(c, statements.get(i));
                }
                s.execute(statements.get(i));
            } catch (SQLException e) {
                String reason = databaseName + " said: " + e.getMessage();
                if (LockBlockers.isLockTimeout(e)) {
                    throw LockTimeoutFailure.of(c, step, i, reason, e);
                }
                throw failure(step, i, statements, reason, e);
            }
            if (dependents != null) {
                dependents.after(c, statements.get(i));
            }
        }
    }

    /**
     * Rolls back what is left of the transaction and restores the connection. A failure here must never
     * replace the step's own error (SQLite, for one, answers "cannot rollback - no transaction is active"
     * when the real problem was a lock): it is kept as suppressed then, and thrown only on success.
     */
    private void cleanUp(Connection c, Throwable failure) throws SQLException {
        SQLException first = null;
        for (CleanUp action : List.<CleanUp>of(StepExecutor::rollback, x -> {
            if (!x.getAutoCommit()) {
                x.setAutoCommit(true);
            }
        }, x -> execute(x, dialect.afterMigration()))) {
            try {
                action.run(c);
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private interface CleanUp {
        void run(Connection c) throws SQLException;
    }

    private void checkIntegrity(Connection c, Step step, String databaseName) throws SQLException {
        String check = dialect.integrityCheck();
        if (check == null) {
            return;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(check)) {
            if (rs.next()) {
                String table = rs.getString(1);
                throw new MigrationException("Migration " + step.label() + " (" + step.file().fileName() + ") left table "
                        + table + " with rows whose "
                        + "foreign keys point nowhere (" + check + "), so it was rolled back and the database is as "
                        + "before. Clean those rows up in a sql step first");
            }
        }
    }

    /** The failure of an {@link Step#atomic() atomic} step, whose transaction rolls everything of it back. */
    private static MigrationException failure(Step step, int index, List<String> statements, String reason,
                                              SQLException cause) {
        String where = "Migration " + step.label() + " (" + step.file().fileName() + ") failed at statement "
                + (index + 1) + " of " + statements.size() + (step.upgrade() ? "" : " of its downgrade") + ":\n    "
                + statements.get(index) + "\n  " + reason + "\n" + batchNote(step, index, reason);
        return new MigrationException(where + "It was rolled back: nothing of it was applied and the version table "
                + "is unchanged. Fix the migration (or the data) and " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN)
                + ".", cause);
    }

    /**
     * For a statement of operations the dialect rendered as one change (SQLite's one rebuild of a table for
     * several changes): which operations those are, since the statement alone may not show which one failed.
     */
    private static String batchNote(Step step, int index, String reason) {
        int end = 0;
        for (Unit unit : step.units()) {
            end += unit.statements().size();
            if (index < end) {
                return unit.batch().isEmpty() ? "" : "  It is part of " + unit.describe() + "."
                        + changedBy(unit, reason) + "\n";
            }
        }
        return "";
    }

    /** SQLite names the new copy's column that refused a value ({@code _em_new_t.c}): the step that changes it. */
    private static String changedBy(Unit unit, String reason) {
        Matcher m = NEW_COPY_COLUMN.matcher(reason);
        if (!m.find()) {
            return "";
        }
        String column = m.group(1).replace("\"", "");
        for (int i = 0; i < unit.batch().size(); i++) {
            Operation op = unit.batch().get(i);
            String changed = op instanceof AlterColumn a ? a.to().name() : op instanceof AddColumn a ? a.column().name()
                    : null;
            if (column.equalsIgnoreCase(changed)) {
                return " Column " + changed + " is changed by step " + (unit.number() + i) + " (" + op.describe() + ").";
            }
        }
        return "";
    }

    private static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
