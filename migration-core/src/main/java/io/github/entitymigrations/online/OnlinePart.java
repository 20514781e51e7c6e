package io.github.entitymigrations.online;

import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.Operation;
import java.util.List;

/**
 * One migration file of an online change: its upgrade steps, the reviewer's warnings about them, and how it runs.
 *
 * @param suffix             what the file's message adds to the author's ({@code null}, {@code "validate"},
 *                           {@code "indexes"})
 * @param upgrade            its steps; its downgrade is their exact reverse
 * @param warnings           warnings about these steps, numbered as in this file
 * @param outsideTransaction whether it runs outside a transaction (concurrent index builds)
 * @param lockTimeout        how long each statement may wait for a lock, or {@code null}
 */
public record OnlinePart(String suffix, List<Operation> upgrade, List<Warning> warnings, boolean outsideTransaction,
                         String lockTimeout) {

    public OnlinePart {
        upgrade = List.copyOf(upgrade);
        warnings = List.copyOf(warnings);
    }

    /** The file's message: the author's, with the suffix in brackets. */
    public String message(String message) {
        return suffix == null ? message : message + " (" + suffix + ")";
    }
}
