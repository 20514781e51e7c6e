package io.github.entitymigrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source changed or added after the last compile is found; compiled ones are not. */
class StaleSourcesTest {

    @TempDir
    Path tmp;

    private final FileTime t0 = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
    private final FileTime t1 = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));

    @Test
    void findsASourceNewerThanItsClassOrANewOneNewerThanTheSnapshot() throws Exception {
        Path src = tmp.resolve("src");
        Path classes = tmp.resolve("classes");
        Path customer = write(src.resolve("com/example/Customer.java"), t0);
        write(classes.resolve("com/example/Customer.class"), t1);
        write(src.resolve("com/example/package-info.java"), t1);
        List<String> roots = List.of(src.toString(), tmp.resolve("missing").toString());
        Path snapshot = write(classes.resolve("META-INF/entity-migrations/schema.json"), t1);

        assertEquals(Optional.empty(), StaleSources.first(roots, classes, snapshot), "everything compiled");

        Files.setLastModifiedTime(customer, FileTime.from(Instant.parse("2026-01-01T12:00:00Z")));
        assertEquals(Optional.of(Path.of("com/example/Customer.java")), StaleSources.first(roots, classes, snapshot));

        Files.setLastModifiedTime(customer, t0);
        write(src.resolve("com/example/Invoice.java"), FileTime.from(Instant.parse("2026-01-01T12:00:00Z")));
        assertEquals(Optional.of(Path.of("com/example/Invoice.java")), StaleSources.first(roots, classes, snapshot),
                "a new source with no class yet, newer than the snapshot");
        Files.setLastModifiedTime(snapshot, FileTime.from(Instant.parse("2026-01-01T13:00:00Z")));
        assertEquals(Optional.empty(), StaleSources.first(roots, classes, snapshot), "older than the snapshot: compiled");
        assertEquals(Optional.empty(), StaleSources.first(roots, classes, tmp.resolve("no-snapshot.json")),
                "no snapshot to compare with: no hint");
    }

    private static Path write(Path file, FileTime time) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, time);
        return file;
    }
}
