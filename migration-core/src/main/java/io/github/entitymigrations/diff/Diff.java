package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of comparing two schemas: the operations that turn the first into the second, in an order
 * a database accepts, and the warnings a reviewer needs.
 */
public record Diff(List<Operation> upgrade, List<Warning> warnings) {

    public Diff {
        upgrade = List.copyOf(upgrade);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    /** The reversed list of reversed operations: it undoes {@link #upgrade} exactly. */
    public List<Operation> downgrade() {
        return reverse(upgrade);
    }

    public static List<Operation> reverse(List<Operation> operations) {
        List<Operation> result = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            result.add(operations.get(i).reverse());
        }
        return result;
    }
}
