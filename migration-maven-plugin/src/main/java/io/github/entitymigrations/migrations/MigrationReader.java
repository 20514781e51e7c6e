package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every migration file of a directory. Problems are collected, not thrown one at a time, so the
 * user sees them all at once.
 */
public final class MigrationReader {

    /** {@code 0003_add_phone.json}: the number, then a description. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{4,})_([A-Za-z0-9_]+)\\.json");

    /**
     * Files read, one message per file that could not be, and the numbers of those files (so that a
     * migration following an unreadable one is not also reported as following a missing one).
     */
    public record Result(List<MigrationFile> files, List<String> problems, Set<String> unreadableIds) {
    }

    private MigrationReader() {
    }

    public static Result read(Path directory) {
        List<MigrationFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return new Result(files, problems, unreadable);
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(directory)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new MigrationException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        // Parsed in parallel (a long history is thousands of files), reported in file order.
        for (Outcome o : paths.parallelStream().map(MigrationReader::readOne).toList()) {
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

    private static Outcome readOne(Path path) {
        String name = path.getFileName().toString();
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return new Outcome(null, name + ": not a migration file name; name it NNNN_description.json (e.g. "
                    + "0003_add_phone.json)", null);
        }
        String problem;
        try {
            String text = Files.readString(path);
            Migration migration = MigrationJson.mapper().readValue(text, Migration.class);
            if (migration.id() == null || !migration.id().equals(m.group(1))) {
                return new Outcome(null, name + ": its \"id\" is " + quoted(migration.id()) + " but its file name "
                        + "says " + m.group(1) + "; make them agree", null);
            }
            return new Outcome(new MigrationFile(path, migration, MigrationFile.sha256(text)), null, null);
        } catch (InvalidTypeIdException e) {
            problem = name + ": " + (e.getTypeId() == null ? "a step has no \"op\""
                    : "unknown operation \"" + e.getTypeId() + "\"") + " (" + location(e)
                    + "); the operations are " + Operations.NAMES;
        } catch (UnrecognizedPropertyException e) {
            problem = name + ": unknown property \"" + e.getPropertyName() + "\" (" + location(e) + ")";
        } catch (ValueInstantiationException e) {
            // A record refused its values (a required field missing): its own message says which.
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            problem = name + ": " + reason + " (" + location(e) + ")";
        } catch (JsonProcessingException e) {
            problem = name + ": cannot be read (" + location(e) + "): " + e.getOriginalMessage();
        } catch (IOException e) {
            problem = name + ": cannot be read: " + e.getMessage();
        }
        return new Outcome(null, problem, m.group(1));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String quoted(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }
}
