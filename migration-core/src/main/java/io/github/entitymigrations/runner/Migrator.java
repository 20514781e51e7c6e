package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.introspect.DriftReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies and reverts migrations on a database: the only class here that runs SQL against it. One run
 * holds the database's migration lock, checks the applied history against the files, plans every
 * statement, then runs migration by migration, each in its own transaction with its version row. Where DDL is
 * transactional, an upgrade's plan is worked out beside its first migrations, which share one transaction until
 * the plan is complete ({@link #runAhead}): nothing is committed before every statement is known good.
 */
public final class Migrator {

    /**
     * The fewest migrations an upgrade runs for the first ones to go before the plan is complete ({@link #runAhead});
     * fewer are planned first. Lowered by tests that need a short run to share its transaction.
     */
    static volatile int shareFrom = 16;

    private final Database database;
    private final DatabaseKind kind;
    private final MigrationChain chain;
    private final Console console;
    /** The dialect for the URL, then for the server once a connection tells its version. */
    private Dialect dialect;
    private final java.util.concurrent.atomic.AtomicReference<EarlyConnection> early =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final VersionTable versions;
    private final UndoJournal journal;
    private Duration lockTimeout = DatabaseLock.DEFAULT_TIMEOUT;
    private boolean verifyBefore;

    public Migrator(Database database, MigrationChain chain, Console console) {
        this.database = database;
        this.chain = chain;
        this.console = console;
        this.kind = database.kind();
        this.dialect = kind.dialect(database);
        this.versions = new VersionTable(kind, dialect, database.schema());
        this.journal = new UndoJournal(dialect, versions);
    }

    /**
     * A runner whose first operation uses a connection to {@code database} opened ({@link EarlyConnection}) while
     * {@code files} reads the migrations; the operations after it open their own. When reading fails, the connection
     * is given up.
     */
    public static Migrator connectingWhile(Database database, java.util.function.Supplier<MigrationChain> files,
                                           Console console) {
        EarlyConnection early = EarlyConnection.start(database);
        MigrationChain chain;
        try {
            chain = files.get();
        } catch (RuntimeException | Error e) {
            if (early != null) {
                early.discard();
            }
            throw e;
        }
        Migrator migrator = new Migrator(database, chain, console);
        migrator.early.set(early);
        return migrator;
    }

    /** The migrations this runner runs. */
    public MigrationChain chain() {
        return chain;
    }

    /**
     * How long a run waits for another run's lock before it gives up (default 10 minutes); on SQLite also
     * how long a statement waits for another connection's write lock.
     */
    public Migrator lockTimeout(Duration timeout) {
        this.lockTimeout = timeout == null ? DatabaseLock.DEFAULT_TIMEOUT : timeout;
        return this;
    }

    /**
     * Whether {@link #upgrade} first compares the database with the schema its applied migrations produce and
     * refuses, running nothing, when they differ (default {@code false}).
     */
    public Migrator verifyBefore(boolean verify) {
        this.verifyBefore = verify;
        return this;
    }

    /**
     * Compares the live schema with the one its applied migrations produce (read without the lock: it
     * changes nothing). Each difference says which side has what.
     */
    public DriftReport drift() {
        if (notCreatedYet()) {
            return new DriftReport(database.describe(), "base", 0, chain.migrations().size(), List.of());
        }
        return withConnection(c -> {
            int position = versions.exists(c) ? AppliedHistory.verify(chain, versions.read(c), database).position() : 0;
            return new DriftReport(database.describe(), Targets.label(chain, position), position,
                    chain.migrations().size() - position, SchemaDrift.differences(c, chain, position, dialect, versions));
        });
    }

    /**
     * Applies pending migrations up to {@code head} (default), {@code +N} or an id.
     *
     * @return where the database was and is now, and how many migrations ran (none when it was there already)
     */
    public Movement upgrade(String target) {
        Movement[] moved = new Movement[1];
        RunTimes times = new RunTimes();
        withLock(Targets.isRelative(target, "+"), (c, seen) -> {
            boolean fresh = !versions.exists(c);
            if (fresh) {
                refuseUnknownDatabase(c);
            } else {
                recovery().run(c);
            }
            int current = fresh ? 0 : AppliedHistory.verify(chain, versions.read(c), database).position();
            moved[0] = Movement.none(chain, current);
            if (movedMeanwhile(seen, current)) {
                return;
            }
            if (verifyBefore) {
                SchemaDrift.refuse(c, chain, current, dialect, versions, database.describe(), console);
            }
            int to = Targets.upgrade(chain, current, target);
            if (to == current) {
                console.info("Nothing to do: the database is at " + Targets.label(chain, current)
                        + (current == chain.migrations().size() ? " (head)." : "."));
                return;
            }
            String upgrading = "Upgrading from " + Targets.label(chain, current) + " to " + Targets.label(chain, to)
                    + ": " + (to - current) + " migration(s)";
            int ran;
            if (kind.transactionalDdl()) {
                try (PlanAhead ahead = PlanAhead.upgrade(chain, dialect, current, to)) {
                    ran = runAhead(c, ahead, fresh, upgrading, current, to, times);
                    ahead.addTimesTo(times);
                }
            } else {
                List<Step> steps = Planner.upgrade(chain, dialect, current, to, false, times);
                if (fresh) {
                    // Only now that the target and every statement are known good: a refused run creates nothing.
                    versions.create(c);
                }
                console.info(upgrading);
                ran = run(c, steps, to, times, null);
            }
            moved[0] = new Movement(Targets.label(chain, current), Targets.label(chain, to), ran);
            console.debug(times.summary());
        });
        return moved[0];
    }

    /** Reverts to {@code -N} (default {@code -1}), {@code base} or an id; refuses if it would destroy data. */
    public Movement downgrade(String target) {
        return downgrade(target, false);
    }

    /**
     * Reverts to {@code -N} (default {@code -1}), {@code base} or an id.
     *
     * @param allowDataLoss run even when the downgrade destroys data (dropped rows or values, a narrowed
     *                      type), with a warning; else such a downgrade is refused before anything runs
     */
    public Movement downgrade(String target, boolean allowDataLoss) {
        Movement[] moved = new Movement[1];
        RunTimes times = new RunTimes();
        withLock(Targets.isRelative(target, "-"), (c, seen) -> {
            recovery().run(c);
            int current = versions.exists(c) ? AppliedHistory.verify(chain, versions.read(c), database).position() : 0;
            moved[0] = Movement.none(chain, current);
            if (movedMeanwhile(seen, current)) {
                return;
            }
            int to = Targets.downgrade(chain, current, target);
            if (to == current) {
                console.info("Nothing to do: the database is at " + Targets.label(chain, current) + ".");
                return;
            }
            List<Step> steps = Planner.downgrade(chain, dialect, current, to, kind.transactionalDdl(), times);
            DataLossGuard.check(c, dialect, chain, current, steps, "Downgrading from " + Targets.label(chain, current)
                    + " to " + Targets.label(chain, to), allowDataLoss, console);
            console.info("Downgrading from " + Targets.label(chain, current) + " to " + Targets.label(chain, to) + ": "
                    + steps.size() + " migration(s)");
            moved[0] = new Movement(Targets.label(chain, current), Targets.label(chain, to), run(c, steps, to, times, null));
            console.debug(times.summary());
        });
        return moved[0];
    }

    /**
     * Records {@code head}, {@code base} or an id as current without running anything, once the database's
     * schema is found to be the one the migrations up to there produce; refused, listing the differences,
     * when it is not.
     */
    public void stamp(String target) {
        stamp(target, false);
    }

    /**
     * Records {@code head}, {@code base} or an id as current without running anything.
     *
     * @param unverified record it even when the schema differs from the one the migrations up to there
     *                   produce, with a warning listing the differences; else such a stamp is refused
     */
    public void stamp(String target, boolean unverified) {
        int to = Targets.stamp(chain, target);
        // Every file read (and its checksum computed) before the version rows are touched: a file that cannot be
        // read must stop the stamp with the rows as they were, not after they were deleted.
        List<String> checksums = chain.migrations().subList(0, to).stream().map(f -> Checksums.of(f.migration()))
                .toList();
        withLock(false, (c, seen) -> {
            SchemaDrift.verifyStamp(c, chain, to, dialect, versions, database.describe(), console, unverified);
            versions.create(c);
            boolean interrupted = journal.exists(c) && journal.hasRows(c); // rows read by hand need not parse
            c.setAutoCommit(false);
            try {
                versions.deleteAll(c);
                if (interrupted) {
                    journal.clearAll(c); // the schema was just verified: what an interrupted run left is settled
                }
                for (int i = 0; i < to; i++) {
                    var f = chain.migrations().get(i);
                    versions.insert(c, new Applied(f.id(), f.message(), checksums.get(i), VersionTable.now(),
                            appliedBy(c), 0, true));
                }
                c.commit();
                if (interrupted) {
                    journal.dropIfEmpty(c);
                    console.warn("An earlier run had been interrupted part-way through a migration; the stamp "
                            + "settles that: the list of its steps to undo (" + UndoJournal.NAME + ") was cleared.");
                }
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException secondary) {
                    e.addSuppressed(secondary); // the rollback's failure must not hide why it was needed
                }
                throw e;
            }
            c.setAutoCommit(true);
            console.info("Stamped " + database.describe() + " at " + Targets.label(chain, to)
                    + " without running anything" + (to == 0 ? "." : ": " + to + " migration(s) recorded as applied."));
        });
    }

    /** The current migration id, or {@code base}. */
    public String current() {
        if (notCreatedYet()) {
            return "base";
        }
        return withConnection(c -> {
            if (!versions.exists(c)) {
                return "base";
            }
            AppliedHistory history = AppliedHistory.read(chain, versions.read(c));
            history.problems().forEach(console::warn);
            return history.current();
        });
    }

    /** Every migration, oldest first, each applied (with when) or pending; then anything unexpected. */
    public List<String> history() {
        if (notCreatedYet()) {
            return AppliedHistory.read(chain, List.of()).lines();
        }
        return withConnection(c -> {
            AppliedHistory history = AppliedHistory.read(chain, versions.exists(c) ? versions.read(c) : List.of());
            return history.lines();
        });
    }

    /** The version rows and what does not match the files, read without the lock and without changing anything. */
    public DatabaseStatus status() {
        if (notCreatedYet()) {
            return new DatabaseStatus(List.of(), List.of(), 0);
        }
        return withConnection(c -> {
            List<Applied> rows = versions.exists(c) ? versions.read(c) : List.of();
            AppliedHistory history = AppliedHistory.read(chain, rows);
            return new DatabaseStatus(rows, history.problems(), history.position());
        });
    }

    /** An SQLite file that does not exist yet: reading its status must not create it. */
    private boolean notCreatedYet() {
        return kind.notCreatedYet(database);
    }

    private Recovery recovery() {
        return new Recovery(dialect, versions, journal, chain, console, database.describe());
    }

    /**
     * Runs the steps as {@code ahead} plans them; returns how many this run did. In a run of at least
     * {@link #shareFrom} migrations, those that come before the whole plan is known good, up to the first that may
     * not share a transaction ({@link PlanAhead#holdable}), run in one transaction, committed only once it is: a
     * migration that cannot run still leaves nothing applied, as when everything was planned first, and the first
     * migrations do not wait for the last to be planned. Should one of them fail, they are all rolled back and, if the
     * plan is good, run again one transaction each, so the failure is reported, and what went before it stays, as
     * always. The rest run one transaction each.
     */
    private int runAhead(Connection c, PlanAhead ahead, boolean fresh, String upgrading, int from, int to,
                         RunTimes times) throws SQLException {
        // The first step before any transaction, so a plan that fails there leaves nothing open. A short run waits
        // for its whole plan (milliseconds), so it never shares a transaction.
        Step first = ahead.count() < shareFrom ? null : waitFor(times, () -> ahead.take(0));
        if (first != null && PlanAhead.holdable(first)) {
            if (!ahead.done()) { // a plan complete by now (most are: they are short) runs as if planned first
                int ran = runHeld(c, ahead, fresh, upgrading, from, to, times);
                if (ran != ROLLED_BACK) {
                    return ran;
                }
            }
        }
        // Planned first, or held steps rolled back with the plan good: one transaction each, as always.
        List<Step> steps = waitFor(times, ahead::all);
        if (fresh) {
            versions.create(c);
        }
        console.info(upgrading);
        return run(c, steps, to, times, ahead);
    }

    /** What {@link #runHeld} returns when the held steps were rolled back, for the caller to run them again. */
    private static final int ROLLED_BACK = -1;

    /**
     * Runs the steps planned while the plan is completed in one transaction, committed once it is, then the rest one
     * transaction each; returns how many it ran, or {@link #ROLLED_BACK} when one of the held steps failed, the plan
     * being good: they were all rolled back, to run again one transaction each.
     */
    private int runHeld(Connection c, PlanAhead ahead, boolean fresh, String upgrading, int from, int to,
                        RunTimes times) throws SQLException {
        try (StepExecutor executor = executor(c, times)) {
            executor.checksumsFrom(ahead);
            String name = c.getMetaData().getDatabaseProductName();
            List<String> lines = new ArrayList<>(List.of(upgrading));
            Progress held = new Progress();
            Throwable failure = null;
            try {
                executor.hold(c);
                if (fresh) {
                    versions.create(c);
                }
                while (held.next < ahead.count() && !ahead.done()) {
                    Step step = waitFor(times, () -> ahead.take(held.next));
                    if (!PlanAhead.holdable(step)) {
                        break; // it runs in a transaction of its own, after those before it are committed
                    }
                    lines.add(applying(step));
                    held.count(step, executor.runHeld(c, step, name), lines::add);
                }
                waitFor(times, ahead::all); // a plan that fails leaves nothing of the held steps
            } catch (SQLException | RuntimeException | Error e) {
                failure = e;
            }
            boolean committing = failure == null;
            try {
                executor.release(c, committing, failure);
            } catch (SQLException e) {
                failure = e; // the commit, say: nothing of the held steps is applied
            }
            if (failure != null) {
                if (failure instanceof Error e) {
                    throw e;
                }
                List<Step> plan = waitFor(times, ahead::all); // a migration that cannot run: nothing was run
                if (c.isClosed() || !c.isValid(5)) {
                    throw heldAndLost(failure, plan, committing ? -1 : held.next, name, from);
                }
                // The plan is good, so the failure is a migration's: they run again one transaction each, to report
                // it as always, with what went before it applied.
                return ROLLED_BACK;
            }
            lines.forEach(console::info);
            console.debug(held.next + " migration(s) ran in one transaction while the plan was completed");
            return runFrom(c, waitFor(times, ahead::all), held, to, executor);
        }
    }

    /**
     * A migration run before the plan was complete failed ({@code failed}: its index; -1: their commit), and the
     * connection went with it (the server restarted, or ended the session), so they cannot run again to report it
     * as always: its failure, and that those run with it in the same transaction were rolled back with it.
     */
    private MigrationException heldAndLost(Throwable failure, List<Step> plan, int failed, String name, int from) {
        if (failed < 0) {
            return new MigrationException("The commit of the migrations run while the plan was completed failed on "
                    + database.describe() + ": " + failure.getMessage() + "\nThe connection was lost with it, so "
                    + "nothing of them was applied (they shared that transaction): " + database.describe()
                    + " is still at " + Targets.label(chain, from) + ". Check that the database is up and "
                    + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ".", failure);
        }
        Step step = plan.get(failed);
        String with = failed == 0 ? "" : " " + String.join(", ", plan.subList(0, failed).stream().map(Step::id).toList())
                + (failed == 1 ? " was" : " were") + " run in the same transaction and rolled back with it, so";
        String note = "\nIt ran in one transaction with the migrations before it, uncommitted until the run had "
                + "checked every migration:" + with + " " + database.describe() + " is still at "
                + Targets.label(chain, from) + ".";
        if (failure instanceof MigrationException e) {
            return new MigrationException(e.getMessage() + note, e.getCause() != null ? e.getCause() : e);
        }
        SQLException cause = failure.getCause() instanceof SQLException e ? e
                : failure instanceof SQLException e ? e : new SQLException(failure.getMessage(), failure);
        SQLException lost = new SQLException("the connection is closed");
        MigrationException e = StepExecutor.connectionLost(step, name, cause, lost);
        return new MigrationException(e.getMessage() + note, cause);
    }

    /** What the main thread waits for from the plan worked out beside it, counted as such. */
    private static <T> T waitFor(RunTimes times, java.util.function.Supplier<T> plan) {
        long since = System.nanoTime();
        try {
            return plan.get();
        } finally {
            times.add(RunTimes.Phase.PLAN_WAIT, since);
        }
    }

    /** Where a run is in its steps: the next to run, how many it did, and their time. */
    private static final class Progress {
        int next;
        int done;
        long total;

        /** Counts the step that ran in {@code ms} (-1: another run had done it), telling {@code out}. */
        void count(Step step, long ms, java.util.function.Consumer<String> out) {
            next++;
            if (ms < 0) {
                out.accept("  already " + (step.upgrade() ? "applied" : "reverted") + " by another run; skipped");
                return;
            }
            total += ms;
            done++;
            out.accept("  " + (step.upgrade() ? "applied" : "reverted") + " in " + ms + " ms");
        }
    }

    private static String applying(Step step) {
        return (step.upgrade() ? "Applying " : "Reverting ") + step.label() + " (" + step.statements().size()
                + " statement(s)" + (step.outsideTransaction() ? ", outside a transaction" : step.atomic() ? ""
                : ", step by step") + ")";
    }

    private StepExecutor executor(Connection c, RunTimes times) throws SQLException {
        // This run holds the lock, so no other run can have applied a step since the history was read. SQLite
        // re-checks inside each step's transaction all the same: it costs nothing, and a tool that does not
        // know the lock file may write to the database too.
        return new StepExecutor(dialect, versions, journal, appliedBy(c), !kind.lockKeepsOtherWritersOut(), times);
    }

    /**
     * Runs the steps; returns how many this run did (a step another run did meanwhile is not counted). Their
     * checksums come from {@code ahead} when it planned them, else are computed beside the statements.
     */
    private int run(Connection c, List<Step> steps, int to, RunTimes times, PlanAhead ahead) throws SQLException {
        try (StepExecutor executor = executor(c, times)) {
            if (ahead != null) {
                executor.checksumsFrom(ahead);
            } else {
                executor.checksumsAhead(steps);
            }
            return runFrom(c, steps, new Progress(), to, executor);
        }
    }

    /**
     * Runs the steps from {@code progress.next} on, one transaction each, with the undo journal there while any of
     * them runs step by step (and a warning for each step whose failure would leave part of it applied).
     */
    private int runFrom(Connection c, List<Step> steps, Progress progress, int to, StepExecutor executor)
            throws SQLException {
        List<Step> rest = steps.subList(progress.next, steps.size());
        UnitPlan.warn(rest, kind, console);
        boolean stepByStep = rest.stream().anyMatch(s -> !s.atomic());
        if (stepByStep) {
            journal.create(c);
        }
        Throwable failure = null;
        try {
            return runSteps(c, steps, progress, to, executor, console);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            // The journal goes once no row is left, so it is there only while a step-by-step migration runs (or was
            // cut). The commits made early are on disk before the run reports its end (StepExecutor#settle).
            if (stepByStep) {
                alongside(failure, () -> journal.dropIfEmpty(c));
            }
            alongside(failure, () -> executor.settle(c));
        }
    }

    /** What runs after a run's steps, whatever became of them. */
    private interface Afterwards {
        void run() throws SQLException;
    }

    /** Runs {@code work}; after a failure, a failure of its own (the connection lost with it, say) is kept with it. */
    private static void alongside(Throwable failure, Afterwards work) throws SQLException {
        try {
            work.run();
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Runs the steps from {@code progress.next} on, one transaction each, adding to {@code progress}. */
    private int runSteps(Connection c, List<Step> steps, Progress progress, int to, StepExecutor executor,
                         Console out) throws SQLException {
        String name = c.getMetaData().getDatabaseProductName();
        while (progress.next < steps.size()) {
            Step step = steps.get(progress.next);
            out.info(applying(step));
            long ms;
            try {
                ms = executor.run(c, step, name, progress.next + 1 < steps.size());
            } catch (SQLException e) {
                if (kind.isBusy(e)) {
                    throw PartialRun.failed(new MigrationException(Sessions.sqliteLocked(database, lockTimeout, step), e),
                            chain, steps, progress.next, database.describe());
                }
                throw e;
            } catch (MigrationException e) {
                throw PartialRun.failed(e, chain, steps, progress.next, database.describe());
            }
            progress.count(step, ms, out::info);
        }
        out.info((steps.get(0).upgrade() ? "Applied " : "Reverted ") + progress.done + " migration(s) in "
                + progress.total + " ms; " + database.describe() + " is now at " + Targets.label(chain, to)
                + (to == chain.migrations().size() ? " (head)" : "") + ".");
        if (executor.earlyCommitted() > 0) {
            out.debug(executor.earlyCommitted() + " migration(s) committed without waiting for the disk; the last "
                    + "commit waited for them all");
        }
        return progress.done;
    }

    private void refuseUnknownDatabase(Connection c) throws SQLException {
        List<String> tables = versions.otherTables(c);
        if (!tables.isEmpty()) {
            throw new MigrationException(database.describe() + " already has tables (" + String.join(", ",
                    tables.subList(0, Math.min(tables.size(), 8))) + (tables.size() > 8 ? ", ..." : "") + ") but no "
                    + VersionTable.NAME + " table, so these migrations did not create it. If its schema is what "
                    + "migration X produces, record that with "
                    + Advice.current().command(Advice.Goal.STAMP, Advice.target("X"))
                    + " (or " + Advice.current().parameter(Advice.Goal.STAMP, Advice.target("head")) + "), "
                    + "then upgrade from there. Nothing was run");
        }
    }

    /**
     * The database user, as the server knows it. MySQL Connector/J reports {@code user@host} ({@code USER()}), MariaDB
     * Connector/J the user alone: the host goes, so both drivers record the same name.
     */
    private String appliedBy(Connection c) throws SQLException {
        String user = c.getMetaData().getUserName();
        if (user != null && kind instanceof MariaDbKind && user.indexOf('@') > 0) {
            user = user.substring(0, user.lastIndexOf('@'));
        }
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private interface LockedWork {
        /** @param seen the position before the lock was taken, or -1 when not asked for */
        void run(Connection c, int seen) throws SQLException;
    }

    /**
     * Runs {@code work} holding the lock. With {@code peek} (a relative target), first reads the position as
     * this run finds it, so that after waiting it can tell whether another run moved the database meanwhile.
     */
    private void withLock(boolean peek, LockedWork work) {
        withConnection(c -> {
            int seen = !peek ? -1 : versions.exists(c) ? AppliedHistory.read(chain, versions.read(c)).position() : 0;
            try (DatabaseLock lock = DatabaseLock.acquire(c, database, versions, lockTimeout, console)) {
                kind.useSchema(c, database, versions);
                VersionTableForm.upgrade(c, versions, database.describe(), console);
                work.run(c, seen);
            }
            return null;
        });
    }

    /**
     * A relative target counts from where the database was when this run started: if another run moved it
     * while this one waited for the lock, going N further would move it twice as far as anyone asked.
     */
    private static String sentence(String clause) {
        return clause.isEmpty() ? clause : Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    private boolean movedMeanwhile(int seen, int current) {
        if (seen < 0 || seen == current) {
            return false;
        }
        console.info("Nothing to do: another run moved the database from " + Targets.label(chain, seen) + " to "
                + Targets.label(chain, current) + " while this run waited for the lock, and a relative target counts "
                + "from where the database was when the run started. " + sentence(Advice.current().phrase(
                Advice.Phrase.RUN_AGAIN)) + " to go further.");
        return true;
    }

    private Connection connect() {
        EarlyConnection first = early.getAndSet(null);
        Connection c = first == null ? null : first.take();
        return c != null ? c : database.connect();
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = connect()) {
            kind.prepare(c, lockTimeout);
            dialect = kind.dialect(database, c);
            return work.run(c);
        } catch (SQLException e) {
            if (kind.isBusy(e)) {
                throw new MigrationException(Sessions.sqliteLocked(database, lockTimeout, null), e);
            }
            throw new MigrationException("Database error on " + database.describe() + ": " + e.getMessage(), e);
        }
    }
}
