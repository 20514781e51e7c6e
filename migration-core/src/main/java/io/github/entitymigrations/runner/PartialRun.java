package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import java.util.List;

/**
 * Where a run of several migrations stopped when one of them failed: the ones before it are done and stay
 * (each committed in its own transaction), so the database is neither where it was nor at the target.
 */
final class PartialRun {

    private PartialRun() {
    }

    /**
     * The failure of step {@code failed}, saying which steps before it were done and where the database is
     * now; the failure itself when it is the run's first step.
     */
    static MigrationException failed(MigrationException e, MigrationChain chain, List<Step> steps, int failed,
                                     String database) {
        if (failed <= 0) {
            return e;
        }
        Step last = steps.get(failed - 1);
        boolean up = last.upgrade();
        List<String> done = steps.subList(0, failed).stream().map(Step::id).toList();
        int position = positionOf(chain, last.id()) + (up ? 1 : 0);
        String step = steps.get(failed).id();
        return new MigrationException(e.getMessage() + "\n" + String.join(", ", done) + (done.size() == 1 ? " was " :
                " were ") + (up ? "applied" : "reverted") + " before it and stay" + (done.size() == 1 ? "s" : "")
                + ": " + database + " is now at " + Targets.label(chain, position) + "; " + step + "'s "
                + (up ? "upgrade" : "revert") + (steps.get(failed).atomic() ? " failed and was rolled back."
                : " failed (see above for what of it was undone)."), e.getCause());
    }

    private static int positionOf(MigrationChain chain, String id) {
        for (int i = 0; i < chain.migrations().size(); i++) {
            if (chain.migrations().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no migration " + id);
    }
}
