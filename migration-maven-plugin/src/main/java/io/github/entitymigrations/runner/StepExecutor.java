package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Runs one {@link Step}: its statements and its version-table change in one transaction, so a failing
 * statement leaves the database exactly as before. Without a lock that keeps other runs out, it first checks
 * inside the transaction that no other run did the step meanwhile.
 */
final class StepExecutor {

    private final Dialect dialect;
    private final VersionTable versions;
    private final String appliedBy;
    private final boolean recheck;

    /**
     * @param recheck whether to check inside each step's transaction that no other run did the step
     *                meanwhile; not needed while the run holds a lock that keeps other runs out
     */
    StepExecutor(Dialect dialect, VersionTable versions, String appliedBy, boolean recheck) {
        this.dialect = dialect;
        this.versions = versions;
        this.appliedBy = appliedBy;
        this.recheck = recheck;
    }

    /** Runs the step; returns its duration in ms, or -1 when another runner had already done it. */
    long run(Connection c, Step step, String databaseName) throws SQLException {
        execute(c, dialect.beforeMigration());
        long started = System.nanoTime();
        try {
            c.setAutoCommit(step.outsideTransaction());
            if (recheck && versions.contains(c, step.id()) == step.upgrade()) {
                rollback(c);
                return -1;
            }
            List<String> statements = step.statements();
            SqliteDependents dependents = SqliteDependents.of(dialect, step); // keeps views and triggers through rebuilds
            for (int i = 0; i < statements.size(); i++) {
                try (Statement s = c.createStatement()) {
                    if (dependents != null) {
                        dependents.before(c, statements.get(i));
                    }
                    s.execute(statements.get(i));
                } catch (SQLException e) {
                    rollback(c);
                    throw failure(step, i, statements, databaseName + " said: " + e.getMessage());
                }
                if (dependents != null) {
                    dependents.after(c, statements.get(i));
                }
            }
            checkIntegrity(c, step, databaseName);
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (step.upgrade()) {
                versions.insert(c, new Applied(step.id(), step.file().message(),
                        Checksums.of(step.file().migration()), Instant.now().toString(), appliedBy, ms));
            } else {
                versions.delete(c, step.id());
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return ms;
        } finally {
            if (!c.getAutoCommit()) {
                rollback(c);
                c.setAutoCommit(true);
            }
            execute(c, dialect.afterMigration());
        }
    }

    private void checkIntegrity(Connection c, Step step, String databaseName) throws SQLException {
        String check = dialect.integrityCheck();
        if (check == null) {
            return;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(check)) {
            if (rs.next()) {
                String table = rs.getString(1);
                rollback(c);
                throw new MigrationException("Migration " + step.label() + " (" + step.file().fileName() + ") left table "
                        + table + " with rows whose "
                        + "foreign keys point nowhere (" + check + "), so it was rolled back and the database is as "
                        + "before. Clean those rows up in a sql step first");
            }
        }
    }

    private static MigrationException failure(Step step, int index, List<String> statements, String reason) {
        String where = "Migration " + step.label() + " (" + step.file().fileName() + ") failed at statement "
                + (index + 1) + " of " + statements.size() + (step.upgrade() ? "" : " of its downgrade") + ":\n    "
                + statements.get(index) + "\n  " + reason + "\n";
        String state = step.outsideTransaction()
                ? "It runs outside a transaction, so statements 1 to " + index + " were applied and stay; the version "
                + "table does not record it. Finish or undo them by hand, then run the goal again (or stamp)."
                : "It was rolled back: nothing of it was applied and the version table is unchanged. Fix the "
                + "migration (or the data) and run the goal again.";
        return new MigrationException(where + state);
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
