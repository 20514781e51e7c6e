package io.github.entitymigrations.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A migration and the file it was read from. Its id, parent and message are always at hand; the steps
 * may be parsed only when first asked for ({@link MigrationReader#read(Path, boolean)}), so that checking a
 * long, fully applied history does not parse every step of every file.
 */
public final class MigrationFile {

    private final Path path;
    private final String id;
    private final String parent;
    private final String message;
    /** The checksum of the file's bytes, once known: see {@link #contentChecksum()}. */
    private volatile String contentChecksum;
    /** The file's bytes as read, until their checksum is taken; {@code null} when it is known or there are none. */
    private byte[] content;
    /** Instead of {@link #content}, for a file parsed whole from disk: its bytes, to read again when asked for. */
    private OnDisk onDisk;
    /** The CRC check of the bytes read ({@link OnDisk#check}), once taken: see {@link #fileCheck()}. */
    private String fileCheck;
    private final Object hashing = new Object();
    private Supplier<Migration> parser;
    private Migration migration;

    public MigrationFile(Path path, Migration migration) {
        this(path, migration, null);
    }

    /**
     * @param contentChecksum SHA-256 of the file's text as read, or {@code null} when it was not read from a
     *                        file: lets the runner accept a file that is exactly its recorded canonical JSON
     *                        without parsing or writing it again
     */
    public MigrationFile(Path path, Migration migration, String contentChecksum) {
        this(path, migration.id(), migration.parent(), migration.message(), contentChecksum, null);
        this.migration = migration;
    }

    private MigrationFile(Path path, String id, String parent, String message, String contentChecksum,
                          Supplier<Migration> parser) {
        this.path = Objects.requireNonNull(path);
        this.id = id;
        this.parent = parent;
        this.message = message;
        this.contentChecksum = contentChecksum;
        this.parser = parser;
    }

    /**
     * A file whose steps are parsed on first use by {@code parser}, which throws if they cannot be. Its checksum is
     * that of {@code content} (its bytes), taken when first asked for: a run that applies a migration never compares
     * its file's checksum, so hashing every file of a long history up front would be wasted on a new database.
     *
     * @param fileCheck {@link #fileCheck()}, when already taken (else it is taken from {@code content} when asked for)
     */
    static MigrationFile lazy(Path path, String id, String parent, String message, String fileCheck, byte[] content,
                              Supplier<Migration> parser) {
        MigrationFile f = new MigrationFile(path, id, parent, message, null, parser);
        f.content = content;
        f.fileCheck = fileCheck;
        return f;
    }

    /** A file parsed whole, whose checksum is that of {@code content} (its bytes), taken when first asked for. */
    static MigrationFile read(Path path, Migration migration, byte[] content) {
        MigrationFile f = new MigrationFile(path, migration, null);
        f.content = content;
        return f;
    }

    /**
     * A file parsed whole from {@code path} on disk, whose checksum is that of {@code content} (its bytes), taken when
     * first asked for from the file read again, if it still holds those bytes ({@link OnDisk}); else it is unknown.
     * The bytes are not kept meanwhile: most runs that parse every file (a {@code check} or {@code generate} without a
     * kept history) never ask, and a long history's files are megabytes.
     */
    static MigrationFile readFromDisk(Path path, Migration migration, byte[] content) {
        MigrationFile f = new MigrationFile(path, migration, null);
        f.onDisk = OnDisk.of(path, content);
        f.fileCheck = f.onDisk.check();
        return f;
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}, in lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of {@code bytes}, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public Path path() {
        return path;
    }

    /** The whole migration, parsed now if it was not yet; a file whose steps cannot be read throws. */
    public synchronized Migration migration() {
        if (migration == null) {
            migration = parser.get();
            parser = null;
        }
        return migration;
    }

    /**
     * Takes the checksums of {@code files} now, side by side on every core, for a caller about to compare them all
     * (each is otherwise taken, on the caller's thread, when first asked for).
     */
    public static void takeChecksums(List<MigrationFile> files) {
        if (files.size() > 1) {
            files.parallelStream().forEach(MigrationFile::contentChecksum);
        }
    }

    /**
     * SHA-256 of the file's text as read, or {@code null} when it was not read from a file, or was parsed whole from
     * disk and no longer holds what was read (edited or removed since: its checksum would not be that of what was
     * parsed). Taken when first asked for, from the bytes read; thread-safe.
     */
    public String contentChecksum() {
        String known = contentChecksum;
        if (known != null) {
            return known;
        }
        synchronized (hashing) {
            if (contentChecksum == null && content != null) {
                contentChecksum = sha256(content);
                checkContent(); // before the bytes go
                content = null;
            } else if (contentChecksum == null && onDisk != null) {
                byte[] again = onDisk.readAgain();
                contentChecksum = again == null ? null : sha256(again);
                onDisk = null;
            }
            return contentChecksum;
        }
    }

    /**
     * The CRC-32C and CRC-32 of the file's bytes as read ({@link OnDisk#check}), or {@code null} when it was not read
     * from bytes: what a kept validated history knows a file by. A check of the bytes parsed, so a file edited since
     * is not taken for the one validated. Far cheaper than {@link #contentChecksum()} in a JVM just started.
     */
    String fileCheck() {
        synchronized (hashing) {
            checkContent();
            return fileCheck;
        }
    }

    /** Takes {@link #fileCheck} from the bytes held, if not yet taken; holding {@link #hashing}. */
    private void checkContent() {
        if (fileCheck == null && content != null) {
            fileCheck = OnDisk.check(content);
        }
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public String id() {
        return id;
    }

    /** The migration it follows, or {@code null} for the first. */
    public String parent() {
        return parent;
    }

    public String message() {
        return message;
    }

    /** The same file with the same migration: the content checksum is derived from them, so it is left out. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationFile f && path.equals(f.path) && migration().equals(f.migration());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, id);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
