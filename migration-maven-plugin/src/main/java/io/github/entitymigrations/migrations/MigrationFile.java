package io.github.entitymigrations.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A migration and the file it was read from.
 *
 * @param contentChecksum SHA-256 of the file's text as read, or {@code null} when it was not read from a
 *                        file: lets the runner accept a file that is exactly its recorded canonical JSON
 *                        without writing that JSON again
 */
public record MigrationFile(Path path, Migration migration, String contentChecksum) {

    public MigrationFile(Path path, Migration migration) {
        this(path, migration, null);
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}, in lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public String id() {
        return migration.id();
    }

    /** The same file with the same migration: the content checksum is derived from them, so it is left out. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationFile f && path.equals(f.path) && migration.equals(f.migration);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, migration);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
