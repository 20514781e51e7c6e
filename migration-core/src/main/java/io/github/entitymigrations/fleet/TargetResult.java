package io.github.entitymigrations.fleet;

/**
 * How one member of a fleet ended.
 *
 * @param target the member
 * @param status what happened
 * @param detail what it did ({@code base → 0020, 20 migration(s)}), the failure's reason, or empty
 * @param millis how long its run took ({@code 0} when it was not started)
 */
public record TargetResult(FleetTarget target, Status status, String detail, long millis) {

    /** What happened to one member. */
    public enum Status {
        /** The run changed it (upgraded, downgraded, stamped). */
        CHANGED,
        /** It was already where the run would take it (or the goal only reads). */
        UNCHANGED,
        /** Its run failed; {@code detail} says why. */
        FAILED,
        /** Not started: an earlier member failed and the fleet runs fail-fast. */
        NOT_STARTED
    }
}
