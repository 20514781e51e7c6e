package io.github.entitymigrations.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a Java source that is newer than its class file, or has none: not compiled since it changed. */
final class StaleSources {

    private StaleSources() {
    }

    /**
     * @param roots    the source directories
     * @param classes  the class output
     * @param snapshotFile the snapshot: a source with no class of its name counts if it is newer
     * @return the first stale source, relative to its source directory; empty also when the snapshot or a
     *         source cannot be read (only a hint: never fail the goal over it)
     */
    static Optional<Path> first(List<String> roots, Path classes, Path snapshotFile) {
        FileTime snapshot;
        try {
            snapshot = Files.getLastModifiedTime(snapshotFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String root : roots) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                Optional<Path> stale = files.filter(f -> isStale(dir, f, classes, snapshot)).findFirst();
                if (stale.isPresent()) {
                    return Optional.of(dir.relativize(stale.get()));
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty(); // only a hint: never fail the goal over it
            }
        }
        return Optional.empty();
    }

    private static boolean isStale(Path root, Path source, Path classes, FileTime snapshot) {
        String name = source.getFileName().toString();
        if (!name.endsWith(".java") || name.equals("package-info.java") || name.equals("module-info.java")) {
            return false;
        }
        String relative = root.relativize(source).toString();
        Path compiled = classes.resolve(relative.substring(0, relative.length() - ".java".length()) + ".class");
        try {
            FileTime sourceTime = Files.getLastModifiedTime(source);
            // No class of its name: new since the last compile, or holding other types only; judged by the
            // snapshot's age then.
            FileTime compiledTime = Files.isRegularFile(compiled) ? Files.getLastModifiedTime(compiled) : snapshot;
            return sourceTime.compareTo(compiledTime) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
