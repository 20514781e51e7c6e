package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Severity;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lint of the pending migrations with the database's facts, on a real database: a NOT NULL column without a default
 * on a table with rows is an error naming the count, a warning without a database (-Dfrom) and nothing on an empty
 * table; SQLite's rebuild names the table's rows and the views and triggers it re-creates; a MariaDB/MySQL table copy
 * names its rows. Nothing is changed.
 */
class LintRunTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private MigrationHistory history() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("customers", new CreateTable(table("customer", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
        h.add("age", new AddColumn(null, "customer", col("age", INTEGER).notNull().build()),
                new CreateIndex(null, "customer", new Index("ix_customer_name", List.of("name"), false)));
        return h;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDatabaseRowsMakeANotNullColumnAnError(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history();
        db.migrator(h.chain()).upgrade("0001");
        db.execute("insert into customer (id, name) values (1, 'Ann')", "insert into customer (id, name) values (2, "
                + "'Bob')", "insert into customer (id, name) values (3, 'Cy')");

        LintReport report = LintRun.lint(db.database(), h.chain(), null, "head", Set.of(), Console.SILENT);
        assertEquals(List.of("0002"), report.migrations());
        assertTrue(report.facts());
        Finding notNull = only(report, "not-null-without-default");
        assertEquals(Severity.ERROR, notNull.severity());
        assertTrue(notNull.message().contains("the table has 3 rows, so it fails"), notNull.message());
        assertEquals(kind == Kind.POSTGRESQL, has(report, "pg-index-not-concurrent"));
        assertEquals(List.of("0001"), db.appliedIds(), "lint changes nothing");

        LintReport offline = LintRun.lint(db.database(), h.chain(), "0001", "head", Set.of(), Console.SILENT);
        assertEquals(Severity.WARNING, only(offline, "not-null-without-default").severity());

        db.execute("delete from customer");
        LintReport empty = LintRun.lint(db.database(), h.chain(), null, "head", Set.of(), Console.SILENT);
        assertTrue(!has(empty, "not-null-without-default"), empty.findings().toString());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "SQLITE")
    void aSqliteRebuildNamesItsRowsAndTheViewsAndTriggersItRecreates(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history();
        db.migrator(h.chain()).upgrade("0001");
        db.execute("create table audit (customer_id bigint)", "insert into customer (id, name) values (1, 'Ann')",
                "create view customer_names as select name from customer",
                "create trigger customer_audit after insert on customer begin insert into audit values (new.id); end",
                "create view unrelated as select 1 as one");

        LintReport report = LintRun.lint(db.database(), h.chain(), null, "head", Set.of(), Console.SILENT);
        Finding rebuild = only(report, "sqlite-rebuild");
        assertEquals(Severity.INFO, rebuild.severity());
        assertTrue(rebuild.message().startsWith("rebuilds table customer (1 row) to add column"), rebuild.message());
        Finding dependents = only(report, "sqlite-rebuild-dependents");
        assertTrue(dependents.message().contains("view customer_names, trigger customer_audit;"), dependents.message());
        assertTrue(!dependents.message().contains("unrelated"), dependents.message());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aTableCopyOnMariaDbNamesTheRowsWhoseWritesWait(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history();
        h.add("longer names", new AlterColumn(null, "customer", MigrationHistory.column("name", varchar(50), true, null),
                MigrationHistory.column("name", varchar(200), true, null)));
        db.migrator(h.chain()).upgrade("0002");
        db.execute("insert into customer (id, name, age) values (1, 'Ann', 30)", "insert into customer (id, name, age) "
                + "values (2, 'Bob', 40)");

        LintReport report = LintRun.lint(db.database(), h.chain(), null, "head", Set.of(), Console.SILENT);
        assertEquals(List.of("0003"), report.migrations());
        assertEquals("changes column customer.name from VARCHAR(50) to VARCHAR(200): the table (2 rows) is copied "
                + "(ALGORITHM=COPY) and writes to it wait", only(report, "mysql-type-copy").message());
        assertEquals(List.of("mysql-type-copy"), report.active().stream().map(Finding::rule).toList());
        assertEquals(List.of("0001", "0002"), db.appliedIds(), "lint changes nothing");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseNotMadeYetHasEveryMigrationPendingAndNoFacts(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        LintReport report = LintRun.lint(db.database(), history().chain(), null, "head", Set.of(), Console.SILENT);
        assertEquals(List.of("0001", "0002"), report.migrations());
        assertEquals(Severity.WARNING, only(report, "not-null-without-default").severity());
    }

    private static boolean has(LintReport report, String rule) {
        return report.active().stream().anyMatch(f -> f.rule().equals(rule));
    }

    private static Finding only(LintReport report, String rule) {
        List<Finding> found = report.active().stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, found.size(), () -> rule + " in " + report.findings());
        return found.get(0);
    }
}
