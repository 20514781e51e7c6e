package io.github.entitymigrations.migrations;

import io.github.entitymigrations.operations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Resolves two branches of history that git merged side by side (two files after one parent, often
 * with one number): when the branches change different tables and sequences, the second branch is
 * renumbered to follow the first one's head. Branches that touch the same objects are left for a person.
 */
public final class Merge {

    private Merge() {
    }

    /** Renumbers the second branch after the first; returns the files written (empty when nothing to do). */
    public static List<Path> run(Path directory, Console console) {
        MigrationReader.Result read = MigrationReader.read(directory);
        if (!read.problems().isEmpty()) {
            throw new MigrationException("Cannot merge while files are unreadable:\n  - "
                    + String.join("\n  - ", read.problems()));
        }
        List<MigrationFile> files = read.files();
        Map<String, List<MigrationFile>> children = new LinkedHashMap<>();
        Map<String, Integer> idCount = new LinkedHashMap<>();
        for (MigrationFile f : files) {
            idCount.merge(f.id(), 1, Integer::sum);
            children.computeIfAbsent(String.valueOf(f.migration().parent()), k -> new ArrayList<>()).add(f);
        }
        List<String> forks = children.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .toList();
        if (forks.isEmpty()) {
            console.info("Nothing to merge: the history has a single head.");
            return List.of();
        }
        if (forks.size() > 1) {
            throw new MigrationException("The history forks more than once (after " + String.join(", ", forks)
                    + "); merge one fork at a time by hand: " + MigrationChain.mergeHint());
        }
        List<MigrationFile> heads = children.get(forks.get(0));
        if (heads.size() != 2) {
            throw new MigrationException("Three or more branches follow " + forks.get(0) + " ("
                    + MigrationChain.names(heads) + "); merge them by hand: " + MigrationChain.mergeHint());
        }
        List<MigrationFile> first = branch(heads.get(0), children, idCount);
        List<MigrationFile> second = branch(heads.get(1), children, idCount);
        requireDisjoint(first, second);
        List<MigrationFile> moved = renumbered(second, first.get(first.size() - 1).id(), directory);
        requireReplayable(files, second, moved, directory);
        write(second, moved);
        for (int i = 0; i < second.size(); i++) {
            console.info("Renumbered " + second.get(i).fileName() + " to " + moved.get(i).fileName() + " (now follows "
                    + moved.get(i).migration().parent() + ")");
        }
        console.info("The history is one line again; check it with " + Advice.current().command(Advice.Goal.CHECK)
                + ".");
        return moved.stream().map(MigrationFile::path).toList();
    }

    /** The second branch's files with new numbers after {@code head}, each following the previous. */
    private static List<MigrationFile> renumbered(List<MigrationFile> branch, String head, Path directory) {
        List<MigrationFile> result = new ArrayList<>();
        long next = Long.parseLong(head) + 1;
        String parent = head;
        for (MigrationFile f : branch) {
            String id = String.format("%04d", next++);
            if (id.length() > MigrationReader.MAX_ID_DIGITS) {
                throw new MigrationException("Cannot renumber " + f.fileName() + ": the next number, " + id + ", has more "
                        + "than " + MigrationReader.MAX_ID_DIGITS + " digits. Nothing was changed; renumber the history "
                        + "with smaller numbers");
            }
            Migration m = f.migration();
            Migration moved = m.renumbered(id, parent);
            result.add(new MigrationFile(directory.resolve(id + "_" + description(f) + ".json"), moved));
            parent = id;
        }
        return result;
    }

    /** Refuses before touching a file when the merged history would not be one line that replays. */
    private static void requireReplayable(List<MigrationFile> all, List<MigrationFile> before,
                                          List<MigrationFile> after, Path directory) {
        Set<Path> leaving = new LinkedHashSet<>(before.stream().map(MigrationFile::path).toList());
        for (MigrationFile f : after) {
            if (Files.exists(f.path()) && !leaving.contains(f.path())) {
                throw new MigrationException("Cannot renumber to " + f.fileName() + ": that file exists already. "
                        + MigrationChain.mergeHint());
            }
        }
        List<MigrationFile> merged = new ArrayList<>(all);
        merged.removeAll(before);
        merged.addAll(after);
        try {
            ChainValidation.of(MigrationChain.of(merged, List.of(), Set.of(), directory)).requireValid();
        } catch (MigrationException e) {
            throw new MigrationException("Putting " + MigrationChain.names(before) + " after the other branch "
                    + "would break the history, so nothing was changed:\n" + e.getMessage(), e);
        }
    }

    /** Writes the new files beside the old ones under temporary names, then swaps them in. */
    private static void write(List<MigrationFile> before, List<MigrationFile> after) {
        List<Path> temporary = new ArrayList<>();
        try {
            for (MigrationFile f : after) {
                Path tmp = f.path().resolveSibling(f.fileName() + ".merging");
                Files.writeString(tmp, MigrationJson.write(f.migration()));
                temporary.add(tmp);
            }
            for (MigrationFile f : before) {
                Files.delete(f.path());
            }
            for (int i = 0; i < after.size(); i++) {
                Files.move(temporary.get(i), after.get(i).path());
            }
        } catch (IOException e) {
            throw new MigrationException("Merging failed while writing files (" + e.getMessage() + "); files named "
                    + "*.merging hold the renumbered migrations: rename them to .json by hand", e);
        }
    }

    /** The files of a branch, from its first to its head; refuses when a duplicated number makes it ambiguous. */
    private static List<MigrationFile> branch(MigrationFile start, Map<String, List<MigrationFile>> children,
                                              Map<String, Integer> idCount) {
        List<MigrationFile> result = new ArrayList<>();
        for (MigrationFile f = start; f != null; ) {
            result.add(f);
            List<MigrationFile> next = children.get(f.id());
            if (next != null && (next.size() > 1 || idCount.get(f.id()) > 1)) {
                throw new MigrationException("Cannot tell which branch " + MigrationChain.names(next) + " belong to: "
                        + "migration " + f.id() + " exists twice or is followed twice. Renumber by hand: "
                        + MigrationChain.mergeHint());
            }
            f = next == null ? null : next.get(0);
        }
        return result;
    }

    private static void requireDisjoint(List<MigrationFile> first, List<MigrationFile> second) {
        Map<String, String> touchedByFirst = touched(first);
        Map<String, String> touchedBySecond = touched(second);
        Set<String> both = new LinkedHashSet<>(touchedByFirst.keySet());
        both.retainAll(touchedBySecond.keySet());
        if (!both.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (String object : both) {
                lines.add(object + ": " + touchedByFirst.get(object) + " and " + touchedBySecond.get(object));
            }
            throw new MigrationException("Both branches change the same objects, so their order matters and "
                    + "cannot be chosen for you:\n  - " + String.join("\n  - ", lines) + "\nDelete one branch's "
                    + "migration (keep the other), then run " + Advice.current().command(Advice.Goal.GENERATE)
                    + " to redo its changes on "
                    + "top; or renumber by hand after checking the steps still fit.");
        }
    }

    private static Map<String, String> touched(List<MigrationFile> files) {
        Map<String, String> result = new LinkedHashMap<>();
        for (MigrationFile f : files) {
            for (Operation op : f.migration().upgrade()) {
                Touched.by(op).forEach(object -> result.putIfAbsent(object, f.fileName()));
            }
        }
        return result;
    }

    private static String description(MigrationFile f) {
        Matcher m = MigrationReader.FILE_NAME.matcher(f.fileName());
        return m.matches() ? m.group(2) : Slug.of(f.migration().message());
    }
}
