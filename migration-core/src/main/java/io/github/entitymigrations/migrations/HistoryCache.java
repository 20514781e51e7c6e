package io.github.entitymigrations.migrations;

import io.github.entitymigrations.schema.Json;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * known by its name and the SHA-256 of its text. Two entries are kept: the whole history last validated, and the
 * same without its newest file (the one most often edited, deleted or generated again while a change is reviewed),
 * so that an unchanged history needs no validating at all, and one whose newest file changed only that file. Each
 * file's id, parent and message are kept too, so that reading a file whose name and text are the ones validated
 * needs no parsing ({@link #knownFiles}).
 *
 * <p>It is trusted only as far as it provably applies: a history that starts with exactly those files (same
 * names, same text, same order), checked by the same engine build (the same jars of the engine, the model and
 * Jackson) and worded for the same front end. A file changed, removed, renamed or inserted, another build of the
 * engine, or a cache file that does not read back exactly (the files' headers and each entry's schema have their
 * checksums in the first line) and the history is validated in full, as without a cache, and the cache is written
 * again. Only a valid history is kept. Written to a temporary file and moved into place, so a build killed while
 * writing it, or two writing at once, leave either the old file or a whole new one.
 */
final class HistoryCache {

    /** The format of the file; another number is not read. */
    static final long FORMAT = 2;

    /** Larger files are not read (a file this large was not written by this class). */
    private static final long MAX_BYTES = 1L << 30;

    /** The resources whose jars make up the engine's behaviour here: the engine, the model, Jackson. */
    private static final List<String> ENGINE_RESOURCES = List.of(
            "io/github/entitymigrations/migrations/ChainValidation.class",
            "io/github/entitymigrations/schema/Schema.class",
            "com/fasterxml/jackson/core/JsonParser.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class");

    /** A file validated: its name, the SHA-256 of its text, and its header as read then. */
    record Validated(String name, String checksum, String id, String parent, String message) {

        /** Whether {@code f} is this file: the same name and text. */
        boolean is(MigrationFile f) {
            return f.contentChecksum() != null && checksum.equals(f.contentChecksum()) && name.equals(f.fileName());
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
     * The file as read: the files of its longest entry, and per entry how many of them it covers, its tallies and
     * its schema's text and checksum. A schema is parsed only when its entry is chosen.
     */
    private record Stored(List<Validated> files, List<Integer> counts, List<Map<String, ChainValidation.Unsupported>>
            unsupported, List<String> bodies, List<String> checksums) {

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
     * The longest entry of {@link #stored}, parsed on a thread of its own from the moment the file is read, while
     * the history is read: the entry an unchanged history, or one with migrations added, uses.
     */
    private Background<Entry> longest;

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
        MigrationFile.takeChecksums(history);
        List<Validated> list = new ArrayList<>(history.size());
        for (MigrationFile f : history) {
            list.add(new Validated(f.fileName(), f.contentChecksum() != null ? f.contentChecksum()
                    : MigrationFile.sha256(MigrationJson.write(f.migration())), f.id(), f.parent(), f.message()));
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
        Entry e = i == s.counts().size() - 1 && longest != null ? longest.join() : parse(s, i);
        if (e == null) {
            stored = Optional.empty();
            return null;
        }
        bodies.put(e, s.bodies().get(i));
        return e;
    }

    /** Entry {@code i} of {@code s}, its schema parsed now; {@code null} if it does not read back. */
    private static Entry parse(Stored s, int i) {
        String body = s.bodies().get(i);
        try {
            if (!MigrationFile.sha256(body).equals(s.checksums().get(i))) {
                return null;
            }
            return new Entry(s.files().subList(0, s.counts().get(i)), SchemaJson.read(body), s.unsupported().get(i));
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private Optional<Stored> stored() {
        if (engine == null) {
            return Optional.empty();
        }
        if (stored == null) {
            Stored s = load();
            stored = Optional.ofNullable(s);
            longest = s == null ? null
                    : Background.start("entity-migrations: validated history", () -> parse(s, s.counts().size() - 1));
        }
        return stored;
    }

    private Stored load() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            String text = Files.readString(file);
            int newline = text.indexOf('\n');
            if (newline < 0) {
                return null;
            }
            Map<?, ?> header = (Map<?, ?>) Json.read(text.substring(0, newline));
            if (!Long.valueOf(FORMAT).equals(header.get("format")) || !engine.equals(header.get("engine"))) {
                return null;
            }
            List<Validated> files = new ArrayList<>();
            for (Object o : (List<?>) header.get("files")) {
                List<?> f = (List<?>) o;
                files.add(new Validated(string(f.get(0)), string(f.get(1)), string(f.get(2)),
                        f.get(3) == null ? null : string(f.get(3)), string(f.get(4))));
            }
            // The headers are taken as they are for the files they name: they must read back exactly, too.
            if (!filesChecksum(files).equals(header.get("filesChecksum"))) {
                return null;
            }
            List<Integer> counts = new ArrayList<>();
            List<Map<String, ChainValidation.Unsupported>> unsupported = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            List<String> checksums = new ArrayList<>();
            int at = newline + 1;
            for (Object o : (List<?>) header.get("entries")) {
                Map<?, ?> e = (Map<?, ?>) o;
                int count = Math.toIntExact((Long) e.get("files"));
                int length = Math.toIntExact((Long) e.get("length"));
                if (count < 0 || count > files.size() || (!counts.isEmpty() && count <= counts.get(counts.size() - 1))
                        || length < 0 || length > text.length() - at) {
                    return null;
                }
                Map<String, ChainValidation.Unsupported> tallies = new LinkedHashMap<>();
                for (Object u : (List<?>) e.get("unsupported")) {
                    List<?> t = (List<?>) u;
                    tallies.put(string(t.get(0)), new ChainValidation.Unsupported(
                            Math.toIntExact((Long) t.get(1)), string(t.get(2))));
                }
                counts.add(count);
                unsupported.add(tallies);
                bodies.add(text.substring(at, at + length));
                checksums.add(string(e.get("body")));
                at += length;
            }
            if (at != text.length() || counts.isEmpty() || counts.get(counts.size() - 1) != files.size()) {
                return null;
            }
            return new Stored(List.copyOf(files), counts, unsupported, bodies, checksums);
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

    /** The checksum of the files' names, checksums and headers, as the file holds them. */
    private static String filesChecksum(List<Validated> files) {
        return MigrationFile.sha256(Json.write(filesJson(files)));
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
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> described = new ArrayList<>();
        for (Entry e : entries) {
            if (!files.subList(0, e.files().size()).equals(e.files())) {
                throw new IllegalArgumentException("Entries of different histories");
            }
            String body = bodies.get(e);
            if (body == null) {
                body = SchemaJson.write(e.schema());
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("files", (long) e.files().size());
            d.put("length", (long) body.length());
            d.put("body", MigrationFile.sha256(body));
            d.put("unsupported", e.unsupported().entrySet().stream()
                    .map(u -> List.<Object>of(u.getKey(), (long) u.getValue().count(), u.getValue().first())).toList());
            described.add(d);
            text.append(body);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("engine", engine);
        header.put("files", filesJson(files));
        header.put("filesChecksum", filesChecksum(files));
        header.put("entries", described);
        // One line: Json writes none inside a value (a newline in a string is escaped).
        text.insert(0, Json.write(header).replace("\n", "") + "\n");
        stored = null; // read again when next asked: what is kept now
        longest = null;
        Path temporary = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".validated-history", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
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
        return MigrationFile.sha256(jars.toString());
    }
}
