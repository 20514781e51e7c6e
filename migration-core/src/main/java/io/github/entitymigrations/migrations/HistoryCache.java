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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What validating a history found, kept between builds in a file under the build directory, so that
 * {@code generate} and {@code check} validate only the migrations added since ({@link ChainValidation}): the
 * schema the validated files produce, and the steps only some databases cannot run, for a list of files each
 * known by its name and the SHA-256 of its text.
 *
 * <p>It is trusted only as far as it provably applies: a history that starts with exactly those files (same
 * names, same text, same order), checked by the same engine build (the same jars of the engine, the model and
 * Jackson) and worded for the same front end. A file changed, removed, renamed or inserted, another build of the
 * engine, or a cache file that does not read back exactly (its body's own checksum is in its first line) and the
 * history is validated in full, as without a cache, and the cache is written again. Only a valid history is
 * kept. Written to a temporary file and moved into place, so a build killed while writing it, or two writing at
 * once, leave either the old file or a whole new one.
 */
final class HistoryCache {

    /** The format of the file; another number is not read. */
    static final long FORMAT = 1;

    /** Larger files are not read (a file this large was not written by this class). */
    private static final long MAX_BYTES = 1L << 30;

    /** The resources whose jars make up the engine's behaviour here: the engine, the model, Jackson. */
    private static final List<String> ENGINE_RESOURCES = List.of(
            "io/github/entitymigrations/migrations/ChainValidation.class",
            "io/github/entitymigrations/schema/Schema.class",
            "com/fasterxml/jackson/core/JsonParser.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class");

    /** A file validated: its name and the SHA-256 of its text. */
    record Validated(String name, String checksum) {
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
            if (history.size() < files.size()) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                MigrationFile f = history.get(i);
                Validated v = files.get(i);
                if (f.contentChecksum() == null || !v.checksum().equals(f.contentChecksum())
                        || !v.name().equals(f.fileName())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path file;
    /** The engine build and front end, or {@code null} when unknown: then nothing is read or written. */
    private final String engine;
    /** The entry last read or written by this instance: read once a run. */
    private Entry remembered;

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

    /** Each file of {@code history} as validated: its name and checksum. */
    static List<Validated> validated(List<MigrationFile> history) {
        List<Validated> list = new ArrayList<>(history.size());
        for (MigrationFile f : history) {
            list.add(new Validated(f.fileName(), f.contentChecksum() != null ? f.contentChecksum()
                    : MigrationFile.sha256(MigrationJson.write(f.migration()))));
        }
        return list;
    }

    /** The entry kept, if there is one that reads back whole and was written by this engine build. */
    Optional<Entry> read() {
        if (engine == null) {
            return Optional.empty();
        }
        if (remembered == null) {
            remembered = load();
        }
        return Optional.ofNullable(remembered);
    }

    private Entry load() {
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
            String body = text.substring(newline + 1);
            if (!Long.valueOf(FORMAT).equals(header.get("format")) || !engine.equals(header.get("engine"))
                    || !MigrationFile.sha256(body).equals(header.get("body"))) {
                return null;
            }
            List<Validated> files = new ArrayList<>();
            for (Object o : (List<?>) header.get("files")) {
                List<?> pair = (List<?>) o;
                files.add(new Validated((String) pair.get(0), (String) pair.get(1)));
            }
            Map<String, ChainValidation.Unsupported> unsupported = new LinkedHashMap<>();
            for (Object o : (List<?>) header.get("unsupported")) {
                List<?> u = (List<?>) o;
                unsupported.put((String) u.get(0), new ChainValidation.Unsupported(
                        Math.toIntExact((Long) u.get(1)), (String) u.get(2)));
            }
            return new Entry(files, SchemaJson.read(body), unsupported);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // Unreadable, or not in this form (edited, nested beyond reason, or from another version): validate in
            // full instead.
            return null;
        }
    }

    /** Keeps {@code entry}; a cache that cannot be written is only not kept (the next run validates in full). */
    void write(Entry entry) {
        if (engine == null) {
            return;
        }
        remembered = entry;
        String body = SchemaJson.write(entry.schema());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("engine", engine);
        header.put("body", MigrationFile.sha256(body));
        header.put("files", entry.files().stream().map(v -> List.of(v.name(), v.checksum())).toList());
        header.put("unsupported", entry.unsupported().entrySet().stream()
                .map(e -> List.<Object>of(e.getKey(), (long) e.getValue().count(), e.getValue().first())).toList());
        // One line: Json writes none inside a value (a newline in a string is escaped).
        String text = Json.write(header).replace("\n", "") + "\n" + body;
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
