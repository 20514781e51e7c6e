package io.github.entitymigrations.fleet;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.runner.Movement;

/**
 * The goals a fleet runs: {@code upgrade}, {@code downgrade}, {@code stamp} and {@code current}, each exactly the
 * single-database goal on every member. ({@code history}, {@code drift}, {@code sql} and {@code lint} print a report
 * per database, which is read one database at a time: the front ends refuse {@code schemas} with them.)
 */
public final class FleetGoals {

    /** The runner of one member, set up as the front end sets up its single-database runner. */
    @FunctionalInterface
    public interface Migrators {
        Migrator of(Database database, Console console);
    }

    private FleetGoals() {
    }

    public static FleetReport upgrade(Fleet fleet, Migrators migrators, String target) {
        return fleet.run("upgrade", new FleetReport.Labels("upgraded", "already current"),
                (db, console) -> moved("upgraded", migrators.of(db, console).upgrade(target)));
    }

    public static FleetReport downgrade(Fleet fleet, Migrators migrators, String target, boolean allowDataLoss) {
        return fleet.run("downgrade", new FleetReport.Labels("downgraded", "with nothing to do"),
                (db, console) -> moved("downgraded", migrators.of(db, console).downgrade(target, allowDataLoss)));
    }

    public static FleetReport stamp(Fleet fleet, Migrators migrators, String target, boolean unverified) {
        return fleet.run("stamp", new FleetReport.Labels("stamped", "unchanged"), (db, console) -> {
            migrators.of(db, console).stamp(target, unverified);
            return new Fleet.Done(true, "stamped at " + target);
        });
    }

    /** Each member's current migration; the summary counts those at the head of {@code chain} and those behind. */
    public static FleetReport current(Fleet fleet, Migrators migrators, MigrationChain chain) {
        String head = chain.migrations().isEmpty() ? "base" : chain.migrations().get(chain.migrations().size() - 1).id();
        return fleet.run("current", new FleetReport.Labels("not at head", "at head (" + head + ")"), (db, console) -> {
            String current = migrators.of(db, console).current();
            return new Fleet.Done(!current.equals(head), "at " + current + (current.equals(head) ? " (head)" : ""));
        });
    }

    private static Fleet.Done moved(String verb, Movement m) {
        return m.moved() ? new Fleet.Done(true, verb + " from " + m.from() + " to " + m.to() + ", "
                + m.migrations() + " migration(s)") : new Fleet.Done(false, "already at " + m.to());
    }
}
