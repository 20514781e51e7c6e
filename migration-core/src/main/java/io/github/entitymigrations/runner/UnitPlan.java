package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import java.util.List;

/**
 * What a run says before it runs anything about the migrations that cannot run in one transaction: which of
 * their steps could not be undone automatically should a later step of the same migration fail.
 */
final class UnitPlan {

    private UnitPlan() {
    }

    static void warn(List<Step> steps, DatabaseKind kind, Console console) {
        for (Step step : steps) {
            if (step.atomic()) {
                continue;
            }
            List<Unit> stuck = step.withoutUndo();
            if (stuck.isEmpty()) {
                continue;
            }
            String why = step.outsideTransaction() ? "it runs outside a transaction"
                    : kind.name() + " commits each DDL statement at once";
            console.warn("Migration " + step.label() + " (" + step.file().fileName() + ") runs step by step (" + why
                    + "), and if one of its steps fails the runner undoes those applied before it, but not "
                    + String.join(", ", stuck.stream().map(u -> u.describe() + ": " + u.noUndo()).toList())
                    + ". Such a failure leaves " + (stuck.size() == 1 ? "it" : "them")
                    + " applied, to finish by hand; give the step a \"downgrade\" for " + kind.name()
                    + " to have it undone.");
        }
    }
}
