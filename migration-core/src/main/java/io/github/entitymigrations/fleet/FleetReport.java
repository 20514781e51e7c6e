package io.github.entitymigrations.fleet;

import io.github.entitymigrations.migrations.MigrationException;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a fleet run, one result per member in the order they were given.
 *
 * @param goal      what ran ({@code upgrade}, {@code downgrade}, {@code stamp}, {@code current})
 * @param labels    how the summary names a changed and an unchanged member ({@code upgraded}, {@code already current})
 * @param results   each member's result
 * @param millis    the wall time of the whole run
 * @param parallel  how many members ran at a time
 * @param failFast  whether new members stopped starting after the first failure
 */
public record FleetReport(String goal, Labels labels, List<TargetResult> results, long millis, int parallel,
                          boolean failFast) {

    /** How the summary names the members that changed and those that did not. */
    public record Labels(String changed, String unchanged) {
    }

    public long count(TargetResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public List<TargetResult> failures() {
        return results.stream().filter(r -> r.status() == TargetResult.Status.FAILED).toList();
    }

    /** {@code 4 upgraded, 1 already current, 1 failed, 0 not started}, with the wall time and parallelism. */
    public String summary() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Fleet %s of %d target(s), %d at a time, in %.1f s: ",
                goal, results.size(), parallel, millis / 1000.0));
        b.append(count(TargetResult.Status.CHANGED)).append(' ').append(labels.changed()).append(", ")
                .append(count(TargetResult.Status.UNCHANGED)).append(' ').append(labels.unchanged()).append(", ")
                .append(count(TargetResult.Status.FAILED)).append(" failed");
        long notStarted = count(TargetResult.Status.NOT_STARTED);
        if (notStarted > 0 || failFast) {
            b.append(", ").append(notStarted).append(" not started (failFast)");
        }
        return b.append('.').toString();
    }

    /** Throws, listing every failed member with its reason, unless none failed. */
    public void requireSuccess() {
        List<TargetResult> failed = failures();
        if (failed.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(summary());
        for (TargetResult r : failed) {
            b.append("\n  - ").append(r.target().name()).append(": ").append(r.detail());
        }
        long notStarted = count(TargetResult.Status.NOT_STARTED);
        if (notStarted > 0) {
            b.append("\n").append(notStarted).append(" target(s) were not started after the first failure (failFast); ")
                    .append("the others ran to the end.");
        } else {
            b.append("\nEvery other target ran to the end; fix the failed ones and run again.");
        }
        throw new MigrationException(b.toString());
    }
}
