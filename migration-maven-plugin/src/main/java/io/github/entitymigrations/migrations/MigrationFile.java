package io.github.entitymigrations.migrations;

import java.nio.file.Path;

/** A migration and the file it was read from. */
public record MigrationFile(Path path, Migration migration) {

    public String fileName() {
        return path.getFileName().toString();
    }

    public String id() {
        return migration.id();
    }

    @Override
    public String toString() {
        return fileName();
    }
}
