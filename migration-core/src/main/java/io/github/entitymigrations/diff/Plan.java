package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations collected by phase, then concatenated in the one order every database accepts: renames,
 * dropped foreign keys, dropped tables (which may reference keys dropped next), dropped constraints and
 * indexes, dropped columns and sequences, altered columns and sequences, new sequences, new columns and
 * constraints of existing tables, new tables (which may reference those), new foreign keys.
 */
final class Plan {

    final List<Operation> renames = new ArrayList<>();
    final List<Operation> dropForeignKeys = new ArrayList<>();
    final List<Operation> dropConstraints = new ArrayList<>();
    final List<Operation> dropColumns = new ArrayList<>();
    final List<Operation> dropTables = new ArrayList<>();
    final List<Operation> dropSequences = new ArrayList<>();
    final List<Operation> alters = new ArrayList<>();
    final List<Operation> createSequences = new ArrayList<>();
    final List<Operation> createTables = new ArrayList<>();
    final List<Operation> addColumns = new ArrayList<>();
    final List<Operation> addConstraints = new ArrayList<>();
    final List<Operation> addForeignKeys = new ArrayList<>();

    List<Operation> ordered() {
        List<Operation> all = new ArrayList<>();
        for (List<Operation> phase : List.of(renames, dropForeignKeys, dropTables, dropConstraints, dropColumns,
                dropSequences, alters, createSequences, addColumns, addConstraints, createTables, addForeignKeys)) {
            all.addAll(phase);
        }
        return all;
    }
}
