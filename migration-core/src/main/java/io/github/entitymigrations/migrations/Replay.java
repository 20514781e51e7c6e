package io.github.entitymigrations.migrations;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.List;

/**
 * The schema a history produces, computed by replaying every migration's upgrade from an empty schema.
 * Nothing stored is trusted instead: the files are the truth.
 */
public final class Replay {

    private Replay() {
    }

    public static Schema of(List<MigrationFile> migrations) {
        SchemaState state = SchemaState.empty();
        for (MigrationFile file : migrations) {
            List<Operation> ops = file.migration().upgrade();
            for (int i = 0; i < ops.size(); i++) {
                try {
                    ops.get(i).applyTo(state);
                } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
                    throw new MigrationException("Migration " + file.id() + " (" + file.fileName() + "), step "
                            + (i + 1) + " (" + ops.get(i).describe() + ") does not fit the schema the migrations "
                            + "before it produce: " + e.getMessage() + ". Fix that step, or if it is a sql step "
                            + "declare what it changes in \"schemaChanges\"");
                }
            }
        }
        return state.toSchema();
    }
}
