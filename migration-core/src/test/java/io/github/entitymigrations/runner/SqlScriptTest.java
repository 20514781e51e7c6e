package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code sql} goal's script: from {@code base} it needs no database; it holds each migration's
 * statements, as {@code upgrade} would run them, in a transaction with the migration's version row; and
 * run through JDBC on an empty database it gives the schema and version rows {@code upgrade} gives.
 */
class SqlScriptTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void fromBaseItNeedsNoDatabaseAndHoldsEachMigrationInATransactionWithItsVersionRow(Kind kind) {
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        Path nowhere = tmp.resolve("no-such-dir").resolve("app.db");
        Database unreachable = new Database(kind == Kind.SQLITE ? "jdbc:sqlite:" + nowhere
                : "jdbc:postgresql://127.0.0.1:1/nowhere", null, null, null);
        String script = SqlScript.render(unreachable, chain, "base", "head", Console.SILENT);
        assertFalse(Files.exists(nowhere.getParent()), "the script touched no database");

        List<Step> steps = Planner.upgrade(chain, unreachable.dialect(), 0, chain.migrations().size());
        assertEquals(kind == Kind.SQLITE, script.contains("\n-- a table rebuild: drop the database's views, and the "
                + "triggers on or naming this table, before it and create them again after the rename"), script);
        List<String> blocks = Arrays.asList(script.split("\n-- (?!a table rebuild)"));
        assertTrue(blocks.get(1).startsWith("the version table"), blocks.get(1));
        assertEquals(steps.size() + 2, blocks.size(), script);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<String> lines = new ArrayList<>(List.of(blocks.get(i + 2).strip().split("\n")));
            assertEquals(step.label(), lines.remove(0), "each migration is introduced by its id and message");
            List<String> around = kind == Kind.SQLITE
                    ? List.of("PRAGMA foreign_keys = OFF;", "PRAGMA legacy_alter_table = OFF;") : List.of();
            assertEquals(around, lines.subList(0, around.size()), step.label());
            lines = new ArrayList<>(lines.subList(around.size(), lines.size()));
            // A script cannot keep the database's views and triggers through a rebuild: it says so before each.
            for (int j = 0; j < lines.size(); j++) {
                assertEquals(lines.get(j).startsWith("-- a table rebuild"), j + 1 < lines.size()
                        && SqliteDialect.beginsRebuild(lines.get(j + 1)), lines.get(j));
            }
            lines.removeIf(l -> l.startsWith("-- a table rebuild"));
            assertEquals("begin;", lines.get(0), step.label());
            assertEquals(step.statements().stream().map(s -> s + ";").toList(),
                    lines.subList(1, 1 + step.statements().size()), step.label());
            String versionRow = lines.get(1 + step.statements().size());
            assertTrue(versionRow.startsWith("insert into " + VersionTable.NAME) && versionRow.contains("'" + step.id()
                    + "'") && versionRow.contains(Checksums.of(step.file().migration())), versionRow);
            assertEquals("commit;", lines.get(2 + step.statements().size()), step.label());
        }
    }

    /**
     * MariaDB and MySQL commit each DDL statement by themselves: a migration with DDL is not wrapped in a
     * transaction that would not hold, and the script says so; a migration of data steps only still is.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void onMariaDbOnlyDataMigrationsAreWrappedInATransaction(Kind kind) {
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        Database unreachable = new Database((kind == Kind.MYSQL ? "jdbc:mysql:" : "jdbc:mariadb:")
                + "//127.0.0.1:1/nowhere", null, null, null);
        String script = SqlScript.render(unreachable, chain, "base", "head", Console.SILENT);
        List<Step> steps = Planner.upgrade(chain, unreachable.dialect(), 0, chain.migrations().size(), false);
        List<String> blocks = Arrays.asList(script.split("\n-- (?!not one transaction)"));
        assertEquals(steps.size() + 2, blocks.size(), script);
        assertTrue(steps.stream().anyMatch(s -> !s.atomic()), "the model has DDL migrations");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<String> lines = new ArrayList<>(List.of(blocks.get(i + 2).strip().split("\n")));
            assertEquals(step.label(), lines.remove(0));
            if (step.atomic()) {
                assertEquals("begin;", lines.get(0), step.label());
                assertEquals("commit;", lines.get(lines.size() - 1), step.label());
            } else {
                assertEquals("-- not one transaction: " + unreachable.dialect().name() + " commits each DDL "
                        + "statement by itself. If a statement fails, the ones before it stay applied: undo them by "
                        + "hand (the upgrade goal undoes them itself)", lines.get(0), step.label());
                assertFalse(lines.contains("begin;") || lines.contains("commit;"), step.label());
            }
            assertEquals(step.statements().stream().map(s -> s + ";").toList(),
                    lines.subList(1, 1 + step.statements().size()), step.label());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void runningTheScriptGivesWhatUpgradeGives(Kind kind) throws Exception {
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        TestDatabase scripted = TestDatabase.open(kind, PG, tmp);
        runScript(scripted, SqlScript.render(scripted.database(), h.chain(), "base", "head", Console.SILENT));
        List<String> scriptedSchema = scripted.schema();
        List<String> scriptedVersions = versions(scripted);
        List<String> scriptedRows = rows(scripted);
        assertEquals(List.of(), scripted.foreignKeyProblems());

        TestDatabase upgraded = TestDatabase.open(kind, PG, tmp);
        upgraded.migrator(h.chain()).upgrade("head");
        DatabaseSchemaReader.assertSame(upgraded.schema(), scriptedSchema, "made by the script");
        DatabaseSchemaReader.assertSame(upgraded.expected(h.schemaAt(5)), scriptedSchema, "made by the script");
        assertEquals(versions(upgraded), scriptedVersions);
        assertEquals(rows(upgraded), scriptedRows);
    }

    /** Without {@code from}, the database says where to start; reading it changes nothing. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void fromWhereTheDatabaseIsAndBackDown(Kind kind) throws Exception {
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(h.chain()).upgrade("0002");
        List<Applied> before = db.versionRows();
        String rest = SqlScript.render(db.database(), h.chain(), null, "head", Console.SILENT);
        assertEquals(before, db.versionRows(), "sql only reads the database");
        assertFalse(rest.contains("-- 0002 "), rest);
        assertTrue(rest.contains("-- 0003 alter columns") && rest.contains("-- 0005 clean up"), rest);

        runScript(db, rest);
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(5)), db.schema(), "after the rest");
        runScript(db, SqlScript.render(db.database(), h.chain(), null, "base", Console.SILENT));
        DatabaseSchemaReader.assertSame(List.of(), db.schema(), "after the downgrade script");
        assertEquals(List.of(), db.appliedIds());
        assertEquals("base", db.migrator(h.chain()).current());
    }

    /** Runs a script as a DBA's tool would: statement by statement, comments skipped, its own transactions. */
    private static void runScript(TestDatabase db, String script) throws SQLException {
        StringBuilder statement = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String line : script.split("\n")) {
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    String sql = statement.toString().strip();
                    try {
                        s.execute(sql.substring(0, sql.length() - 1));
                    } catch (SQLException e) {
                        throw new SQLException("the script failed at: " + sql + "\n" + e.getMessage(), e);
                    }
                    statement.setLength(0);
                }
            }
        }
        assertEquals("", statement.toString().strip(), "every statement ends with ;");
    }

    /** id, message and checksum of each version row: when and by whom differ between the two ways. */
    private static List<String> versions(TestDatabase db) throws SQLException {
        return db.versionRows().stream().map(r -> r.id() + "|" + r.message() + "|" + r.checksum()).toList();
    }

    private static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String query : CatalogModel.rowsAfter(CatalogModel.COUNT)) {
            rows.addAll(db.query(query));
        }
        return rows;
    }
}
