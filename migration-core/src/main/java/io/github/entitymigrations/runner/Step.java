package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationFile;
import java.util.List;

/**
 * One migration to run in one direction, with the SQL it takes on this database.
 *
 * @param file       the migration
 * @param upgrade    {@code true} to apply it, {@code false} to revert it
 * @param statements the statements, in order
 */
public record Step(MigrationFile file, boolean upgrade, List<String> statements) {

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
