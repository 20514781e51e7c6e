package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** check (and generate, merge) refuses what upgrade would refuse, with one validation of the whole history. */
class ChainValidationTest {

    @TempDir
    Path project;
    Path dir;
    Path snapshot;
    Fixtures.RecordingConsole console;
    Workspace workspace;

    @BeforeEach
    void setUp() {
        dir = project.resolve("migrations");
        snapshot = project.resolve("schema.json");
        console = new Fixtures.RecordingConsole();
        workspace = new Workspace(dir, snapshot, console);
    }

    private static String create(String column, String type) {
        return """
                { "id" : "0001", "message" : "create t",
                  "upgrade" : [ { "op" : "create_table", "table" : { "name" : "t", "columns" : [
                    { "name" : "id", "nullable" : false, "type" : "BIGINT" },
                    { "name" : "%s", "nullable" : true, "type" : "%s" } ] } } ],
                  "downgrade" : [ ] }
                """.formatted(column, type);
    }

    @Test
    void anUnknownColumnTypeFailsCheckAsItFailsUpgrade() {
        writeText(dir.resolve("0001_create_t.json"), create("name", "VARCHR(40)"));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("0001_create_t.json: unknown column type \"VARCHR\" in \"VARCHR(40)\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("line 4, column"), e.getMessage());
        assertThrows(MigrationException.class, () -> workspace.generate("next"));
    }

    @Test
    void anEmptyOrBlankColumnNameFailsCheck() {
        writeText(dir.resolve("0001_create_t.json"), create("", "VARCHAR(40)"));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("0001_create_t.json: upgrade[0].table.columns[1].name is empty (line 4, "
                + "column 16); a name needs at least one visible character"), e.getMessage());
        writeText(dir.resolve("0001_create_t.json"), create("  ", "VARCHAR(40)"));
        e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("table.columns[1].name is blank"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"name\" : \"\"                                                        | upgrade[0].table.name is empty",
        "\"name\" : \"t\", \"primaryKey\" : { \"name\" : \" \", \"columns\" : [ \"id\" ] } | upgrade[0].table.primaryKey.name is blank",
        "\"name\" : \"t\", \"primaryKey\" : { \"name\" : \"pk\", \"columns\" : [ \"\" ] } | upgrade[0].table.primaryKey.columns[0] is empty",
        "\"name\" : \"t\", \"indexes\" : [ { \"name\" : \"\", \"columns\" : [ \"id\" ] } ] | upgrade[0].table.indexes[0].name is empty",
    })
    void emptyTableKeyAndIndexNamesFailCheck(String table, String problem) {
        writeText(dir.resolve("0001_create_t.json"), create("name", "VARCHAR(40)").replace("\"name\" : \"t\"", table));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("0001_create_t.json: " + problem), e.getMessage());
    }

    @Test
    void aNumberWhereSqlIsExpectedFailsCheck() {
        writeText(dir.resolve("0001_data.json"), """
                { "id" : "0001", "message" : "data",
                  "upgrade" : [ { "op" : "sql", "upgrade" : { "*" : [ 42 ] }, "irreversible" : true } ] }
                """);
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("0001_data.json: upgrade[0].upgrade.*[0] must be a string (at "
                + "upgrade[0].upgrade.*[0], line 2"), e.getMessage());
    }

    @Test
    void aTypeNoDatabaseHasFailsCheckNamingTheFileAndStep() {
        writeText(dir.resolve("0001_create_t.json"), create("data", "OTHER"));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("Migration 0001 (0001_create_t.json), upgrade step 1 (create table t (2 "
                + "columns)) cannot run on any database: postgresql: column data has type OTHER"), e.getMessage());
        assertTrue(e.getMessage().contains("sqlite: SQLite has no type for OTHER"), e.getMessage());
    }

    @Test
    void aStepOnlySqliteCannotRunIsNotedNotAFailure() {
        Table billing = new Table("billing", "invoices", false, null, List.of(), List.of(id()),
                new PrimaryKey("pk_invoices", List.of("id")), List.of(), List.of(), List.of(), List.of());
        Fixtures.write(dir, migration("0001", null, "billing", new CreateTable(billing)));
        Fixtures.snapshot(snapshot, Fixtures.schema(billing));

        assertEquals(List.of(), workspace.check());

        assertEquals(List.of(), console.warnings);
        assertEquals(List.of("2 step(s) cannot run on sqlite, which is fine if these migrations never run there (the "
                + "first: Migration 0001 (0001_billing.json), upgrade step 1 (create table billing.invoices (1 columns)): "
                + "SQLite has no schemas, so it cannot create table billing.invoices (1 columns) (schema billing); remove "
                + "the schema from the mapping (@Table(schema), @SequenceGenerator(schema)) for SQLite, or use "
                + "PostgreSQL)"), console.infos);
    }

    @Test
    void aDowngradeThatDoesNotFitFailsCheck() {
        writeText(dir.resolve("0001_create_t.json"), create("name", "VARCHAR(40)").replace("\"downgrade\" : [ ]",
                "\"downgrade\" : [ { \"op\" : \"drop_table\", \"table\" : { \"name\" : \"nope\", \"columns\" : [ ] } } ]"));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertTrue(e.getMessage().contains("Migration 0001 (0001_create_t.json), downgrade step 1 (drop table nope) "
                + "does not fit the schema its upgrade produces"), e.getMessage());
    }

    @Test
    void everyProblemOfTheHistoryIsListedAtOnce() {
        Table billing = new Table("billing", "invoices", false, null, List.of(), List.of(id()), null, List.of(),
                List.of(), List.of(), List.of());
        Fixtures.write(dir, migration("0001", null, "billing", new CreateTable(billing)));
        Column other = new Column("data", ColumnType.of("OTHER"), true, false, null, null, false, null);
        Fixtures.write(dir, migration("0002", "0001", "data", new AddColumn("billing", "invoices", other)));
        Column more = new Column("more", ColumnType.of("ARRAY"), true, false, null, null, false, null);
        Fixtures.write(dir, migration("0003", "0002", "more", new AddColumn("billing", "invoices", more)));
        MigrationException e = assertThrows(MigrationException.class, workspace::check);
        assertEquals(2, e.getMessage().split("\n  - ").length - 1, e.getMessage());
    }

    /**
     * Steps are rendered in parallel, in batches: the errors still come in the history's order, a step that does not
     * fit (found while replaying) after the rendering errors of the steps before it, across a batch's end too.
     */
    @Test
    void errorsKeepTheHistorysOrderAcrossRenderingBatches() {
        String parent = null;
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 1100; i++) {
            String id = String.format("%04d", i);
            Table t = Fixtures.table("t" + i, id(), Fixtures.column("name", Fixtures.varchar(40), true));
            List<Operation> ops = new ArrayList<>(List.of(new CreateTable(t)));
            if (i % 300 == 0) {
                ops.add(new AddColumn(null, "t" + i, new Column("data", ColumnType.of("OTHER"), true, false, null, null,
                        false, null)));
                expected.add("Migration " + id + " (" + id + "_m.json), upgrade step 2 (");
            }
            Fixtures.write(dir, new Migration(id, parent, "m", ops, List.of(), List.of()));
            parent = id;
        }
        Table gone = Fixtures.table("gone", id());
        Fixtures.write(dir, migration("1101", "1100", "m", new DropTable(gone)));
        expected.add("Migration 1101 (1101_m.json), upgrade step 1 (");

        ChainValidation.Result result = ChainValidation.of(MigrationChain.load(dir));

        assertEquals(expected.size(), result.errors().size(), String.join("\n", result.errors()));
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(result.errors().get(i).startsWith(expected.get(i)), i + ": " + result.errors().get(i));
            assertTrue(result.errors().get(i).contains(i < expected.size() - 1 ? "cannot run on any database"
                    : "does not fit the schema"), i + ": " + result.errors().get(i));
        }
        assertEquals(null, result.schema());
    }

    /** A long history is checked in linear time: the same work per step as the runner's planning. */
    @Test
    void aThousandMigrationHistoryIsCheckedQuickly() {
        List<Table> tables = new ArrayList<>();
        String parent = null;
        for (int i = 1; i <= 1000; i++) {
            String id = String.format("%04d", i);
            Table t = Fixtures.table("t" + i, id(), Fixtures.column("name", Fixtures.varchar(40), true));
            tables.add(t);
            List<Operation> ops = List.of(new CreateTable(t));
            Fixtures.write(dir, new Migration(id, parent, "table " + i, ops, List.of(), List.of()));
            parent = id;
        }
        Fixtures.snapshot(snapshot, Fixtures.schema(tables, List.of()));
        workspace.check(); // warm up the JIT, as a second check in a long build would be
        long start = System.nanoTime();
        assertEquals(List.of(), workspace.check());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("check of 1000 migrations: " + ms + " ms");
        assertTrue(ms < 60_000, ms + " ms");
    }
}
