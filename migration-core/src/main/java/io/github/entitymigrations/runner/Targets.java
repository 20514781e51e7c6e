package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import java.util.List;

/**
 * Resolves a target to a position in the history: the number of migrations applied once it is reached
 * (0 is {@code base}, the count of migrations is {@code head}). Every target is checked before
 * anything runs.
 */
final class Targets {

    private Targets() {
    }

    /** {@code head} (default), {@code +N}, or a migration id at or after the current one. */
    static int upgrade(MigrationChain chain, int current, String target) {
        int size = chain.migrations().size();
        if (target == null || target.isBlank() || target.equals("head")) {
            return size;
        }
        if (target.startsWith("+")) {
            int steps = count(target, "upgrade");
            if (current + steps > size) {
                throw new MigrationException("Cannot upgrade " + target + ": only " + (size - current)
                        + " migration(s) are pending (the database is at " + label(chain, current) + ")");
            }
            return current + steps;
        }
        if (target.startsWith("-") || target.equals("base")) {
            throw new MigrationException("Not an upgrade target: " + target + ". To go back, use "
                    + command(Advice.Goal.DOWNGRADE, target));
        }
        int position = positionOf(chain, target, "upgrade");
        if (position < current) {
            throw new MigrationException("Cannot upgrade to " + target + ": the database is already past it, at "
                    + label(chain, current) + ". To go back, use " + command(Advice.Goal.DOWNGRADE, target));
        }
        return position;
    }

    /** {@code -N} (default {@code -1}), {@code base}, or a migration id at or before the current one. */
    static int downgrade(MigrationChain chain, int current, String target) {
        if (target == null || target.isBlank()) {
            target = "-1";
        }
        if (target.equals("base")) {
            return 0;
        }
        if (target.startsWith("-")) {
            int steps = count(target, "downgrade");
            if (current - steps < 0) {
                throw new MigrationException("Cannot downgrade " + target + ": only " + current
                        + " migration(s) are applied");
            }
            return current - steps;
        }
        if (target.startsWith("+") || target.equals("head")) {
            throw new MigrationException("Not a downgrade target: " + target + ". To go forward, use "
                    + command(Advice.Goal.UPGRADE, target));
        }
        int position = positionOf(chain, target, "downgrade");
        if (position > current) {
            throw new MigrationException("Cannot downgrade to " + target + ": the database is at "
                    + label(chain, current) + ", before it. To go forward, use "
                    + command(Advice.Goal.UPGRADE, target));
        }
        return position;
    }

    /**
     * Whether {@code target} counts from the current position: {@code +N} for {@code sign} "+", {@code -N}
     * (and the default, {@code -1}) for "-".
     */
    static boolean isRelative(String target, String sign) {
        return target == null || target.isBlank() ? sign.equals("-") : target.strip().startsWith(sign);
    }

    /** {@code head}, {@code base} or a migration id. */
    static int stamp(MigrationChain chain, String target) {
        if (target == null || target.isBlank()) {
            throw new MigrationException("Say which migration to record as current: " + stampTo("head") + ", "
                    + stampTo("base") + " or " + stampTo("<id>"));
        }
        if (target.equals("head")) {
            return chain.migrations().size();
        }
        if (target.equals("base")) {
            return 0;
        }
        return positionOf(chain, target, "stamp");
    }

    static String label(MigrationChain chain, int position) {
        return position == 0 ? "base" : chain.migrations().get(position - 1).id();
    }

    private static int count(String target, String goal) {
        try {
            int n = Integer.parseInt(target.substring(1));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MigrationException("Not a " + goal + " target: " + target + " (use " + (goal.equals("upgrade")
                    ? "head, +N or a migration id" : "-N, base or a migration id") + ")");
        }
    }

    private static int positionOf(MigrationChain chain, String target, String goal) {
        List<MigrationFile> migrations = chain.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).id().equals(target)) {
                return i + 1;
            }
        }
        if (target.matches("\\d{1,3}")) {
            // "1" is not 0001: in Alembic-style commands it often means one step, so refuse the guess.
            String steps = goal.equals("upgrade") ? "+" + target : goal.equals("downgrade") ? "-" + target : null;
            throw new MigrationException("Not a migration id: " + target + ". Ids are written in full, as in the "
                    + "file names (" + String.format("%04d", Integer.parseInt(target)) + ")"
                    + (steps == null ? "" : "; to " + goal + " by " + target + " migration(s), use "
                    + Advice.current().parameter(steps.startsWith("+") ? Advice.Goal.UPGRADE : Advice.Goal.DOWNGRADE,
                    Advice.target(steps))));
        }
        throw new MigrationException("There is no migration " + target + " to " + goal + " to. The migrations are "
                + (migrations.isEmpty() ? "none" : migrations.get(0).id() + " to " + chain.head().id())
                + (goal.equals("upgrade") ? "; other targets: head, +N" : goal.equals("downgrade")
                ? "; other targets: -N, base" : "; other targets: head, base"));
    }

    /** The advice to run {@code goal} to {@code target}. */
    private static String command(Advice.Goal goal, String target) {
        return Advice.current().command(goal, Advice.target(target));
    }

    private static String stampTo(String target) {
        return Advice.current().parameter(Advice.Goal.STAMP, Advice.target(target));
    }
}
