package io.github.entitymigrations.migrations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A migration file's text, read strictly: at most {@link MigrationJson#MAX_FILE_BYTES}, UTF-8 without a
 * byte-order mark, every byte a valid character. A problem names the byte offset and line, so the author can
 * find it (Java's own "Input length = 1" says neither).
 */
final class FileText {

    private FileText() {
    }

    /**
     * A file's text, and the bytes it was decoded from, whose SHA-256 is the same as that of the text's UTF-8, since
     * the bytes decoded strictly (no byte-order mark, no malformed sequence, hence the shortest form of every
     * character).
     */
    record Text(String text, byte[] bytes) {
    }

    /** Why the file cannot be read, as a message without the file name. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static Text read(Path path) throws Unreadable {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MigrationJson.MAX_FILE_BYTES) {
                throw new Unreadable("is " + size / (1024 * 1024) + " MiB; a migration file may have at most "
                        + MigrationJson.MAX_FILE_BYTES / (1024 * 1024) + " MiB (load large data from a file a sql step "
                        + "reads instead)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + e.getMessage());
        }
        return decodeStrictly(bytes);
    }

    /** The same, from a stream (a file in a jar): read up to one byte past the limit, which is enough to refuse it. */
    static Text read(MigrationSource.Content content) throws Unreadable {
        byte[] bytes;
        try (java.io.InputStream in = content.open()) {
            bytes = in.readNBytes((int) MigrationJson.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + e.getMessage());
        }
        if (bytes.length > MigrationJson.MAX_FILE_BYTES) {
            throw new Unreadable("is larger than " + MigrationJson.MAX_FILE_BYTES / (1024 * 1024) + " MiB, the most a "
                    + "migration file may have (load large data from a file a sql step reads instead)");
        }
        return decodeStrictly(bytes);
    }

    private static Text decodeStrictly(byte[] bytes) throws Unreadable {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new Unreadable("starts with a UTF-8 byte-order mark (bytes EF BB BF), which JSON files must not "
                    + "have; save it as UTF-8 without BOM");
        }
        return new Text(decode(bytes), bytes);
    }

    private static String decode(byte[] bytes) throws Unreadable {
        // Nearly every file is valid UTF-8 (most are ASCII): decoded at once, and known valid when the replacement
        // character is nowhere in the result. Only otherwise does the strict decoder run: it finds the first bad
        // byte, or accepts a file that holds U+FFFD itself.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new Unreadable(String.format("is not valid UTF-8: byte 0x%02X at offset %d (line %d) does not start "
                    + "a valid character; save the file as UTF-8", bytes[at] & 0xFF, at, line));
        }
        return out.flip().toString();
    }
}
