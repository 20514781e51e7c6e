package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 */
@JsonPropertyOrder({"id", "parent", "message", "upgrade", "downgrade", "warnings"})
public record Migration(String id, String parent, String message,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> upgrade,
                        @JsonInclude(JsonInclude.Include.ALWAYS) List<Operation> downgrade,
                        List<Warning> warnings) {

    public Migration {
        upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
        downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
