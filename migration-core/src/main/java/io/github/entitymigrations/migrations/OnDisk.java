package io.github.entitymigrations.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A file's bytes as first read, remembered by their length and two CRCs instead of kept: a file parsed whole needs
 * its bytes again only if its checksum is asked for (a kept history is written), so they are read again then, and
 * taken only if they are the bytes first read. The CRCs (computed by the JVM's intrinsics, far cheaper than
 * SHA-256) tell an edited file from the one read with the certainty accidental edits need; a file edited to collide
 * on purpose would only be taken as the one validated by {@code generate} and {@code check}, never by the runner,
 * which reads files afresh.
 */
record OnDisk(Path path, int length, long crc32c, long crc32) {

    static OnDisk of(Path path, byte[] bytes) {
        return new OnDisk(path, bytes.length, crc32c(bytes, bytes.length), crc32(bytes, bytes.length));
    }

    /** The file's bytes now, if they are those first read; else (edited, removed, unreadable) {@code null}. */
    byte[] readAgain() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return bytes.length == length && crc32c(bytes, length) == crc32c && crc32(bytes, length) == crc32 ? bytes : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@link #check} of the bytes first read. */
    String check() {
        return check(crc32c, crc32);
    }

    /** The length of {@link #check}'s text. */
    static final int CHECK_LENGTH = 16;

    /**
     * The CRC-32C and CRC-32 of the first {@code length} bytes, as 16 hexadecimal digits: a check against accidental
     * change (a torn or edited file), for files this engine writes for itself.
     */
    static String check(byte[] bytes, int length) {
        return check(crc32c(bytes, length), crc32(bytes, length));
    }

    /** {@link #check(byte[], int)} of all the bytes. */
    static String check(byte[] bytes) {
        return check(bytes, bytes.length);
    }

    private static String check(long crc32c, long crc32) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return hex.toHexDigits((int) crc32c) + hex.toHexDigits((int) crc32);
    }

    private static long crc32c(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return c.getValue();
    }

    private static long crc32(byte[] bytes, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, 0, length);
        return c.getValue();
    }
}
