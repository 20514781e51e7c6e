package io.github.entitymigrations.migrations;

import io.github.entitymigrations.schema.Json;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What validating a history found, kept between builds in a file under the build directory, so that
 * {@code generate} and {@code check} validate only the migrations added since ({@link ChainValidation}): the
 * schema the validated files produce, and the steps only some databases cannot run, for a list of files each
 * known by its name and the CRC-32C and CRC-32 of its bytes ({@link MigrationFile#fileCheck}). Two entries are
 * kept: the whole history last validated, and the same without its newest file (the one most often edited, deleted
 * or generated again while a change is reviewed), so that an unchanged history needs no validating at all, and one
 * whose newest file changed only that file. Each file's id, parent and message are kept too, so that reading a file
 * whose name and text are the ones validated needs no parsing ({@link #knownFiles}).
 *
 * <p>It is trusted only as far as it provably applies: a history that starts with exactly those files (same
 * names, same text, same order), checked by the same engine build (the same jars of the engine, the model and
 * Jackson) and worded for the same front end. A file changed, removed, renamed or inserted, another build of the
 * engine, or a cache file that does not read back exactly (the files' headers and each entry's schema have their
 * checksums in the first line) and the history is validated in full, as without a cache, and the cache is written
 * again. Only a valid history is kept. Written to a temporary file and moved into place, so a build killed while
 * writing it, or two writing at once, leave either the old file or a whole new one.
 *
 * <p>The file is its header (one line of JSON) followed by each entry's schema, its length in bytes in the header.
 * A run reads the header, then only the schema of the entry it uses (on a thread of its own, while the history is
 * read), so the other entry's schema, as large, is not read at all.
 */
final class HistoryCache {

    /**
     * The format of the file; another number is not read. 3: each entry's length in bytes, so it is read alone.
     * 4: every check is the CRC-32C and CRC-32 of the bytes ({@link OnDisk#check}), not their SHA-256: the header
     * line's, each entry's, the engine build's and each migration file's. They guard against a file torn or changed
     * by accident, which CRCs tell as surely, at a fraction of SHA-256's cost in a JVM just started (hashing a
     * history of a thousand tables took tens of milliseconds there). A file edited to collide on purpose would only
     * be taken as the one validated by {@code generate} and {@code check}; the runner checks files by their SHA-256.
     */
    static final long FORMAT = 4;

    /** How the header line ends: its check, over the bytes before it, then the object's end. */
    private static final String CHECK_KEY = ", \"check\" : \"";
    private static final byte[] CHECK_MARK = CHECK_KEY.getBytes(StandardCharsets.US_ASCII);
    private static final int CHECK_TAIL = CHECK_MARK.length + OnDisk.CHECK_LENGTH + 3;

    /** Larger files are not read (a file this large was not written by this class). */
    private static final long MAX_BYTES = 1L << 30;

    /** The first read of the header line, doubled until the line ends. */
    private static final int HEADER_CHUNK = 64 * 1024;

    /** The resources whose jars make up the engine's behaviour here: the engine, the model, Jackson. */
    private static final List<String> ENGINE_RESOURCES = List.of(
            "io/github/entitymigrations/migrations/ChainValidation.class",
            "io/github/entitymigrations/schema/Schema.class",
            "com/fasterxml/jackson/core/JsonParser.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class");

    /** A file validated: its name, the check of its bytes ({@link MigrationFile#fileCheck}), its header then. */
    record Validated(String name, String checksum, String id, String parent, String message) {

        /** Whether {@code f} is this file: the same name and text. */
        boolean is(MigrationFile f) {
            return f.fileCheck() != null && checksum.equals(f.fileCheck()) && name.equals(f.fileName());
        }
    }

    /**
     * What validating {@code files} (a whole history, from its first migration) found.
     *
     * @param unsupported per database, the steps it cannot run (in the order first met)
     */
    record Entry(List<Validated> files, Schema schema, Map<String, ChainValidation.Unsupported> unsupported) {

        Entry {
            files = List.copyOf(files);
            unsupported = Collections.unmodifiableMap(new LinkedHashMap<>(unsupported));
        }

        /** Whether {@code history} starts with exactly these files. */
        boolean isPrefixOf(List<MigrationFile> history) {
            return Stored.prefix(files, history) == files.size();
        }
    }

    /**
     * The file's header as read: the files of its longest entry, and per entry how many of them it covers, its
     * tallies, and where its schema's text is in the file (from byte {@code offsets[i]}, {@code lengths[i]} bytes)
     * with its checksum. A schema is read and parsed only when its entry is chosen.
     */
    private record Stored(List<Validated> files, List<Integer> counts, List<Map<String, ChainValidation.Unsupported>>
            unsupported, long[] offsets, int[] lengths, List<String> checksums) {

        /** How many of {@code files} {@code history} starts with, name and text alike. */
        static int prefix(List<Validated> files, List<MigrationFile> history) {
            int n = Math.min(files.size(), history.size());
            for (int i = 0; i < n; i++) {
                if (!files.get(i).is(history.get(i))) {
                    return i;
                }
            }
            return n;
        }
    }

    private final Path file;
    /** The engine build and front end, or {@code null} when unknown: then nothing is read or written. */
    private final String engine;
    /** The file as last read by this instance (read once a run), or {@code null} when not yet. */
    private Optional<Stored> stored;
    /** The schema text of each entry read from the file, so that writing it again needs no rendering. */
    private final Map<Entry, String> bodies = new IdentityHashMap<>();
    /**
     * The longest entry of {@link #stored}, read and parsed on a thread of its own from the moment the header is
     * read, while the history is read: the entry an unchanged history, or one with migrations added, uses.
     */
    private Background<Parsed> longest;

    /** An entry read back, with its schema's text as the file holds it (to write it again without rendering it). */
    private record Parsed(Entry entry, String body) {
    }

    HistoryCache(Path file, String engine) {
        this.file = file;
        this.engine = engine;
    }

    /**
     * A cache in {@code file} for the engine running here. Where the engine is not run from jars (its classes
     * in directories, as in an IDE), its build cannot be told apart from the next, and the cache stays unused.
     */
    static HistoryCache at(Path file) {
        String jars = engineJars();
        return new HistoryCache(file, jars == null ? null : jars + "\n" + Advice.current().getClass().getName());
    }

    /** Each file of {@code history} as validated: its name, checksum and header. */
    static List<Validated> validated(List<MigrationFile> history) {
        List<Validated> list = new ArrayList<>(history.size());
        for (MigrationFile f : history) {
            list.add(new Validated(f.fileName(), f.fileCheck() != null ? f.fileCheck()
                    : check(MigrationJson.write(f.migration())), f.id(), f.parent(), f.message()));
        }
        return list;
    }

    /**
     * The files of the history last validated, by name: a file read with the same name and checksum has this
     * header (its steps were parsed and validated by this engine build). Empty when nothing is kept.
     */
    Map<String, Validated> knownFiles() {
        Map<String, Validated> known = new HashMap<>();
        stored().ifPresent(s -> s.files().forEach(v -> known.put(v.name(), v)));
        return known;
    }

    /**
     * The longest entry kept that {@code history} starts with, if there is one that reads back whole and was written
     * by this engine build.
     */
    Optional<Entry> longestPrefixOf(List<MigrationFile> history) {
        Stored s = stored().orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        int prefix = Stored.prefix(s.files(), history);
        for (int i = s.counts().size() - 1; i >= 0; i--) {
            if (s.counts().get(i) <= prefix) {
                return Optional.ofNullable(entry(s, i));
            }
        }
        return Optional.empty();
    }

    /** The longest entry kept, if there is one (as {@link #longestPrefixOf} for its own files). */
    Optional<Entry> read() {
        Stored s = stored().orElse(null);
        return s == null || s.counts().isEmpty() ? Optional.empty()
                : Optional.ofNullable(entry(s, s.counts().size() - 1));
    }

    /** Entry {@code i} of {@code s}; {@code null} (and nothing kept) if it does not read back. */
    private Entry entry(Stored s, int i) {
        Parsed p = i == s.counts().size() - 1 && longest != null ? longest.join() : parse(file, s, i);
        if (p == null) {
            stored = Optional.empty();
            return null;
        }
        bodies.put(p.entry(), p.body());
        return p.entry();
    }

    /**
     * Entry {@code i} of {@code s}, its schema read from {@code file} and parsed now; {@code null} if it does not
     * read back (its checksum also guards against the file having been replaced since its header was read).
     */
    private static Parsed parse(Path file, Stored s, int i) {
        try {
            byte[] bytes = read(file, s.offsets()[i], s.lengths()[i]);
            // The bytes as written (the checksum is of the text's UTF-8): no need to encode the text again.
            if (!OnDisk.check(bytes).equals(s.checksums().get(i))) {
                return null;
            }
            String body = text(bytes);
            return new Parsed(new Entry(s.files().subList(0, s.counts().get(i)), SchemaJson.read(body),
                    s.unsupported().get(i)), body);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** {@code length} bytes of {@code file} from {@code offset}; throws if the file has become shorter. */
    private static byte[] read(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // until filled, or the end of the file
            }
            if (buffer.hasRemaining()) {
                throw new IOException("shorter than its header says");
            }
        }
        return bytes;
    }

    /** The first line of {@code file} (without its newline) as bytes, or {@code null} if it has no newline. */
    private static byte[] firstLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] line = new byte[HEADER_CHUNK];
            int filled = 0;
            while (true) {
                if (filled == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                int n = in.read(line, filled, line.length - filled);
                if (n < 0) {
                    return null;
                }
                for (int j = filled; j < filled + n; j++) {
                    if (line[j] == '\n') {
                        return Arrays.copyOf(line, j);
                    }
                }
                filled += n;
            }
        }
    }

    /**
     * The bytes as UTF-8. A malformed sequence becomes U+FFFD, so it cannot go unnoticed: the header's strings then
     * differ from what they are compared with (a schema's bytes are checked against its checksum before this).
     */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Optional<Stored> stored() {
        if (engine == null) {
            return Optional.empty();
        }
        if (stored == null) {
            Stored s = load();
            stored = Optional.ofNullable(s);
            longest = s == null ? null
                    : Background.start("entity-migrations: validated history",
                            () -> parse(file, s, s.counts().size() - 1));
        }
        return stored;
    }

    private Stored load() {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            long size = Files.size(file);
            byte[] line = size > MAX_BYTES ? null : firstLine(file);
            if (line == null) {
                return null;
            }
            // The headers are taken as they are for the files they name: the line must read back exactly.
            if (!checked(line)) {
                return null;
            }
            Map<?, ?> header = (Map<?, ?>) Json.read(text(line));
            if (!Long.valueOf(FORMAT).equals(header.get("format")) || !engine.equals(header.get("engine"))) {
                return null;
            }
            List<Validated> files = new ArrayList<>();
            for (Object o : (List<?>) header.get("files")) {
                List<?> f = (List<?>) o;
                files.add(new Validated(string(f.get(0)), string(f.get(1)), string(f.get(2)),
                        f.get(3) == null ? null : string(f.get(3)), string(f.get(4))));
            }
            List<Integer> counts = new ArrayList<>();
            List<Map<String, ChainValidation.Unsupported>> unsupported = new ArrayList<>();
            List<?> entries = (List<?>) header.get("entries");
            long[] offsets = new long[entries.size()];
            int[] lengths = new int[entries.size()];
            List<String> checksums = new ArrayList<>();
            long at = line.length + 1L;
            for (Object o : entries) {
                Map<?, ?> e = (Map<?, ?>) o;
                int count = Math.toIntExact((Long) e.get("files"));
                int length = Math.toIntExact((Long) e.get("length"));
                if (count < 0 || count > files.size() || (!counts.isEmpty() && count <= counts.get(counts.size() - 1))
                        || length < 0 || length > size - at) {
                    return null;
                }
                Map<String, ChainValidation.Unsupported> tallies = new LinkedHashMap<>();
                for (Object u : (List<?>) e.get("unsupported")) {
                    List<?> t = (List<?>) u;
                    tallies.put(string(t.get(0)), new ChainValidation.Unsupported(
                            Math.toIntExact((Long) t.get(1)), string(t.get(2))));
                }
                offsets[counts.size()] = at;
                lengths[counts.size()] = length;
                counts.add(count);
                unsupported.add(tallies);
                checksums.add(string(e.get("body")));
                at += length;
            }
            if (at != size || counts.isEmpty() || counts.get(counts.size() - 1) != files.size()) {
                return null;
            }
            return new Stored(List.copyOf(files), counts, unsupported, offsets, lengths, checksums);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // Unreadable, or not in this form (edited, nested beyond reason, or from another version): validate in
            // full instead.
            return null;
        }
    }

    private static List<List<String>> filesJson(List<Validated> files) {
        return files.stream().map(v -> java.util.Arrays.asList(v.name(), v.checksum(), v.id(), v.parent(),
                v.message())).toList();
    }

    /** {@link OnDisk#check} of the text's UTF-8: what a file holding exactly this text is known by. */
    private static String check(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return OnDisk.check(bytes);
    }

    /** Whether the header line ends with the check of the bytes before it, as {@link #write} ends it. */
    private static boolean checked(byte[] line) {
        int at = line.length - CHECK_TAIL;
        if (at < 0 || !java.util.Arrays.equals(line, at, at + CHECK_MARK.length, CHECK_MARK, 0, CHECK_MARK.length)) {
            return false;
        }
        String check = new String(line, at + CHECK_MARK.length, OnDisk.CHECK_LENGTH, StandardCharsets.US_ASCII);
        return check.equals(OnDisk.check(line, at))
                && new String(line, line.length - 3, 3, StandardCharsets.US_ASCII).equals("\" }");
    }

    private static String string(Object o) {
        return (String) java.util.Objects.requireNonNull(o);
    }

    /** Keeps {@code entry} alone. */
    void write(Entry entry) {
        write(List.of(entry));
    }

    /**
     * Keeps {@code entries}, each covering more files than the one before, each one's files the start of the last
     * one's. A cache that cannot be written is only not kept (the next run validates in full).
     */
    void write(List<Entry> entries) {
        if (engine == null || entries.isEmpty()) {
            return;
        }
        List<Validated> files = entries.get(entries.size() - 1).files();
        List<byte[]> texts = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        for (Entry e : entries) {
            if (!files.subList(0, e.files().size()).equals(e.files())) {
                throw new IllegalArgumentException("Entries of different histories");
            }
            String body = bodies.get(e);
            if (body == null) {
                body = SchemaJson.write(e.schema());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("files", (long) e.files().size());
            d.put("length", (long) bytes.length);
            d.put("body", OnDisk.check(bytes));
            d.put("unsupported", e.unsupported().entrySet().stream()
                    .map(u -> List.<Object>of(u.getKey(), (long) u.getValue().count(), u.getValue().first())).toList());
            described.add(d);
            texts.add(bytes);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("engine", engine);
        header.put("files", filesJson(files));
        header.put("entries", described);
        // One line: Json writes none inside a value (a newline in a string is escaped). Its check ends it.
        String json = Json.write(header).replace("\n", "");
        byte[] head = json.substring(0, json.lastIndexOf('}')).stripTrailing().getBytes(StandardCharsets.UTF_8);
        byte[] tail = (CHECK_KEY + OnDisk.check(head) + "\" }\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, line, head.length, tail.length);
        texts.add(0, line);
        stored = null; // read again when next asked: what is kept now
        longest = null;
        Path temporary = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".validated-history", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                for (byte[] t : texts) {
                    out.write(t);
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException | RuntimeException e) {
            // Not kept: the next run validates in full, as without a cache.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // A stray temporary file under the build directory; the next clean removes it.
                }
            }
        }
    }

    /** The jars the engine's behaviour comes from, each with its size and time, or {@code null} if one is not a jar. */
    private static String engineJars() {
        StringBuilder jars = new StringBuilder();
        ClassLoader loader = HistoryCache.class.getClassLoader();
        for (String resource : ENGINE_RESOURCES) {
            URL url = loader == null ? null : loader.getResource(resource);
            if (url == null || !"jar".equals(url.getProtocol())) {
                return null;
            }
            String spec = url.getFile(); // file:/.../x.jar!/io/...
            int bang = spec.indexOf("!/");
            try {
                Path jar = Path.of(new java.net.URI(spec.substring(0, bang < 0 ? spec.length() : bang)));
                jars.append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        byte[] identity = jars.toString().getBytes(StandardCharsets.UTF_8);
        return OnDisk.check(identity);
    }
}
