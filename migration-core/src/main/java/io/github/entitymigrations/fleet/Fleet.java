package io.github.entitymigrations.fleet;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one goal on every member of a fleet (a schema or database per tenant), at most {@code parallel} at a time,
 * each with its own connection, migration lock and version table. Prints one line per finished member and a
 * summary; a failing member does not stop the others unless the fleet is {@code failFast}, which starts no new
 * member after the first failure (those running finish). The runner itself stays the single-database one: a
 * member's run is exactly what {@code schema} set to that member would do.
 */
public final class Fleet {

    /** The work on one member; returns whether it changed the member, and what it did, for the progress line. */
    @FunctionalInterface
    public interface TargetWork {
        Done run(Database database, Console console);
    }

    /**
     * What a member's run did.
     *
     * @param changed whether it changed the member
     * @param detail  what, for the progress line ({@code base → 0020, 20 migration(s)})
     */
    public record Done(boolean changed, String detail) {
    }

    private final List<FleetTarget> targets;
    private final Console console;
    private int parallel = 1;
    private boolean failFast;

    public Fleet(List<FleetTarget> targets, Console console) {
        this.targets = List.copyOf(targets);
        this.console = console;
    }

    /** How many members run at a time (default 1: one after the other). */
    public Fleet parallel(int parallel) {
        if (parallel < 1) {
            throw new MigrationException("parallel must be at least 1; got " + parallel);
        }
        this.parallel = parallel;
        return this;
    }

    /** Whether the first failure stops new members from starting (default {@code false}: every member runs). */
    public Fleet failFast(boolean failFast) {
        this.failFast = failFast;
        return this;
    }

    public List<FleetTarget> targets() {
        return targets;
    }

    /**
     * Runs {@code work} on every member and returns each one's result; prints a progress line per finished member
     * and the summary. Never throws for a member's failure: see {@link FleetReport#requireSuccess()}.
     */
    public FleetReport run(String goal, FleetReport.Labels labels, TargetWork work) {
        int threads = Math.min(parallel, Math.max(1, targets.size()));
        console.info("Fleet " + goal + " of " + targets.size() + " target(s), " + threads + " at a time"
                + (failFast ? ", stopping at the first failure" : "") + ".");
        Advice advice = Advice.current(); // the front end's wording, on every worker thread too
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "entity-migrations-fleet-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<TargetResult>> futures = new ArrayList<>();
        try {
            for (FleetTarget target : targets) {
                futures.add(pool.submit(() -> {
                    try (Advice.InUse ignored = advice.use()) {
                        return runOne(target, work, stop, finished);
                    }
                }));
            }
            List<TargetResult> results = new ArrayList<>();
            for (Future<TargetResult> f : futures) {
                results.add(f.get());
            }
            FleetReport report = new FleetReport(goal, labels, results, (System.nanoTime() - start) / 1_000_000,
                    threads, failFast);
            if (report.failures().isEmpty()) {
                console.info(report.summary());
            } else {
                console.warn(report.summary());
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new MigrationException("Interrupted while the fleet " + goal + " ran; members already running finish "
                    + "on their own, no new one starts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fleet member's task failed outside its own error handling", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private TargetResult runOne(FleetTarget target, TargetWork work, AtomicBoolean stop, AtomicInteger finished) {
        if (stop.get()) {
            return new TargetResult(target, TargetResult.Status.NOT_STARTED, "", 0);
        }
        long start = System.nanoTime();
        TargetResult result;
        try {
            Done done = work.run(target.database(), memberConsole(target));
            result = new TargetResult(target, done.changed() ? TargetResult.Status.CHANGED
                    : TargetResult.Status.UNCHANGED, done.detail(), elapsed(start));
        } catch (MigrationException e) {
            result = failed(target, e.getMessage(), start, stop);
        } catch (RuntimeException e) {
            // One member's unexpected error must not stop the fleet: it is that member's failure, reported as such.
            result = failed(target, "unexpected " + target.database().scrub(e.toString()), start, stop);
        }
        String line = String.format(Locale.ROOT, "[%" + width() + "d/%d] %s: %s", finished.incrementAndGet(),
                targets.size(), target.name(), result.status() == TargetResult.Status.FAILED
                        ? "FAILED after " + result.millis() + " ms: " + firstLine(result.detail())
                        : result.detail() + " in " + result.millis() + " ms");
        if (result.status() == TargetResult.Status.FAILED) {
            console.warn(line);
        } else {
            console.info(line);
        }
        return result;
    }

    private TargetResult failed(FleetTarget target, String reason, long start, AtomicBoolean stop) {
        if (failFast) {
            stop.set(true);
        }
        return new TargetResult(target, TargetResult.Status.FAILED, reason, elapsed(start));
    }

    /**
     * A member's own lines would interleave with the others': its progress is its one line; warnings (and debug
     * lines) stay, named.
     */
    private Console memberConsole(FleetTarget target) {
        return new Console() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
                console.warn(target.name() + ": " + line);
            }

            @Override
            public void debug(String line) {
                console.debug(target.name() + ": " + line);
            }
        };
    }

    private int width() {
        return String.valueOf(targets.size()).length();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
