package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.operations.Sql;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An upgrade's {@link Planner plan}, worked out on a thread of its own while the run goes on: each step is handed
 * over as soon as it is planned (its checksum computed right after it), so a database with transactional DDL can
 * start on the first migrations while the later ones are still being checked. The plan is the same, in the same
 * order, with the same errors, as {@link Planner#upgrade}'s; the runner commits nothing before {@link #done} (see
 * {@link Migrator}), so a migration that cannot run still stops the run before anything of it is applied.
 */
final class PlanAhead implements AutoCloseable {

    /** Thrown inside the planning thread to stop it once nobody waits for the plan. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /**
     * For tests: called on the planning thread before it plans step {@code step} (once its file is parsed), so
     * a test can hold the plan back at a point of its choosing ({@link #waitingFor}); {@code null} in a real run.
     */
    interface Pause {
        void before(PlanAhead plan, int step) throws InterruptedException;
    }

    static volatile Pause pause;

    private final int count;
    /** The step the run waits for ({@link Integer#MAX_VALUE}: the whole plan), or -1. */
    private int waitingFor = -1;
    private final List<Step> steps = new ArrayList<>();
    private final Map<Step, CompletableFuture<String>> checksums = new IdentityHashMap<>();
    /** The planning thread's own clock, added to the run's when the plan is complete. */
    private final RunTimes times = new RunTimes();
    private boolean finished;
    private Throwable failure;
    private volatile boolean closed;
    private final Thread thread;

    private PlanAhead(int count, Runnable work) {
        this.count = count;
        this.thread = new Thread(work, "entity-migrations-plan");
        this.thread.setDaemon(true);
    }

    /**
     * Starts planning the steps from position {@code from} up to {@code to}, as {@link Planner#upgrade} does for a
     * database with transactional DDL (the only kind whose migrations can share a transaction).
     */
    static PlanAhead upgrade(MigrationChain chain, Dialect dialect, int from, int to) {
        PlanAhead[] self = new PlanAhead[1];
        PlanAhead ahead = new PlanAhead(to - from, () -> self[0].plan(chain, dialect, from, to));
        self[0] = ahead;
        ahead.thread.start();
        return ahead;
    }

    private void plan(MigrationChain chain, Dialect dialect, int from, int to) {
        try {
            if (!Planner.upgradeEach(chain, dialect, from, to, times, this::pause, this::planned)) {
                // A file that cannot be parsed, checked or planned: the ordered planner reports what it always
                // did (a later file's problem may come first there). Nothing of this run is committed yet.
                int handed;
                synchronized (this) {
                    handed = steps.size();
                }
                Planner.upgrade(chain, dialect, from, to, true, new RunTimes());
                throw new IllegalStateException("Planning migration " + (from + handed + 1) + " failed, but the "
                        + "same plan made in order did not");
            }
            synchronized (this) {
                finished = true;
                notifyAll();
            }
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    /**
     * Whether the step may share one transaction with others: its migration is not marked
     * {@code outsideTransaction}, has no {@code lockTimeout} (a setting its transaction ends) and no {@code sql} step
     * (whose {@code set local}, say, would reach the migrations after it).
     */
    static boolean holdable(Step step) {
        var m = step.file().migration();
        return !m.outsideTransaction() && m.lockTimeout() == null && m.upgrade().stream().noneMatch(op -> op instanceof Sql);
    }

    private void pause(int step) {
        Pause p = pause;
        if (p == null) {
            return;
        }
        try {
            p.before(this, step);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused", e);
        }
    }

    private void planned(Step step) {
        if (closed) {
            throw new Cancelled();
        }
        CompletableFuture<String> checksum = new CompletableFuture<>();
        synchronized (this) {
            checksums.put(step, checksum);
            steps.add(step);
            notifyAll();
        }
        long since = System.nanoTime();
        try {
            checksum.complete(Checksums.of(step.file().migration()));
        } catch (RuntimeException | Error e) {
            checksum.completeExceptionally(e); // fails its step when its version row is written, as before
        }
        times.addWithin(RunTimes.Phase.PLAN, RunTimes.Phase.CHECKSUMS, since);
    }

    /** How many steps the plan has. */
    int count() {
        return count;
    }

    /** Step {@code i}, waiting for it to be planned; throws what planning threw, if it failed before step {@code i}. */
    synchronized Step take(int i) {
        while (steps.size() <= i) {
            rethrowIfFailed();
            await(i);
        }
        return steps.get(i);
    }

    /** Whether every step is planned; throws what planning threw, if it failed. */
    synchronized boolean done() {
        rethrowIfFailed();
        return finished;
    }

    /** Every step, waiting for the plan to be complete; throws what planning threw, if it failed. */
    synchronized List<Step> all() {
        while (!finished) {
            rethrowIfFailed();
            await(Integer.MAX_VALUE);
        }
        return List.copyOf(steps);
    }

    /** The step's checksum being computed, or {@code null} for a step not of this plan. */
    synchronized CompletableFuture<String> checksum(Step step) {
        return checksums.get(step);
    }

    /** Adds the planning thread's time to {@code run}'s, as planned ahead; call once the plan is complete. */
    void addTimesTo(RunTimes run) {
        all();
        run.addAhead(times);
    }

    private void rethrowIfFailed() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Waits for the planning thread, telling {@link #waitingFor} which step the run needs. */
    private void await(int step) {
        waitingFor = step;
        notifyAll();
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the plan", e);
        } finally {
            waitingFor = -1;
        }
    }

    /**
     * For tests ({@link Pause}): waits until the run waits for step {@code step} or a later one (the whole plan
     * counts as the last), or the deadline passes; whether it came to that.
     */
    synchronized boolean awaitRunWaitingFor(int step, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (waitingFor < step) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Stops planning if it is still going: nobody waits for the rest. */
    @Override
    public void close() {
        closed = true;
    }
}
