package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every migration file of a directory. Problems are collected, not thrown one at a time, so the
 * user sees them all at once.
 */
public final class MigrationReader {

    /** {@code 0003_add_phone.json}: the number, then a description. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{4,})_([A-Za-z0-9_]+)\\.json");

    /** The most digits an id may have: every id then fits a 64-bit number. */
    public static final int MAX_ID_DIGITS = 18;

    /**
     * A file that must be a migration: one whose name starts with a digit or ends in {@code .json} (in any
     * case). Anything else (a README, dotfiles such as {@code .gitkeep} or an editor's swap file) is not read.
     */
    private static final Pattern LOOKS_LIKE_MIGRATION = Pattern.compile("(?i)\\d.*|.*\\.json");

    /**
     * Files read, one message per file that could not be, and the numbers of those files (so that a
     * migration following an unreadable one is not also reported as following a missing one).
     */
    public record Result(List<MigrationFile> files, List<String> problems, Set<String> unreadableIds) {
    }

    private MigrationReader() {
    }

    /** Reads and parses every file completely: every problem of every file is reported now. */
    public static Result read(Path directory) {
        return read(directory, false);
    }

    /**
     * Reads every file; with {@code lazyBodies}, parses only each file's id, parent and message now (its
     * JSON syntax and top-level keys are checked too) and its steps when first used, reporting a problem
     * in them then. The runner's goals use that: a fully applied history needs no step parsed.
     */
    public static Result read(Path directory, boolean lazyBodies) {
        return read(directory, lazyBodies, Map.of());
    }

    /** As {@link #read(Path, boolean)}, with headers {@code known}: see {@link #read(MigrationSource, boolean, Map)}. */
    static Result read(Path directory, boolean lazyBodies, Map<String, HistoryCache.Validated> known) {
        if (!Files.isDirectory(directory)) {
            return new Result(new ArrayList<>(), new ArrayList<>(), new TreeSet<>());
        }
        return read(MigrationSource.directory(directory), lazyBodies, known);
    }

    /**
     * Reads every migration file of {@code source} as {@link #read(Path, boolean)} does; a source whose
     * location does not exist throws, saying what was looked for.
     */
    public static Result read(MigrationSource source, boolean lazyBodies) {
        return read(source, lazyBodies, Map.of());
    }

    /**
     * As {@link #read(MigrationSource, boolean)}; with {@code lazyBodies}, a file whose name and checksum are those of
     * a file in {@code known} (validated whole before by this engine build, {@link HistoryCache}) takes its id,
     * parent and message from there instead of being tokenised again.
     */
    static Result read(MigrationSource source, boolean lazyBodies, Map<String, HistoryCache.Validated> known) {
        List<MigrationFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        List<MigrationSource.Resource> resources = source.resources().stream()
                .filter(r -> LOOKS_LIKE_MIGRATION.matcher(r.name()).matches() && !r.name().startsWith("."))
                .sorted(java.util.Comparator.comparing(MigrationSource.Resource::name)).toList();
        // Parsed in parallel (a long history is thousands of files), reported in file order.
        for (Outcome o : resources.parallelStream().map(r -> readOne(r, lazyBodies, known)).toList()) {
            if (o.file() != null) {
                files.add(o.file());
            }
            if (o.problem() != null) {
                problems.add(o.problem());
            }
            if (o.unreadableId() != null) {
                unreadable.add(o.unreadableId());
            }
        }
        return new Result(files, problems, unreadable);
    }

    /** One file read: its migration, or its problem and, when it could not be parsed, its number. */
    private record Outcome(MigrationFile file, String problem, String unreadableId) {
    }

