package io.github.entitymigrations.runner;

import java.util.List;
import java.util.Locale;

/**
 * Where one run's time went, by phase, for the debug line an upgrade or downgrade ends with (and the apply
 * benchmark's breakdown). Only the phases' boundaries are timed (a few {@code nanoTime} calls per operation);
 * whatever no phase covers (connecting, the lock, reading the version table, progress lines) is "other".
 */
final class RunTimes {

    /** The phases, in the order a run goes through them. */
    enum Phase {
        /** Parsing the steps of the migrations to run (files are read, and their headers parsed, before the run). */
        PARSE("parse"),
        /** What must be refused before anything runs ({@code MigrationSafety}). */
        CHECKS("checks"),
        /** Replaying the operations on the schema, and deciding how each unit runs. */
        PLAN("plan"),
        /** The dialect turning operations into SQL. */
        RENDER("render"),
        /** The migrations' statements on the database, with their transactions (begin, integrity check, commit). */
        STATEMENTS("statements"),
        /**
         * The checksum of each migration, for its version-table row: computed ahead on a thread of its own while the
         * statements run, so mostly the wait for it.
         */
        CHECKSUMS("checksums"),
        /** Each migration's version-table row. */
        VERSION_ROWS("version rows"),
        /** Waiting for the steps planned on a thread of their own ({@link PlanAhead}) to be ready. */
        PLAN_WAIT("plan wait");

        private final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    /** Prefix of the debug line, which the benchmark harness reads. */
    static final String PREFIX = "Time by phase:";

    private final long started = System.nanoTime();
    private final long[] nanos = new long[Phase.values().length];
    /** What a {@link PlanAhead} did on its own thread, beside this run's phases (so not part of their total). */
    private long[] ahead;

    /** Adds the time since {@code since} (a {@link System#nanoTime()}) to {@code phase}; returns now. */
    long add(Phase phase, long since) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - since;
        return now;
    }

    /**
     * Counts the time since {@code since} as {@code inner}, not as {@code outer}, whose own span (timed as a whole
     * with {@link #add}) includes it; returns now.
     */
    long addWithin(Phase outer, Phase inner, long since) {
        long now = System.nanoTime();
        nanos[inner.ordinal()] += now - since;
        nanos[outer.ordinal()] -= now - since;
        return now;
    }

    /** Records the times of a plan worked out on a thread of its own while this run went on. */
    void addAhead(RunTimes planner) {
        ahead = planner.nanos.clone();
    }

    /**
     * {@code Time by phase: parse 12.3 ms, ..., other 4.5 ms, total 99.9 ms}: the run's own thread, adding up to the
     * total; then, when the plan was worked out beside the run, {@code ; planned ahead: parse 10.0 ms, ...}.
     */
    String summary() {
        long total = System.nanoTime() - started;
        StringBuilder b = new StringBuilder(PREFIX);
        long other = total;
        for (Phase p : Phase.values()) {
            b.append(' ').append(p.label).append(' ').append(ms(nanos[p.ordinal()])).append(',');
            other -= nanos[p.ordinal()];
        }
        b.append(" other ").append(ms(other)).append(", total ").append(ms(total));
        if (ahead != null) {
            b.append("; ").append(AHEAD);
            String sep = " ";
            for (Phase p : List.of(Phase.PARSE, Phase.CHECKS, Phase.PLAN, Phase.RENDER, Phase.CHECKSUMS)) {
                b.append(sep).append(p.label).append(' ').append(ms(ahead[p.ordinal()]));
                sep = ", ";
            }
        }
        return b.toString();
    }

    /** What precedes the phases of a plan worked out beside the run, in {@link #summary}. */
    static final String AHEAD = "planned ahead:";

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
