package io.github.entitymigrations.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The migration files of a directory on disk. */
record DirectorySource(Path directory) implements MigrationSource {

    static final String PREFIX = "filesystem:";

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public List<Resource> resources() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationException("No migrations directory " + directory.toAbsolutePath().normalize()
                    + (Files.exists(directory) ? " (it is a file, not a directory)" : " (it does not exist)")
                    + ": create it, or point the location at the directory that holds the migration files");
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> !Files.isDirectory(p))
                    .map(p -> new Resource(p.getFileName().toString(), p.toString(), p, () -> Files.newInputStream(p)))
                    .toList();
        } catch (IOException e) {
            throw new MigrationException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
