package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.PG;
import static io.github.entitymigrations.lint.LintFixture.assertLacks;
import static io.github.entitymigrations.lint.LintFixture.col;
import static io.github.entitymigrations.lint.LintFixture.lint;
import static io.github.entitymigrations.lint.LintFixture.migration;
import static io.github.entitymigrations.lint.LintFixture.newTable;
import static io.github.entitymigrations.lint.LintFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** irreversible-sql-no-rollback: a sql step the runner cannot undo in a migration that runs step by step. */
class UndoRulesTest {

    private static final Sql IRREVERSIBLE = new Sql(Map.of("*", List.of("update users set name = 'x'")), Map.of(),
            true, List.of());
    private static final Sql POSTGRES_ONLY_UNDO = new Sql(Map.of("*", List.of("update users set name = 'x'")),
            Map.of("postgresql", List.of("update users set name = 'anon'")), false, List.of());
    private static final AddColumn DDL = new AddColumn(null, "users", col("x", "INTEGER", true));

    @Test
    void onMariaDbAndMysqlAMigrationWithDdlRunsStepByStep() {
        for (String dialect : List.of("mariadb", "mysql")) {
            Finding f = single(lint(dialect, migration(IRREVERSIBLE, DDL)), "irreversible-sql-no-rollback");
            assertEquals(1, f.step());
            assertEquals(Severity.WARNING, f.severity());
            assertTrue(f.message().contains("it is marked irreversible") && f.message().contains(dialect
                    + " commits each DDL statement at once"), f.message());
            Finding other = single(lint(dialect, migration(new CreateTable(newTable("t")), POSTGRES_ONLY_UNDO)),
                    "irreversible-sql-no-rollback");
            assertTrue(other.message().contains("its downgrade has no statements for " + dialect), other.message());
        }
    }

    @Test
    void dataStepsOnlyRunInOneTransactionEvenOnMariaDb() {
        assertLacks(lint("mariadb", migration(IRREVERSIBLE, POSTGRES_ONLY_UNDO)), "irreversible-sql-no-rollback");
    }

    @Test
    void onPostgresqlOnlyAnOutsideTransactionMigrationRunsStepByStep() {
        assertLacks(lint(PG, migration(IRREVERSIBLE, DDL)), "irreversible-sql-no-rollback");
        assertLacks(lint(PG, outside(POSTGRES_ONLY_UNDO, DDL)), "irreversible-sql-no-rollback");
        Finding f = single(lint(PG, outside(IRREVERSIBLE, DDL)), "irreversible-sql-no-rollback");
        assertTrue(f.message().contains("the migration runs outside a transaction"), f.message());
        assertLacks(lint(PG, outside(DDL)), "irreversible-sql-no-rollback");
    }

    private static Migration outside(Operation... ops) {
        return new Migration("0002", "0001", "change", List.of(ops), List.of(), List.of(), true, "5s", null);
    }
}
