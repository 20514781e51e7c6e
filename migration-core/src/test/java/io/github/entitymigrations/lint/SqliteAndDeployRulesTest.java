package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.PG;
import static io.github.entitymigrations.lint.LintFixture.SQLITE;
import static io.github.entitymigrations.lint.LintFixture.assertHas;
import static io.github.entitymigrations.lint.LintFixture.assertLacks;
import static io.github.entitymigrations.lint.LintFixture.col;
import static io.github.entitymigrations.lint.LintFixture.index;
import static io.github.entitymigrations.lint.LintFixture.lint;
import static io.github.entitymigrations.lint.LintFixture.migration;
import static io.github.entitymigrations.lint.LintFixture.newTable;
import static io.github.entitymigrations.lint.LintFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQLite's rebuilds and the rolling-deploy rules. */
class SqliteAndDeployRulesTest {

    private static final AlterColumn TO_NOT_NULL = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true),
            col("email", "VARCHAR(100)", false, "'none'"));

    @Test
    void aRebuildIsAdviceNamingTheTableAndAWarningOnALargeOne() {
        Finding f = single(lint(SQLITE, migration(TO_NOT_NULL)), "sqlite-rebuild");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("users", f.table());
        var large = new LintFacts(Map.of(".users", Rules.LARGE_TABLE_ROWS), Rules.LARGE_TABLE_ROWS, Map.of());
        Finding big = single(lint(SQLITE, large, migration(TO_NOT_NULL)), "sqlite-rebuild");
        assertEquals(Severity.WARNING, big.severity());
        assertTrue(big.message().contains("at least 100000 rows"), big.message());
        var small = new LintFacts(Map.of(".users", Rules.LARGE_TABLE_ROWS - 1), Rules.LARGE_TABLE_ROWS, Map.of());
        assertEquals(Severity.INFO, single(lint(SQLITE, small, migration(TO_NOT_NULL)), "sqlite-rebuild").severity());
    }

    /**
     * Consecutive changes to one table are rebuilt in one copy, as the runner plans them: one finding naming the
     * steps; a change to another table in between, or a migration outside a transaction, keeps them apart.
     */
    @Test
    void changesRebuiltTogetherAreOneFindingNamingTheirSteps() {
        AlterColumn name = new AlterColumn(null, "users", col("name", "VARCHAR(50)", true, "'anon'"),
                col("name", "VARCHAR(80)", false, "'anon'"));
        AlterColumn price = new AlterColumn(null, "users", col("price", "NUMERIC(10,2)", true),
                col("price", "NUMERIC(12,2)", false, "0"));
        List<Finding> together = lint(SQLITE, migration(TO_NOT_NULL, name, price)).findings().stream()
                .filter(f -> f.rule().equals("sqlite-rebuild")).toList();
        assertEquals(1, together.size(), together.toString());
        assertEquals(1, together.get(0).step());
        assertTrue(together.get(0).message().contains("rebuilds table users once for steps 1 to 3 ("
                + TO_NOT_NULL.describe() + ", " + name.describe() + ", " + price.describe() + ")"),
                together.get(0).message());

        AlterColumn orders = new AlterColumn(null, "orders", col("user_id", "BIGINT", true), col("user_id", "BIGINT",
                false, "0"));
        List<Integer> apart = lint(SQLITE, migration(TO_NOT_NULL, orders, name)).findings().stream()
                .filter(f -> f.rule().equals("sqlite-rebuild")).map(Finding::step).toList();
        assertEquals(List.of(1, 2, 3), apart, "another table's change in between ends the copy");

        Migration outside = new Migration("0002", "0001", "change", List.of(TO_NOT_NULL, name), List.of(), List.of(),
                true, null, null);
        assertEquals(List.of(1, 2), lint(SQLITE, outside).findings().stream()
                .filter(f -> f.rule().equals("sqlite-rebuild")).map(Finding::step).toList(),
                "outside a transaction each step is a rebuild of its own");
    }

    @Test
    void whatSqliteAltersInPlaceIsNoRebuild() {
        assertLacks(lint(SQLITE, migration(new AddColumn(null, "users", col("x", "INTEGER", true)))), "sqlite-rebuild");
        assertLacks(lint(SQLITE, migration(new CreateIndex(null, "users", index("ix", false, "email")))),
                "sqlite-rebuild");
        assertLacks(lint(SQLITE, migration(new CreateTable(newTable("tmp")), new AlterColumn(null, "tmp",
                col("code", "VARCHAR(10)", true), col("code", "VARCHAR(10)", false, "'x'")))), "sqlite-rebuild");
        assertLacks(lint(PG, migration(TO_NOT_NULL)), "sqlite-rebuild");
    }

    @Test
    void dependentsOfARebuiltTableAreNamedWhenTheDatabaseTells() {
        assertLacks(lint(SQLITE, migration(TO_NOT_NULL)), "sqlite-rebuild-dependents");
        var facts = new LintFacts(Map.of(".users", 5L), 1000, Map.of(".users", List.of("view active_users",
                "trigger users_audit")));
        Finding f = single(lint(SQLITE, facts, migration(TO_NOT_NULL)), "sqlite-rebuild-dependents");
        assertTrue(f.message().contains("view active_users, trigger users_audit"), f.message());
    }

    @Test
    void renamesBreakThePreviousRelease() {
        for (String db : LintFixture.EVERY) {
            assertHas(lint(db, migration(new RenameTable(null, "users", "members"))), "deploy-rename-table");
            assertHas(lint(db, migration(new RenameColumn(null, "users", "email", "mail"))), "deploy-rename-column");
        }
        assertLacks(lint(PG, migration(new CreateTable(newTable("tmp")), new RenameTable(null, "tmp", "tmp2"),
                new RenameColumn(null, "tmp2", "code", "kode"))), "deploy-rename-table", "deploy-rename-column");
    }

    @Test
    void renamedTablesKeepTheirRowsForLaterSteps() {
        var facts = LintFixture.rows(7, 0);
        var report = lint(PG, facts, migration(new RenameTable(null, "users", "members"),
                new AddColumn(null, "members", col("age", "INTEGER", false))));
        Finding f = single(report, "not-null-without-default");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("members", f.table());
        assertEquals(2, f.step());
    }

    @Test
    void notNullWithADefaultDoesNotBreakThePreviousRelease() {
        assertLacks(lint(PG, migration(TO_NOT_NULL)), "deploy-not-null");
        assertHas(lint(PG, migration(new AlterColumn(null, "users", col("email", "VARCHAR(100)", true),
                col("email", "VARCHAR(100)", false)))), "deploy-not-null");
    }
}
