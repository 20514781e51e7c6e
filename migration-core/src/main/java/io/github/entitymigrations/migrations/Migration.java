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
 * @param lockTimeout how long each statement may wait for a lock on PostgreSQL ({@code "5s"}), or {@code null}
 *                  for the server's setting; ignored by SQLite, whose busy timeout is the runner's lock timeout
 * @param lint      lint findings the author has reviewed and silenced, each with its reason, or {@code null}
 */
@JsonPropertyOrder({"id", "parent", "message", "outsideTransaction", "lockTimeout", "upgrade", "downgrade", "warnings",
        "lint"})
public record Migration(String id, String parent, String message,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> upgrade,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> downgrade,
                        List<Warning> warnings,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean outsideTransaction,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String lockTimeout,
                        @JsonInclude(JsonInclude.Include.NON_NULL) LintSection lint) {

    /** {@code 500ms}, {@code 5s}, {@code 2min}: how long one statement may wait for a table lock. */
    private static final java.util.regex.Pattern LOCK_TIMEOUT = java.util.regex.Pattern.compile("[1-9][0-9]{0,8}(ms|s|min)");

    public Migration {
        upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
        downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if (lockTimeout != null && !LOCK_TIMEOUT.matcher(lockTimeout).matches()) {
            throw new IllegalArgumentException("\"lockTimeout\" is \"" + lockTimeout + "\"; give a whole number of "
                    + "milliseconds, seconds or minutes: \"500ms\", \"5s\", \"2min\"");
        }
        if (lint != null && lint.ignore().isEmpty()) {
            lint = null;
        }
        if (lint != null) {
            for (LintSection.Ignore i : lint.ignore()) {
                if (i.step() != null && i.step() > upgrade.size()) {
                    throw new IllegalArgumentException("\"lint\" ignores rule " + i.rule() + " at step " + i.step()
                            + ", but \"upgrade\" has " + upgrade.size() + (upgrade.size() == 1 ? " step" : " steps")
                            + "; steps count from 1, as generate prints them");
                }
            }
        }
    }

    /** A migration that runs in a transaction, with no lock timeout of its own and no lint findings silenced. */
    public Migration(String id, String parent, String message, List<Operation> upgrade, List<Operation> downgrade,
                     List<Warning> warnings, boolean outsideTransaction) {
        this(id, parent, message, upgrade, downgrade, warnings, outsideTransaction, null, null);
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
        return new Migration(newId, newParent, message, upgrade, downgrade, warnings, outsideTransaction, lockTimeout,
                lint);
    }

    /** The same migration without its lint section: what its checksum covers (silencing a finding runs nothing new). */
    public Migration withoutLint() {
        return lint == null ? this : new Migration(id, parent, message, upgrade, downgrade, warnings,
                outsideTransaction, lockTimeout, null);
    }
}
