package io.github.entitymigrations.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The history as one line of migrations from the first to the head. Building it checks everything that
 * can break a history (unreadable files, two files with one number, two files after one parent, a missing
 * parent, a cycle) and reports all problems at once, each naming the files and how to fix it.
 */
public final class MigrationChain {

    /** How to straighten two branches, in the words of the front end in use. */
    static String mergeHint() {
        return Advice.current().phrase(Advice.Phrase.RUN_MERGE) + " to put one branch after the other, or "
                + "renumber by hand: rename the later file to the next free number and set its \"parent\" to the "
                + "previous head.";
    }

    private final List<MigrationFile> ordered;

    private MigrationChain(List<MigrationFile> ordered) {
        this.ordered = List.copyOf(ordered);
    }

    /** Loads and checks the migrations of a directory; an empty or missing directory is an empty chain. */
    public static MigrationChain load(java.nio.file.Path directory) {
        MigrationReader.Result read = MigrationReader.read(directory);
        return of(read.files(), read.problems(), read.unreadableIds(), directory);
    }

    /**
     * As {@link #load}, but each file's steps are parsed when first used (a problem in them is reported
     * then): what the database goals use, since a no-op upgrade of a long history needs none of them.
     */
    public static MigrationChain loadForRunner(java.nio.file.Path directory) {
        return loadForRunner(directory, Map.of());
    }

    /**
     * As {@link #loadForRunner(java.nio.file.Path)}, taking the header of each file that is one of {@code known}
     * (the same name and text) from there: see {@link MigrationReader#read(java.nio.file.Path, boolean, Map)}.
     */
    static MigrationChain loadForRunner(java.nio.file.Path directory, Map<String, HistoryCache.Validated> known) {
        MigrationReader.Result read = MigrationReader.read(directory, true, known);
        return of(read.files(), read.problems(), read.unreadableIds(), directory);
    }

    /**
     * Loads and checks the migrations of {@code source} (a directory, the class path, ...), parsing each
     * file's steps when first used as {@link #loadForRunner} does; a location that does not exist throws,
     * saying what was looked for.
     */
    public static MigrationChain load(MigrationSource source) {
        MigrationReader.Result read = MigrationReader.read(source, true);
        return of(read.files(), read.problems(), read.unreadableIds(), source.describe());
    }

    static MigrationChain of(List<MigrationFile> files, List<String> readProblems, Set<String> unreadableIds,
                             java.nio.file.Path directory) {
        return of(files, readProblems, unreadableIds, String.valueOf(directory));
    }

    static MigrationChain of(List<MigrationFile> files, List<String> readProblems, Set<String> unreadableIds,
                             String directory) {
        List<String> problems = new ArrayList<>(readProblems);
        Map<String, List<MigrationFile>> byId = files.stream()
                .collect(Collectors.groupingBy(MigrationFile::id, LinkedHashMap::new, Collectors.toList()));
        byId.forEach((id, same) -> {
            if (same.size() > 1) {
                problems.add("Two migrations are numbered " + id + ": " + names(same)
                        + " (branches merged in git?). " + mergeHint());
            }
        });
        Map<String, List<MigrationFile>> children = new LinkedHashMap<>();
        List<MigrationFile> roots = new ArrayList<>();
        for (MigrationFile f : files) {
            String parent = f.parent();
            if (parent == null) {
                roots.add(f);
            } else if (unreadableIds.contains(parent)) {
                // Already reported: the file it follows could not be read.
                continue;
            } else if (!byId.containsKey(parent)) {
                problems.add(f.fileName() + " follows migration " + parent + ", which no file in " + directory
                        + " has: restore that file, or set \"parent\" to the migration this one really follows");
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(f);
            }
        }
        if (roots.size() > 1) {
            problems.add("Several migrations have no parent: " + names(roots) + ". Only the first may; set the "
                    + "\"parent\" of the others to the migration each follows");
        }
        children.forEach((parent, after) -> {
            if (after.size() > 1) {
                problems.add("The history has several heads: " + names(after) + " all follow " + parent
                        + ". " + mergeHint());
            }
        });
        List<MigrationFile> ordered = new ArrayList<>();
        if (problems.isEmpty() && !files.isEmpty()) {
            if (roots.isEmpty()) {
                problems.add("No migration is the first one (every file has a parent): the parents form a cycle "
                        + "among " + names(files) + "; the first migration must have no \"parent\"");
            } else {
                Set<String> seen = new HashSet<>();
                for (MigrationFile f = roots.get(0); f != null; ) {
                    seen.add(f.id());
                    ordered.add(f);
                    List<MigrationFile> next = children.get(f.id());
                    f = next == null ? null : next.get(0);
                }
                List<MigrationFile> unreachable = files.stream().filter(f -> !seen.contains(f.id())).toList();
                if (!unreachable.isEmpty()) {
                    problems.add("The parents of " + names(unreachable) + " form a cycle, so they never follow "
                            + "the first migration: set each \"parent\" to the migration it really follows");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ChainException(problems);
        }
        return new MigrationChain(ordered);
    }

    static String names(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::fileName).collect(Collectors.joining(", "));
    }

    /**
     * This history with {@code next} after its head: a migration just written, whose parent is the head (checked),
     * without reading the directory again.
     */
    MigrationChain followedBy(MigrationFile next) {
        String head = isEmpty() ? null : head().id();
        if (!java.util.Objects.equals(head, next.migration().parent())) {
            throw new IllegalStateException(next.fileName() + " does not follow the head " + head);
        }
        List<MigrationFile> all = new ArrayList<>(ordered);
        all.add(next);
        return new MigrationChain(all);
    }

    /** Oldest first. */
    public List<MigrationFile> migrations() {
        return ordered;
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    /** The newest migration, or {@code null} when there is none. */
    public MigrationFile head() {
        return ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
    }

    /** The next free number, four digits at least: {@code 0001} for the first. */
    public String nextId() {
        // Every id has at most MigrationReader.MAX_ID_DIGITS digits, so it fits a long.
        MigrationFile last = ordered.stream().max(java.util.Comparator.comparingLong(f -> Long.parseLong(f.id())))
                .orElse(null);
        long max = last == null ? 0 : Long.parseLong(last.id());
        String next = Long.toString(max + 1);
        next = "0".repeat(Math.max(0, 4 - next.length())) + next; // as %04d, without the Formatter's start-up
        if (next.length() > MigrationReader.MAX_ID_DIGITS) {
            throw new MigrationException(last.fileName() + ": " + last.id() + " is the largest migration number ("
                    + MigrationReader.MAX_ID_DIGITS + " digits), so no migration can follow it; renumber the history "
                    + "with smaller numbers");
        }
        return next;
    }

    /** A broken history: every problem found. */
    public static final class ChainException extends MigrationException {
        private final List<String> problems;

        ChainException(List<String> problems) {
            super("The migration history is broken:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
