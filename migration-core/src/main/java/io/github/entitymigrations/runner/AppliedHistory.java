package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version table read against the files: how far the database is, and what does not add up (an
 * applied migration whose file is gone or was edited, applied migrations that are not the first ones).
 */
final class AppliedHistory {

    /** How history shows when a migration was applied: to the second, in UTC. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final MigrationChain chain;
    private final Map<String, Applied> applied = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Applied ids that no file has (deleted, or an older branch checked out), oldest first. */
    private final List<String> missing = new ArrayList<>();
    private int position;

    private AppliedHistory(MigrationChain chain, List<Applied> rows) {
        this.chain = chain;
        rows.forEach(r -> applied.put(r.id(), r));
        List<MigrationFile> files = chain.migrations();
        Map<String, MigrationFile> byId = new LinkedHashMap<>();
        files.forEach(f -> byId.put(f.id(), f));
        MigrationFile.takeChecksums(rows.stream().map(r -> byId.get(r.id())).filter(f -> f != null).toList());
        for (Applied row : rows) {
            MigrationFile file = byId.get(row.id());
            if (file == null) {
                missing.add(row.id());
                problems.add("Migration " + row.id() + " (\"" + row.message() + "\") was applied on " + row.appliedAt()
                        + " but no file has it: restore it from version control (is an older branch checked out?)");
            } else if (!Checksums.matches(file, row.checksum())) {
                String renumbered = renumberedAs(files, rows, row);
                if (renumbered != null) {
                    problems.add(renumbered);
                    continue;
                }
                problems.add("Migration " + file.fileName() + " was changed after it was applied on " + row.appliedAt()
                        + " (checksum " + shorten(row.checksum()) + " then, " + shorten(Checksums.of(file.migration()))
                        + " now). Never edit an applied migration: restore it from version control and put the "
                        + "change in a new migration");
            }
        }
        while (position < files.size() && applied.containsKey(files.get(position).id())) {
            position++;
        }
        for (int i = position; i < files.size(); i++) {
            if (applied.containsKey(files.get(i).id())) {
                problems.add("Migration " + files.get(i).id() + " is applied but " + files.get(position).id()
                        + " before it is not: the history in the database has a gap (was a migration inserted "
                        + "before applied ones?). Renumber the new migration after the applied ones");
                break;
            }
        }
    }

    /**
     * Whether {@code row}'s migration is still there under another number, with the same steps (as
     * {@code migration:merge} renumbers a branch): what to say then, else {@code null}. The row's checksum
     * is matched against each file renumbered back to the row's id and the id applied before it.
     */
    private static String renumberedAs(List<MigrationFile> files, List<Applied> rows, Applied row) {
        int index = rows.indexOf(row);
        String parent = index > 0 ? rows.get(index - 1).id() : null;
        for (MigrationFile f : files) {
            if (f.id().equals(row.id()) || !f.message().equals(row.message())) {
                continue;
            }
            if (Checksums.of(f.migration().renumbered(row.id(), parent)).equals(row.checksum())) {
                String before = parent == null ? "base" : parent;
                return "Migration " + row.id() + " in the database (\"" + row.message() + "\", applied on "
                        + row.appliedAt() + ") is now " + f.fileName() + ": it was renumbered (by "
                        + Advice.current().goal(Advice.Goal.MERGE) + "?) "
                        + "after it was applied here, so this database ran the branches in another order. Revert it "
                        + "with the migration files from before the renumbering (e.g. a git worktree of the commit "
                        + "before the merge): " + Advice.current().command(Advice.Goal.DOWNGRADE, Advice.target(before),
                        Advice.parameter(Advice.Setting.DIRECTORY, "<that checkout>/src/main/resources/db/migrations"))
                        + ", then " + Advice.current().command(Advice.Goal.UPGRADE) + ". (A throw-away "
                        + "development database can be deleted instead.)";
            }
        }
        return null;
    }

    static AppliedHistory read(MigrationChain chain, List<Applied> rows) {
        return new AppliedHistory(chain, rows);
    }

    /** The history, refusing to go on if it does not match the files. */
    static AppliedHistory verify(MigrationChain chain, List<Applied> rows, Database database) {
        AppliedHistory history = new AppliedHistory(chain, rows);
        if (!history.problems.isEmpty()) {
            throw new MigrationException("The migrations applied to " + database.describe()
                    + " do not match the files, so nothing was run:\n  - " + String.join("\n  - ", history.problems));
        }
        return history;
    }

    int position() {
        return position;
    }

    List<String> problems() {
        return problems;
    }

    /**
     * Where the database is. When applied migrations have no file, that is the newest applied one per the
     * version table (the files alone would claim an older head), with what is missing.
     */
    String current() {
        if (missing.isEmpty()) {
            return Targets.label(chain, position);
        }
        String newest = applied.keySet().stream().max(AppliedHistory::byId).orElseThrow();
        return newest + (missing.contains(newest) ? " (applied, but its file is missing: restore it from version "
                + "control)" : " (applied; the file of applied migration " + String.join(", ", missing)
                + " is missing: restore it from version control)");
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<MigrationFile> files = chain.migrations();
        List<String> ids = new ArrayList<>(files.stream().map(MigrationFile::id).toList());
        ids.addAll(missing);
        ids.sort(AppliedHistory::byId);
        for (String id : ids) {
            MigrationFile f = files.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            Applied row = applied.get(id);
            String how = row != null && row.stamped() ? "stamped " : "applied ";
            lines.add(id + "  " + (row == null ? "pending                 "
                    : how + SHOWN.format(row.appliedAt()))
                    + "  " + (f != null ? f.message() : row.message() + "  (its file is missing)"));
        }
        if (lines.isEmpty()) {
            lines.add("(no migrations)");
        }
        problems.forEach(p -> lines.add("WARNING: " + p));
        boolean head = missing.isEmpty() && position == files.size() && position > 0;
        lines.add("current: " + current() + (head ? " (head)" : ""));
        return lines;
    }

    /** Ids in numeric order, also when their widths differ ({@code 0999} before {@code 1000}). */
    private static int byId(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static String shorten(String checksum) {
        return checksum == null ? "none" : checksum.substring(0, Math.min(12, checksum.length()));
    }
}
