package io.github.entitymigrations.bench.realapps;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.introspect.DriftReport;
import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.LintRun;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The safety features on a database our migration just built: drift (as {@code migration:drift} and
 * {@code EntityMigrations.drift()} compare, through the library facade) must find nothing, since the database is
 * exactly what the migrations produce; lint of the migration from {@code base} (as {@code migration:lint -Dfrom=base},
 * offline) judges a first migration that only creates tables, so every locking or existing-rows finding is a false
 * positive. Both write their JSON report beside the facts.
 */
final class SafetyChecks {

    private SafetyChecks() {
    }

    /**
     * Drift on {@code url}, its report in {@code drift-<db>.json}: the number of differences, then, so that a clean
     * result is known not to come from a comparison that sees nothing, {@code /} and the number drift finds once an
     * index is added by hand on one of the app's columns (1 expected; the facts were read before, the SQLite file kept keeps the index).
     * {@code -1} when drift failed.
     */
    static String drift(String db, String url, Path migrations, Path out) throws Exception {
        Files.deleteIfExists(out.resolve("drift-" + db + ".error"));
        try {
            EntityMigrations em = EntityMigrations.configure().url(url, null, null)
                    .location("filesystem:" + migrations.toAbsolutePath()).console(Console.SILENT).load();
            DriftReport report = em.driftReport();
            Files.writeString(out.resolve("drift-" + db + ".json"), report.toJson());
            addIndexByHand(url);
            return report.differences().size() + "/" + em.drift().size();
        } catch (Exception e) {
            Files.writeString(out.resolve("drift-" + db + ".error"), RealApps.stackTrace(e));
            System.err.println("realapps: drift failed on " + db + ": " + e);
            return "-1";
        }
    }

    /**
     * {@code create index} on the first column of the first application table the database lists (not a sequence's
     * table on SQLite).
     */
    private static void addIndexByHand(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet tables = meta.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String table = tables.getString("TABLE_NAME");
                    if (table.equalsIgnoreCase("entity_migrations_history") || table.startsWith("sqlite_")) {
                        continue;
                    }
                    try (ResultSet columns = meta.getColumns(c.getCatalog(), tables.getString("TABLE_SCHEM"), table,
                            "%")) {
                        String column = columns.next() ? columns.getString("COLUMN_NAME") : null;
                        // SQLite's sequences are tables of one next_val column: not the app's, not compared
                        if (column != null && !(column.equals("next_val") && !columns.next())) {
                            String q = url.startsWith("jdbc:mariadb:") ? "`" : "\"";
                            s.execute("create index realapps_hand_index on " + q + table + q + " (" + q + column + q
                                    + ")");
                            return;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no application table to add an index to in " + url);
    }

    /**
     * Lint from base for {@code url}'s dialect, opening no database; its report in {@code lint-<db>.json}. Returns
     * the active findings per rule id ({@code pg-index-not-concurrent=2,sqlite-rebuild=1}), {@code none}, or
     * {@code failed}.
     */
    static String lint(String db, String url, Path migrations, Path out) throws Exception {
        Files.deleteIfExists(out.resolve("lint-" + db + ".error"));
        try {
            LintReport report = LintRun.lint(new Database(url, null, null, null),
                    MigrationChain.loadForRunner(migrations), "base", "head", Set.of(), Console.SILENT);
            Files.writeString(out.resolve("lint-" + db + ".json"), report.json());
            Map<String, Long> perRule = report.active().stream()
                    .collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
            return perRule.isEmpty() ? "none" : perRule.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        } catch (Exception e) {
            Files.writeString(out.resolve("lint-" + db + ".error"), RealApps.stackTrace(e));
            System.err.println("realapps: lint failed on " + db + ": " + e);
            return "failed";
        }
    }
}
