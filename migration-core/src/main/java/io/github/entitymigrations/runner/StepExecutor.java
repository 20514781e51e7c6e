package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.Operation;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one {@link Step}: its statements and its version-table change in one transaction, so a failing
 * statement leaves the database exactly as before. Without a lock that keeps other runs out, it first checks
 * inside the transaction that no other run did the step meanwhile.
 */
final class StepExecutor implements AutoCloseable {

    /** A column of a rebuild's new copy, as SQLite names it in a constraint error: {@code _em_new_t.c}. */
    private static final Pattern NEW_COPY_COLUMN = Pattern.compile("_em_new_[^.\\s]*\\.(\"[^\"]+\"|[^\\s),]+)");

    private final Dialect dialect;
    private final VersionTable versions;
    private final String appliedBy;
    private final boolean recheck;
    private final UndoJournal journal;
    private final RunTimes times;
    /**
     * The version row's insert, prepared at the first upgrade step and reused by the others (not on SQLite, whose
     * schema changes make it parse the statement again anyway); closed by {@link #close}.
     */
    private PreparedStatement insert;
    /** Checksums being computed ahead ({@link #checksumsAhead}), by step. */
    private final Map<Step, CompletableFuture<String>> checksums = new IdentityHashMap<>();
    /** The plan being worked out beside the run, whose checksums are computed as its steps are planned. */
    private PlanAhead ahead;
    /**
     * The id of the last step run in the transaction {@link #hold} started whose version row went in its batch: the
     * next one's duration counts from that row's time ({@code null}: from the transaction's start).
     */
    private String lastHeldRow;
    private volatile boolean closed;
    /**
     * What starts the batch of a PostgreSQL step that another step of the run follows: its commit returns without
     * waiting for the server to flush it to disk. The server still writes its log in order, so the last step's
     * commit, which waits (or {@link #settle}, when the run stops before it), makes every earlier one durable with
     * it; a server crash before that can only lose a tail of whole migrations, each with its version row (never a
     * part of one), which the next run applies.
     */
    static final String EARLY_COMMIT = "set local synchronous_commit to off";
    /**
     * The early commit's statement in this JVM: {@link #EARLY_COMMIT}, or a statement the server refuses, which tests
     * put in its place, as a server that only speaks PostgreSQL's protocol may refuse it.
     */
    static volatile String earlyCommit = EARLY_COMMIT;
    /** Whether steps followed by another may still commit early: until the server refuses it once. */
    private boolean earlyCommits = true;
    /** How many steps committed early ({@link #earlyCommit}). */
    private int earlyCommitted;
    /** Whether the last step committed by {@link #run} committed early, so {@link #settle} has to wait for it. */
    private boolean unflushed;

    /**
     * @param recheck whether to check inside each step's transaction that no other run did the step
     *                meanwhile; not needed while the run holds a lock that keeps other runs out
     */
    StepExecutor(Dialect dialect, VersionTable versions, UndoJournal journal, String appliedBy, boolean recheck,
                 RunTimes times) {
        this.times = times;
        this.dialect = dialect;
        this.journal = journal;
        this.versions = versions;
        this.appliedBy = appliedBy;
        this.recheck = recheck;
    }