    private static Outcome readOne(MigrationSource.Resource resource, boolean lazyBodies,
                                   Map<String, HistoryCache.Validated> known) {
        String name = resource.name();
        // A file on disk keeps its path (merge renames it); one from a jar is known by its name.
        Path path = resource.file() != null ? resource.file() : Path.of(name);
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return new Outcome(null, name + ": not a migration file name; name it NNNN_description.json (e.g. "
                    + "0003_add_phone.json), or move it out of the migrations directory (every file there whose name "
                    + "starts with a digit or ends in .json must be a migration)", null);
        }
        if (m.group(1).length() > MAX_ID_DIGITS) {
            return new Outcome(null, name + ": its number " + m.group(1) + " has " + m.group(1).length() + " digits; a "
                    + "migration id has 4 to " + MAX_ID_DIGITS + " digits", null);
        }
        FileText.Text read;
        try {
            read = resource.file() != null ? FileText.read(resource.file()) : FileText.read(resource.content());
        } catch (FileText.Unreadable e) {
            return new Outcome(null, name + ": " + e.getMessage(), m.group(1));
        }
        String text = read.text();
        if (lazyBodies) {
            HistoryCache.Validated validated = known.get(name);
            // Checked now only to be matched with a file validated before (the checksum when first asked for).
            String check = validated == null ? null : OnDisk.check(read.bytes());
            Header header = validated != null && validated.checksum().equals(check)
                    ? new Header(validated.id(), validated.parent(), validated.message()) : Header.of(text);
            if (header != null && m.group(1).equals(header.id)) {
                return new Outcome(MigrationFile.lazy(path, header.id, header.parent, header.message, check,
                        read.bytes(), () -> {
                    try {
                        return parse(name, text);
                    } catch (Problem e) {
                        throw new MigrationException(e.getMessage());
                    }
                }), null, null);
            }
            // Anything unusual in the header: parse it all now, which says exactly what is wrong.
        }
        try {
            Migration migration = parse(name, text);
            if (migration.id() == null || !migration.id().equals(m.group(1))) {
                return new Outcome(null, name + ": its \"id\" is " + quoted(migration.id()) + " but its file name "
                        + "says " + m.group(1) + "; make them agree", null);
            }
            return new Outcome(resource.file() != null ? MigrationFile.readFromDisk(path, migration, read.bytes())
                    : MigrationFile.read(path, migration, read.bytes()), null, null);
        } catch (Problem e) {
            return new Outcome(null, e.getMessage(), m.group(1));
        }
    }

    /** A file that cannot be parsed, with a message naming it and the place. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    /** The keys whose string values (or list items) name a table, column, key, index, constraint or schema. */
    private static final Set<String> NAME_KEYS = Set.of("name", "table", "schema", "column", "columns", "from", "to",
            "referencedSchema", "referencedTable", "referencedColumns");

    /** Whether the parser's current string is a name: the value (or a list item) of one of {@link #NAME_KEYS}. */
    static boolean isName(JsonParser p) {
        var context = p.getParsingContext();
        String key = context.inArray() ? context.getParent().getCurrentName() : context.getCurrentName();
        return key != null && NAME_KEYS.contains(key);
    }

    /**
     * The file's one JSON object, read strictly: see {@link #requireOneObjectWithoutNulls}. A file as written
     * is read by {@link MigrationJsonReader} without databind; any other file (or a broken one) with databind,
     * which says what is wrong.
     */
    private static Migration parse(String name, String text) throws Problem {
        Migration plain = MigrationJsonReader.read(text);
        return plain != null ? plain : parseWithDatabind(name, text);
    }

    /** The file read by databind after the strict token pass: the judge of every file the fast reader declines. */
    static Migration parseWithDatabind(String name, String text) throws Problem {
        try {
            requireOneObjectWithoutNulls(name, text);
            return MigrationJson.mapper().readValue(text, Migration.class);
        } catch (JsonProcessingException e) {
            throw new Problem(JsonProblems.message(name, e, text));
        } catch (IOException e) {
            throw new Problem(name + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * One pass over the tokens before binding: the file is one object, nothing follows it (a second object
     * is a bad merge, never ignored), no value is {@code null} (a key is left out when it has no value;
     * binding could not tell an explicit null from a missing optional key), and no name is empty or blank
     * (the database would refuse it only when the migration runs).
     */
    private static void requireOneObjectWithoutNulls(String name, String text) throws Problem, IOException {
        try (JsonParser p = StrictJson.FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new Problem(name + ": is empty; a migration file holds one JSON object { \"id\" : ..., "
                        + "\"message\" : ..., \"upgrade\" : [ ... ], ... }");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new Problem(name + ": must hold one JSON object { \"id\" : ..., \"message\" : ..., \"upgrade\" : "
                        + "[ ... ], ... }, not " + JsonProblems.describe(first) + " ("
                        + JsonProblems.location(p.currentTokenLocation()) + ")");
            }
            for (int depth = 1; depth > 0; ) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_NULL) {
                    throw new Problem(name + ": " + JsonProblems.path(p) + " is null ("
                            + JsonProblems.location(p.currentTokenLocation()) + "); give it a value, or leave the key "
                            + "out where it is optional");
                } else if (t == JsonToken.VALUE_STRING && isName(p) && p.getText().isBlank()) {
                    throw new Problem(name + ": " + JsonProblems.path(p) + " is " + (p.getText().isEmpty() ? "empty"
                            : "blank") + " (" + JsonProblems.location(p.currentTokenLocation()) + "); a name needs at "
                            + "least one visible character");
                }
            }
            if (p.nextToken() != null) {
                throw new Problem(name + ": more JSON after the migration's object ("
                        + JsonProblems.location(p.currentTokenLocation()) + "): a file holds one migration (a bad "
                        + "merge?); remove everything after the closing } of the first object, or move it to a file "
                        + "of its own");
            }
        }
    }

    /**
     * The top-level id, parent and message, read with the streaming parser (the steps are skipped, though
     * their JSON syntax is still checked); {@code null} when anything is off, so the full parse reports it.
     */
    private record Header(String id, String parent, String message) {

        /**
         * What reading a header takes, made on the first header read: a header taken from a kept validated history
         * needs neither, so a run that reads no file's JSON does not start Jackson.
         */
        private static final class Reading {
            /**
             * The mapper's limits on depth and size, without building the mapper. A top-level key given twice is
             * refused here; one inside a step when the steps are parsed, as any other problem of a step.
             */
            static final JsonFactory JSON = StrictJson.DUPLICATES_CHECKED_BY_READER;
            /** The top-level keys a migration file may have: the components of {@link Migration}. */
            static final Set<String> KEYS = java.util.Arrays.stream(Migration.class.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        static Header of(String text) {
            String id = null;
            String parent = null;
            String message = null;
            try (JsonParser p = Reading.JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                JsonToken t;
                Set<String> seen = new HashSet<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken value = p.nextToken();
                    if (!Reading.KEYS.contains(key) || !seen.add(key)) {
                        return null;
                    }
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    } else if (key.equals("id") || key.equals("parent") || key.equals("message")) {
                        if (value != JsonToken.VALUE_STRING) {
                            return null;
                        }
                        String v = p.getValueAsString();
                        switch (key) {
                            case "id" -> id = v;
                            case "parent" -> parent = v;
                            default -> message = v;
                        }
                    }
                }
                if (t != JsonToken.END_OBJECT || p.nextToken() != null || id == null || message == null) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
            return new Header(id, parent, message);
        }
    }

    private static String quoted(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }
}
