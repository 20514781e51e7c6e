package io.github.entitymigrations.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where migration files come from: a directory, the class path (a directory or a jar, as in a packaged
 * application), or anything else an integration can list (e.g. Spring's resource patterns). A source only
 * lists the files of its location; {@link MigrationReader} decides which are migrations and reads them.
 */
public interface MigrationSource {

    /** The location for messages, e.g. {@code classpath:db/migrations} or a directory. */
    String describe();

    /**
     * Every file directly at the location (not in sub-directories), in any order.
     *
     * @throws MigrationException when the location does not exist or cannot be listed, saying what was looked for
     */
    List<Resource> resources();

    /**
     * One file.
     *
     * @param name    its file name ({@code 0001_create_users.json})
     * @param origin  where it is, for messages (a path or URL)
     * @param file    the file on disk when it is one (so tools that rename files can), else {@code null}
     * @param content opens its bytes
     */
    record Resource(String name, String origin, Path file, Content content) {
    }

    /** Opens a resource's bytes; the caller closes the stream. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /** The files of a directory; a missing directory is an error saying so. */
    static MigrationSource directory(Path directory) {
        return new DirectorySource(directory);
    }

    /**
     * The files at {@code location} (e.g. {@code db/migrations}) in every class-path root of {@code loader}
     * that has it, merged; one file name in two roots is an error naming both.
     */
    static MigrationSource classpath(String location, ClassLoader loader) {
        return new ClasspathSource(location, loader);
    }

    /**
     * A location as users write it: {@code classpath:db/migrations}, {@code filesystem:some/dir}, or a plain
     * path (a directory).
     */
    static MigrationSource of(String location, ClassLoader loader) {
        if (location == null || location.isBlank()) {
            throw new MigrationException("No migrations location: give classpath:<path>, filesystem:<directory> or a "
                    + "directory");
        }
        String l = location.strip();
        if (l.startsWith(ClasspathSource.PREFIX)) {
            return classpath(l.substring(ClasspathSource.PREFIX.length()), loader);
        }
        String path = l.startsWith(DirectorySource.PREFIX) ? l.substring(DirectorySource.PREFIX.length()) : l;
        return directory(Path.of(path));
    }
}