    /**
     * Runs the step; returns its duration in ms, or -1 when another runner had already done it. With {@code more}
     * (another step of the run follows it) a PostgreSQL commit does not wait for its flush to disk
     * ({@link #earlyCommit}).
     */
    long run(Connection c, Step step, String databaseName, boolean more) throws SQLException {
        long started = System.nanoTime();
        execute(c, dialect.beforeMigration());
        Throwable failure = null;
        try {
            String first = more && earlyCommits && batched(step) ? earlyCommit : null;
            try {
                long ms = runInTransaction(c, step, databaseName, true, false, first);
                if (ms >= 0) {
                    unflushed = first != null;
                    earlyCommitted += first != null ? 1 : 0;
                }
                return ms;
            } catch (StatementBatches.NotPlaced e) {
                // The driver did not say which statement of a batch failed. Nothing of the step is left (it is
                // one transaction), so it runs again a statement at a time, to name the one that fails. A server
                // that may have refused the early commit (one that only speaks PostgreSQL's protocol) is not asked
                // again in this run.
                earlyCommits &= first == null;
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    throw connectionLost(step, databaseName, (SQLException) e.getCause(), lost);
                }
                long ms = runInTransaction(c, step, databaseName, false, false, null);
                unflushed &= ms < 0;
                return ms;
            }
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                cleanUp(c, failure);
            } finally {
                times.add(RunTimes.Phase.STATEMENTS, started);
            }
        }
    }

    /**
     * Waits until the steps committed early are on disk, when the last step committed was one (the run stopped
     * before its last step, which would have waited for them): until the server's log is flushed as far as it was
     * written when asked, which holds every earlier commit. The server flushes it within a few of its
     * {@code wal_writer_delay}s (200 ms by default); a disk that takes longer than {@link #SETTLE_MILLIS} is not
     * waited for further.
     */
    void settle(Connection c) throws SQLException {
        if (!unflushed) {
            return;
        }
        unflushed = false;
        try (Statement s = c.createStatement()) {
            String written;
            try (ResultSet rs = s.executeQuery("select pg_current_wal_insert_lsn()::text")) {
                rs.next();
                written = rs.getString(1);
            }
            long until = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
            try (PreparedStatement flushed = c.prepareStatement("select pg_current_wal_flush_lsn() >= ?::pg_lsn")) {
                flushed.setString(1, written);
                while (true) {
                    try (ResultSet rs = flushed.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1) || System.nanoTime() > until) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // stop waiting: the commits are the server's to flush
                        return;
                    }
                }
            }
        }
    }

    /** How long {@link #settle} waits at most. */
    static final long SETTLE_MILLIS = 10_000;

    /** How many steps run by {@link #run} committed without waiting for the disk ({@link #earlyCommit}). */
    int earlyCommitted() {
        return earlyCommitted;
    }

    /**
     * Starts the transaction that holds the steps run while the plan is still being worked out ({@link #runHeld}):
     * what the dialect runs before a migration, then the transaction.
     */
    void hold(Connection c) throws SQLException {
        execute(c, dialect.beforeMigration());
        c.setAutoCommit(false);
        lastHeldRow = null;
    }

    /**
     * Runs an atomic step without a lock timeout of its own in the transaction {@link #hold} started, which
     * commits it together with those before it ({@link #release}); returns its duration in ms, or -1 when another
     * runner had already done it. A failure leaves the transaction for {@link #release} to roll back: nothing of
     * the held steps is applied then, and a step that fails here is run again on its own.
     *
     * @throws StatementBatches.NotPlaced when a batch failed and the driver did not say at which statement
     */
    long runHeld(Connection c, Step step, String databaseName) throws SQLException {
        long started = System.nanoTime();
        try {
            return runInTransaction(c, step, databaseName, true, true, null);
        } finally {
            times.add(RunTimes.Phase.STATEMENTS, started);
        }
    }

    /**
     * Ends the transaction {@link #hold} started: commits the held steps, or rolls them all back; then what the
     * dialect runs after a migration. A failure of the clean-up after a failure is kept with it, as for a step; a
     * commit the database refuses is thrown after the clean-up.
     */
    void release(Connection c, boolean commit, Throwable failure) throws SQLException {
        long started = System.nanoTime();
        try {
            SQLException refused = null;
            if (commit) {
                try {
                    c.commit();
                } catch (SQLException e) {
                    refused = e; // a deferred constraint, say: the transaction is rolled back
                }
            }
            cleanUp(c, failure != null ? failure : refused);
            if (refused != null) {
                throw refused;
            }
        } finally {
            times.add(RunTimes.Phase.STATEMENTS, started);
        }
    }

    /**
     * Whether the step's statements go in batches ({@link StatementBatches}), the version row's change in the last
     * one: an atomic step on PostgreSQL.
     */
    private boolean batched(Step step) {
        return step.atomic() && versions.kind() instanceof PostgresKind;
    }

    private long runInTransaction(Connection c, Step step, String databaseName, boolean batches, boolean held,
                                  String first) throws SQLException {
        long started = System.nanoTime();
        if (!held) {
            c.setAutoCommit(!step.atomic());
        }
        if (recheck && versions.contains(c, step.id()) == step.upgrade()) {
            return -1; // the clean-up rolls the empty transaction back
        }
        StepLockTimeout lockTimeout = StepLockTimeout.set(c, dialect, step);
        boolean batched = batches && batched(step);
        String versionRow = batched && step.integrityChecks().isEmpty()
                ? versionRowStatement(step, held ? lastHeldRow : null) : null;
        try {
            if (batched) {
                StatementBatches.run(c, step, first, versionRow, (index, e) -> statementFailure(c, step, index,
                        step.statements(), databaseName, e));
            } else if (step.atomic()) {
                runStatements(c, step, databaseName);
            } else {
                new UnitRun(dialect, versions, journal, databaseName).run(c, step);
            }
        } finally {
            lockTimeout.restore(c);
        }
        if (step.atomic()) {
            checkIntegrity(c, step);
        } else {
            c.setAutoCommit(false); // the version row and the end of the journal's rows commit together
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (versionRow == null) {
            writeVersionRow(c, step, ms);
        }
        if (!step.atomic()) {
            journal.clear(c, step.id());
        }
        if (!held && !c.getAutoCommit()) {
            c.commit();
        }
        if (held) {
            lastHeldRow = versionRow != null && step.upgrade() ? step.id() : null;
        }
        return ms;
    }

    private void writeVersionRow(Connection c, Step step, long ms) throws SQLException {
        long row = System.nanoTime();
        if (step.upgrade()) {
            String checksum = checksum(step);
            row = times.addWithin(RunTimes.Phase.STATEMENTS, RunTimes.Phase.CHECKSUMS, row);
            if (insert == null) {
                insert = versions.prepareInsert(c);
            }
            versions.insert(insert, new Applied(step.id(), step.file().message(), checksum, VersionTable.now(),
                    appliedBy, ms, false));
            if (versions.kind() instanceof SqliteKind) {
                closeInsert(); // sqlite-jdbc leaves it in progress, which a later vacuum refuses
            }
        } else {
            versions.delete(c, step.id());
        }
        times.addWithin(RunTimes.Phase.STATEMENTS, RunTimes.Phase.VERSION_ROWS, row);
    }

    /**
     * The statement that records the step in the version table, to run in the batch with its statements: the row's
     * insert (its checksum computed now, its time and duration the server's; the duration from the row of
     * {@code after}, the step before it in the same transaction, if not {@code null}) or, going down, its delete.
     */
    private String versionRowStatement(Step step, String after) {
        if (!step.upgrade()) {
            return versions.deleteStatement(step.id());
        }
        long since = System.nanoTime();
        String checksum = checksum(step);
        times.addWithin(RunTimes.Phase.STATEMENTS, RunTimes.Phase.CHECKSUMS, since);
        return versions.insertStatement(step.id(), step.file().message(), checksum, appliedBy, after);
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
                throw statementFailure(c, step, i, statements, databaseName, e);
            }
            if (dependents != null) {
                dependents.after(c, statements.get(i));
            }
        }
    }

    /**
     * A batch failed, the driver did not say at which statement, and the connection went with it (the server
     * restarted, or ended the session), so the step cannot run again to find out. Its transaction was never
     * committed: nothing of it is applied.
     */
    static MigrationException connectionLost(Step step, String databaseName, SQLException failure,
                                                     SQLException lost) {
        SQLException said = failure instanceof BatchUpdateException && failure.getNextException() != null
                ? failure.getNextException() : failure;
        MigrationException e = new MigrationException("Migration " + step.label() + " (" + step.file().fileName()
                + ") failed" + (step.upgrade() ? "" : " going down") + ": " + databaseName + " said: "
                + said.getMessage() + "\nThe connection was lost with it (" + lost.getMessage() + "). The migration's "
                + "transaction was never committed, so nothing of it was applied and the version table is unchanged. "
                + "Check that the database is up and " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ".", said);
        e.addSuppressed(lost);
        return e;
    }

    private static MigrationException statementFailure(Connection c, Step step, int index, List<String> statements,
                                                       String databaseName, SQLException e) {
        String reason = databaseName + " said: " + e.getMessage();
        if (LockBlockers.isLockTimeout(e)) {
            return LockTimeoutFailure.of(c, step, index, reason, e);
        }
        if (OutOfSpace.is(e)) {
            reason += "\n  " + OutOfSpace.explained(databaseName);
        }
        return failure(step, index, statements, reason, e);
    }

    /**
     * Starts computing the checksums of the upgrade steps among {@code steps} on a thread of its own, in order, so
     * that writing each migration's canonical JSON overlaps the statements of those before it instead of following
     * them. A checksum that fails to compute fails its step when its version row is written, as before.
     */
    void checksumsAhead(List<Step> steps) {
        List<Step> upgrades = steps.stream().filter(Step::upgrade).toList();
        if (upgrades.size() < 2) {
            return;
        }
        upgrades.forEach(step -> checksums.put(step, new CompletableFuture<>()));
        Thread worker = new Thread(() -> {
            for (Step step : upgrades) {
                if (closed) {
                    return; // the run is over: nobody waits for the rest
                }
                CompletableFuture<String> checksum = checksums.get(step);
                try {
                    checksum.complete(Checksums.of(step.file().migration()));
                } catch (RuntimeException | Error e) {
                    checksum.completeExceptionally(e);
                }
            }
        }, "entity-migrations-checksums");
        worker.setDaemon(true);
        worker.start();
    }

    /** Takes the checksums of the steps {@code plan} hands over from it, where it computes them as it plans. */
    void checksumsFrom(PlanAhead plan) {
        this.ahead = plan;
    }

    /** The step's checksum: computed ahead, or now. */
    private String checksum(Step step) {
        CompletableFuture<String> ahead = this.ahead != null ? this.ahead.checksum(step) : checksums.get(step);
        if (ahead == null) {
            return Checksums.of(step.file().migration());
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops computing checksums ahead and closes the prepared version-row insert, if a step prepared it. */
    @Override
    public void close() throws SQLException {
        closed = true;
        closeInsert();
    }

    private void closeInsert() throws SQLException {
        if (insert != null) {
            insert.close();
            insert = null;
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

    private static void checkIntegrity(Connection c, Step step) throws SQLException {
        for (String check : step.integrityChecks()) {
            checkOne(c, step, check);
        }
    }

    private static void checkOne(Connection c, Step step, String check) throws SQLException {
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
                + "is unchanged. " + (OutOfSpace.is(cause) ? OutOfSpace.whatToDo() : "Fix the migration (or the data) "
                + "and " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + "."), cause);
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
