package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.Operation;
import java.util.List;

/**
 * One numbered migration, as stored in {@code NNNN_<slug>.json}.
 *
 * @param id        the number, as in the file name ({@code 0003})
 * @param parent    the migration it follows, or {@code null} for the first one
 * @param message   what it does, in the author's words
 * @param upgrade   operations that apply it
 * @param downgrade operations that revert it (generated as the exact reverse of {@code upgrade})
 * @param warnings  destructive or data-dependent steps a reviewer must look at
 * @param outsideTransaction run without a transaction, for statements a database refuses inside one
 *                  ({@code CREATE INDEX CONCURRENTLY}); a failure then leaves the steps before it applied
 */
@JsonPropertyOrder({"id", "parent", "message", "outsideTransaction", "upgrade", "downgrade", "warnings"})
public record Migration(String id, String parent, String message,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> upgrade,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> downgrade,
                        List<Warning> warnings,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean outsideTransaction) {

    public Migration {
        upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
        downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A migration that runs in a transaction, as almost all do. */
    public Migration(String id, String parent, String message, List<Operation> upgrade, List<Operation> downgrade,
                     List<Warning> warnings) {
        this(id, parent, message, upgrade, downgrade, warnings, false);
    }

    /**
     * The operations that revert it: its {@code downgrade}; when a hand-filled migration leaves that empty, the
     * exact reverse of its {@code upgrade} (each {@code sql} step then runs its own {@code downgrade} statements).
     *
     * @throws io.github.entitymigrations.operations.IrreversibleOperationException when that reverse passes a
     *                                                                               step with no way back
     */
    public List<Operation> revert() {
        return downgrade.isEmpty() && !upgrade.isEmpty() ? Diff.reverse(upgrade) : downgrade;
    }

    /** The same migration under another number and parent (renumbering after a merge). */
    public Migration renumbered(String newId, String newParent) {
        return new Migration(newId, newParent, message, upgrade, downgrade, warnings, outsideTransaction);
    }
}
