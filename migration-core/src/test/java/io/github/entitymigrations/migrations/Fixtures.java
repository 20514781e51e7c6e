package io.github.entitymigrations.migrations;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Small builders for the tests of this package: columns, tables, snapshots and migration files. */
final class Fixtures {

    static final ColumnType BIGINT = ColumnType.of("BIGINT");
    static final ColumnType INTEGER = ColumnType.of("INTEGER");

    private Fixtures() {
    }

    static ColumnType varchar(int length) {
        return ColumnType.ofLength("VARCHAR", length);
    }

    /** A column with no default, no identity, unquoted. */
    static Column column(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, false, null, null, false, null);
    }

    /** The usual {@code id BIGINT NOT NULL} identity key column. */
    static Column id() {
        return new Column("id", BIGINT, false, true, null, null, false, null);
    }

    /** A table keyed by its first column, with nothing else. */
    static Table table(String name, Column... columns) {
        return new Table(null, name, false, null, List.of(), List.of(columns),
                new PrimaryKey("pk_" + name, List.of(columns[0].name())), List.of(), List.of(), List.of(), List.of());
    }

    static Schema schema(Table... tables) {
        return new Schema(NamingStrategy.JPA, List.of(tables), List.of());
    }

    static Schema schema(List<Table> tables, List<Sequence> sequences) {
        return new Schema(NamingStrategy.JPA, tables, sequences);
    }

    /** A migration whose downgrade is the exact reverse of its upgrade. */
    static Migration migration(String id, String parent, String message, Operation... upgrade) {
        List<Operation> ops = List.of(upgrade);
        return new Migration(id, parent, message, ops, Diff.reverse(ops), List.of());
    }

    /** Writes a migration as {@code <id>_<slug of message>.json}, the way {@code generate} names it. */
    static Path write(Path directory, Migration migration) {
        return write(directory, migration.id() + "_" + Slug.of(migration.message()) + ".json", migration);
    }

    static Path write(Path directory, String fileName, Migration migration) {
        return writeText(directory.resolve(fileName), MigrationJson.write(migration));
    }

    /** Writes the entity snapshot the processor would, from a hand-built schema. */
    static Path snapshot(Path file, Schema schema) {
        return writeText(file, SchemaJson.write(schema));
    }

    static Path writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Migration read(Path file) {
        try {
            return MigrationJson.mapper().readValue(Files.readString(file), Migration.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names in a directory, sorted. */
    static List<String> fileNames(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file's name and text, to show that a refused command changed nothing. */
    static Map<String, String> contents(Path directory) {
        Map<String, String> result = new TreeMap<>();
        for (String name : fileNames(directory)) {
            try {
                result.put(name, Files.readString(directory.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** Every migration file under the repository's sources (examples, integration tests, test resources), sorted. */
    static List<Path> repositoryMigrationFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(Path.of("..").toAbsolutePath().normalize(), new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return name.equals("target") || name.startsWith(".") || name.equals("node_modules")
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (MigrationReader.FILE_NAME.matcher(file.getFileName().toString()).matches()) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /** A console that keeps what it is told. */
    static final class RecordingConsole implements Console {
        final List<String> infos = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void info(String line) {
            infos.add(line);
        }

        @Override
        public void warn(String line) {
            warnings.add(line);
        }
    }
}
