package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Which form a version table has, told by its columns, and the one-time upgrade of the first form to the
 * current one. The first form kept {@code applied_at} as ISO-8601 text and marked a stamped row by the suffix
 * {@value VersionTable#OLD_STAMP_SUFFIX} of {@code applied_by}; the current form has a time column and a
 * {@code stamped} column. A table with columns neither form has (a newer version's) is refused untouched.
 */
enum VersionTableForm {
    /** Text {@code applied_at}, no {@code stamped} column. */
    FIRST,
    /** A real time for {@code applied_at}, and {@code stamped}. */
    CURRENT;

    private static final Set<String> FIRST_COLUMNS = Set.of("id", "message", "checksum", "applied_at", "applied_by",
            "execution_ms");

    /** The form of the (existing) table; refuses one this version does not know. */
    static VersionTableForm of(Connection c, VersionTable versions) throws SQLException {
        Map<String, String> columns = versions.kind().columns(c, versions);
        if (columns.keySet().equals(FIRST_COLUMNS) && isText(columns.get("applied_at"))) {
            return FIRST;
        }
        boolean current = columns.size() == FIRST_COLUMNS.size() + 1 && columns.keySet().containsAll(FIRST_COLUMNS)
                && columns.containsKey("stamped") && versions.kind().isAppliedAtType(columns.get("applied_at"));
        if (current) {
            return CURRENT;
        }
        throw new MigrationException("The version table " + versions.qualifiedName() + " has columns this version of "
                + "Entity Migrations does not know (" + describe(columns) + "): it was probably created or upgraded by "
                + "a newer version. Nothing was changed: run that version (or a newer one) on this database");
    }

    /**
     * Upgrades a table of the first form, once: under the caller's migration lock and in one transaction,
     * which also reads the form again (another tool may have upgraded it meanwhile). Nothing happens to a
     * table of the current form; a failure rolls everything back and leaves the table as it was.
     */
    static void upgrade(Connection c, VersionTable versions, String database, Console console) throws SQLException {
        if (!versions.exists(c) || of(c, versions) == CURRENT) {
            return;
        }
        c.setAutoCommit(false);
        try {
            if (of(c, versions) == FIRST) {
                versions.kind().upgradeVersionTable(c, versions);
                if (of(c, versions) != CURRENT) {
                    throw new IllegalStateException("the upgraded version table is not of the current form");
                }
                c.commit();
                console.info("Upgraded the version table " + versions.qualifiedName() + " of " + database + " to the "
                        + "current form: applied_at is a time, and a stamped row is marked in the stamped column "
                        + "(no longer by \"" + VersionTable.OLD_STAMP_SUFFIX.trim() + "\" after applied_by)");
            }
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException secondary) {
                e.addSuppressed(secondary); // the rollback's failure must not hide why it was needed
            }
            if (e instanceof MigrationException m) {
                throw m;
            }
            if (e instanceof SQLException s && versions.kind().isBusy(s)) {
                throw s; // another connection writes to the file: the runner's own message says what to do
            }
            throw new MigrationException("Could not upgrade the version table " + versions.qualifiedName() + " of "
                    + database + " to the current form (" + e.getMessage() + "); it was rolled back and is as it "
                    + "was. Nothing was run", e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** An {@code applied_at} of the first form: ISO-8601 text in UTC. */
    static Instant parseOldTime(String id, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MigrationException("The version row of migration " + id + " has applied_at \"" + text
                    + "\", which is not an ISO-8601 time (as 2024-05-01T12:00:00Z): correct it in "
                    + VersionTable.NAME + ". Nothing was changed", e);
        }
    }

    private static boolean isText(String type) {
        return type.startsWith("character varying") || type.startsWith("varchar") || type.equals("text");
    }

    private static String describe(Map<String, String> columns) {
        return String.join(", ", columns.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
