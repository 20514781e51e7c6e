package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** generate with backfill entries: they fill the columns they name, and one that names none is refused. */
@ExtendWith(MavenAdviceInUse.class)
class WorkspaceBackfillTest {

    @TempDir
    Path project;
    Path migrations;
    Path snapshotFile;
    Workspace workspace;

    @BeforeEach
    void setUp() {
        migrations = project.resolve("migrations");
        snapshotFile = project.resolve("schema.json");
        workspace = new Workspace(migrations, snapshotFile, new Fixtures.RecordingConsole());
        Fixtures.write(migrations, Fixtures.migration("0001", null, "create customers", new CreateTable(
                table("customers", id(), column("name", varchar(40), true), column("nickname", varchar(40), true)))));
        Column tightened = column("nickname", varchar(40), false);
        Fixtures.snapshot(snapshotFile, Fixtures.schema(table("customers", id(), column("name", varchar(40), true),
                tightened, column("code", varchar(10), false))));
    }

    @Test
    void entriesFillTheColumnsTheyNameSeparatedBySemicolons() {
        Path file = workspace.generate("tighten", BackfillEntries.parse(List.of(
                "Customers.Nickname = coalesce(name, 'a;b'); customers.code='C-' || id"))).orElseThrow();
        Migration m = Fixtures.read(file);
        List<String> updates = m.upgrade().stream().filter(Sql.class::isInstance)
                .map(op -> ((Sql) op).upgrade().get("*").get(0)).toList();
        assertEquals(List.of("update customers set nickname = coalesce(name, 'a;b') where nickname is null",
                "update customers set code = 'C-' || id where code is null"), updates);
        assertTrue(m.warnings().isEmpty(), m.warnings()::toString);
        assertEquals(List.of(), MigrationSafety.problems(MigrationChain.load(migrations).migrations().get(1)));
    }

    @Test
    void anEntryNamingNoColumnThatNeedsOneIsRefusedAndNothingIsWritten() {
        MigrationException e = assertThrows(MigrationException.class, () -> workspace.generate("tighten",
                BackfillEntries.parse(List.of("customers.nickame='x'"))));
        assertEquals("The backfill for customers.nickame names no column that needs one in this migration (a column "
                + "made NOT NULL, or added NOT NULL without a default, on a table that already exists); the columns "
                + "that could use one: customers.code, customers.nickname. Nothing was written", e.getMessage());
        assertEquals(List.of("0001_create_customers.json"), Fixtures.fileNames(migrations));
        MigrationException unchanged = assertThrows(MigrationException.class, () -> workspace.generate("tighten",
                BackfillEntries.parse(List.of("customers.name='x'"))));
        assertTrue(unchanged.getMessage().contains("The backfill for customers.name names no column"));
    }

    @Test
    void malformedEntriesAreRefused() {
        assertTrue(assertThrows(MigrationException.class, () -> BackfillEntries.parse(List.of("nickname='x'")))
                .getMessage().contains("is not table.column=<SQL expression>"));
        assertTrue(assertThrows(MigrationException.class, () -> BackfillEntries.parse(List.of("customers.code=")))
                .getMessage().contains("is not table.column=<SQL expression>"));
        assertTrue(assertThrows(MigrationException.class, () -> BackfillEntries.parse(List.of("customers.code=(1")))
                .getMessage().contains("must be one SQL expression"));
        assertTrue(assertThrows(MigrationException.class, () -> BackfillEntries.parse(
                List.of("customers.code='a'", "CUSTOMERS.CODE='b'"))).getMessage().contains("Two backfills name"));
    }
}
