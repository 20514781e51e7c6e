package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One migration to run in one direction, with the SQL it takes on this database, operation by operation.
 *
 * @param file    the migration
 * @param upgrade {@code true} to apply it, {@code false} to revert it
 * @param units   its operations, in order, each with its statements (and, where the run may need them, the
 *                statements that undo it)
 * @param atomic  whether the whole step runs in one transaction with its version row; {@code false} on a
 *                database whose DDL commits by itself (MariaDB, MySQL) when the step has DDL, and for a
 *                migration marked {@code outsideTransaction}: the runner then runs it unit by unit and undoes
 *                the applied units when one fails ({@link UnitRun})
 * @param integrityChecks the queries run in the step's transaction after its statements, on a database that runs
 *                it with foreign keys unenforced: any row one returns rolls the step back; those of the tables
 *                the step could have broken a foreign key in ({@link IntegrityScope}), or the full check
 */
public record Step(MigrationFile file, boolean upgrade, List<Unit> units, boolean atomic, List<String> integrityChecks) {

    public Step {
        units = List.copyOf(units);
        integrityChecks = List.copyOf(integrityChecks);
    }

    /** Every statement, in order. */
    public List<String> statements() {
        if (units.size() == 1) {
            return units.get(0).statements();
        }
        List<String> all = new ArrayList<>();
        units.forEach(u -> all.addAll(u.statements()));
        return Collections.unmodifiableList(all);
    }

    /** The units that could not be undone automatically if a later one failed, in order. */
    public List<Unit> withoutUndo() {
        return units.stream().filter(u -> u.undo() == null).toList();
    }

    public String id() {
        return file.id();
    }

    public boolean outsideTransaction() {
        return file.migration().outsideTransaction();
    }

    public String label() {
        return file.id() + " " + file.message();
    }
}
