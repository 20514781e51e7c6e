package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.operations.IrreversibleOperationException;
import io.github.entitymigrations.operations.Operation;
import java.util.List;

/**
 * A migration's explicit {@code "downgrade"} list must be the exact reverse of its {@code "upgrade"} list: a step
 * added to one by hand and not to the other (a {@code sql} backfill added to a generated file's upgrade) would
 * otherwise be skipped silently when going back, since the explicit list is what a downgrade runs. So a file either
 * leaves {@code "downgrade"} empty (it is then derived from {@code "upgrade"}, each step reversed, last first) or
 * gives exactly that list, as {@code generate} writes it. The one exception: an upgrade with an irreversible step has
 * no reverse to compare with; such a migration cannot be downgraded at all (planning refuses it, naming the step),
 * so its downgrade list is not compared. Steps are compared as their JSON, so the file's formatting does not matter.
 */
final class DowngradeList {

    private DowngradeList() {
    }

    /** The problem with {@code f}'s downgrade list, naming the first step without its counterpart; or none. */
    static List<String> problems(MigrationFile f) {
        Migration m = f.migration();
        if (m.downgrade().isEmpty() || m.upgrade().isEmpty()) {
            return List.of();
        }
        List<Operation> expected;
        try {
            expected = Diff.reverse(m.upgrade());
        } catch (IrreversibleOperationException e) {
            return List.of();
        }
        String mismatch = firstMismatch(m.upgrade(), expected, m.downgrade());
        return mismatch == null ? List.of() : List.of(f.fileName() + " (migration " + f.id() + "): the \"downgrade\" "
                + "list is not the reverse of the \"upgrade\" list: " + mismatch + ", so a downgrade would not undo "
                + "what the upgrade did. Delete \"downgrade\" to derive it from \"upgrade\", or make it the exact "
                + "reverse (each upgrade step reversed, last first)");
    }

    /** The first upgrade step whose reverse is not where it belongs, or the first extra downgrade step; or null. */
    private static String firstMismatch(List<Operation> upgrade, List<Operation> expected, List<Operation> given) {
        int n = upgrade.size();
        for (int i = n - 1; i >= 0; i--) { // upgrade step i + 1 is undone by downgrade step n - i
            int at = n - 1 - i;
            // Equal operations are equal JSON: only operations that differ as records are compared as their JSON.
            if (at >= given.size() || !expected.get(at).equals(given.get(at))
                    && !json(expected.get(at)).equals(json(given.get(at)))) {
                return "upgrade step " + (i + 1) + " (" + upgrade.get(i).describe() + ") has no counterpart at "
                        + "downgrade step " + (at + 1);
            }
        }
        if (given.size() > n) {
            return "downgrade step " + (n + 1) + " (" + given.get(n).describe() + ") undoes no upgrade step";
        }
        return null;
    }

    private static JsonNode json(Operation op) {
        return MigrationJson.mapper().valueToTree(op);
    }
}
