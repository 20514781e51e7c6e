package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a migrations directory: every file, every problem at once, each naming its file. */
class MigrationReaderTest {

    @TempDir
    Path dir;

    private static final Migration FIRST = migration("0001", null, "create users",
            new CreateTable(table("users", id())));
    private static final Migration SECOND = migration("0002", "0001", "add email",
            new AddColumn(null, "users", column("email", varchar(255), true)));

    @Test
    void aMissingDirectoryHasNoMigrations() {
        MigrationReader.Result read = MigrationReader.read(dir.resolve("nowhere"));
        assertEquals(List.of(), read.files());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void anEmptyDirectoryHasNoMigrations() {
        MigrationReader.Result read = MigrationReader.read(dir);
        assertEquals(List.of(), read.files());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void readsEveryMigrationInFileNameOrderAndIgnoresOtherFiles() {
        Path second = Fixtures.write(dir, SECOND);
        Path first = Fixtures.write(dir, FIRST);
        writeText(dir.resolve("README.md"), "# migrations\n");
        writeText(dir.resolve(".gitkeep"), "");

        MigrationReader.Result read = MigrationReader.read(dir);

        assertEquals(List.of(), read.problems());
        assertEquals(List.of(new MigrationFile(first, FIRST), new MigrationFile(second, SECOND)), read.files());
        assertEquals("0001_create_users.json", read.files().get(0).fileName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3_add_phone.json", "0003-add-phone.json", "0003_add phone.json", "0003.json",
        "add_phone.json", "0003_.json"})
    void aFileWithoutANumberedNameIsAProblem(String name) {
        writeText(dir.resolve(name), MigrationJson.write(FIRST));

        MigrationReader.Result read = MigrationReader.read(dir);

        assertEquals(List.of(name + ": not a migration file name; name it NNNN_description.json "
                + "(e.g. 0003_add_phone.json), or move it out of the migrations directory (every file there whose "
                + "name starts with a digit or ends in .json must be a migration)"), read.problems());
        assertEquals(List.of(), read.files());
    }

    @Test
    void aFileWithMoreThanFourDigitsIsFine() {
        Migration m = new Migration("12345", null, "big", null, null, null);
        Fixtures.write(dir, "12345_big.json", m);
        assertEquals(List.of(), MigrationReader.read(dir).problems());
    }

    @Test
    void unparsableJsonIsReportedWithLineAndColumn() {
        writeText(dir.resolve("0001_broken.json"), """
                {
                  "id" : "0001",
                  "message" :
                }
                """);

        assertEquals(List.of("0001_broken.json: cannot be read (at message, line 4, column 1): Unexpected character ('}' "
                + "(code 125)): expected a value"), MigrationReader.read(dir).problems());
    }

    @Test
    void anEmptyFileIsReported() {
        writeText(dir.resolve("0001_empty.json"), "");
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("0001_empty.json: is empty; a migration file holds one JSON object"),
                problems.get(0));
    }

    @Test
    void anUnknownOperationListsEveryKnownOne() {
        writeText(dir.resolve("0001_view.json"), "{ \"id\" : \"0001\", \"upgrade\" : [ { \"op\" : \"create_view\" } ] }");

        List<String> problems = MigrationReader.read(dir).problems();

        assertEquals(1, problems.size());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("0001_view.json: unknown operation \"create_view\" (at upgrade[0], line 1, column "), problem);
        for (String op : List.of("create_table", "drop_table", "rename_table", "add_column", "drop_column",
                "alter_column", "rename_column", "add_primary_key", "drop_primary_key", "add_unique", "drop_unique",
                "create_index", "drop_index", "add_check", "drop_check", "add_foreign_key", "drop_foreign_key",
                "create_sequence", "drop_sequence", "alter_sequence", "sql")) {
            assertTrue(problem.contains(op), op + " in " + problem);
        }
    }

    @Test
    void anIdThatDisagreesWithTheFileNameIsAProblem() {
        Fixtures.write(dir, "0002_add_email.json", migration("0003", "0001", "add email"));
        writeText(dir.resolve("0004_no_id.json"), "{ \"message\" : \"no id\" }");

        assertEquals(List.of(
                "0002_add_email.json: its \"id\" is \"0003\" but its file name says 0002; make them agree",
                "0004_no_id.json: its \"id\" is missing but its file name says 0004; make them agree"),
                MigrationReader.read(dir).problems());
    }

    @Test
    void anInvalidSqlStepSaysWhatItLacks() {
        writeText(dir.resolve("0001_data.json"), """
                { "id" : "0001", "upgrade" : [ { "op" : "sql", "upgrade" : { "*" : [ "update t set a = 1" ] } } ] }
                """);

        List<String> problems = MigrationReader.read(dir).problems();

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("0001_data.json: a sql step needs \"downgrade\" statements, or "
                + "\"irreversible\": true (at upgrade[0], line 1, column "), problems.get(0));
    }

    @Test
    void everyProblemIsReportedAtOnceAndGoodFilesAreStillRead() {
        Path first = Fixtures.write(dir, FIRST);
        writeText(dir.resolve("0002_broken.json"), "{ \"id\" : ");
        writeText(dir.resolve("0003_view.json"), "{ \"id\" : \"0003\", \"upgrade\" : [ { \"op\" : \"create_view\" } ] }");
        Fixtures.write(dir, "0004_wrong_id.json", migration("0005", "0003", "wrong id"));
        writeText(dir.resolve("0005_typo.json"), "{ \"id\" : \"0005\", \"parnet\" : \"0004\" }");
        writeText(dir.resolve("add_phone.json"), "{}");

        MigrationReader.Result read = MigrationReader.read(dir);

        assertEquals(List.of(new MigrationFile(first, FIRST)), read.files());
        List<String> problems = read.problems();
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("0002_broken.json: cannot be read (at id, line 1, column "), problems.get(0));
        assertTrue(problems.get(1).startsWith("0003_view.json: unknown operation \"create_view\""), problems.get(1));
        assertTrue(problems.get(2).startsWith("0004_wrong_id.json: its \"id\" is \"0005\""), problems.get(2));
        assertTrue(problems.get(3).startsWith("0005_typo.json: unknown property \"parnet\""), problems.get(3));
        assertTrue(problems.get(4).startsWith("add_phone.json: not a migration file name"), problems.get(4));
    }

    /** Like "nullable", a column's "type" cannot be left to a default: there is none. */
    @Test
    void aColumnWithoutATypeIsAProblem() {
        writeText(dir.resolve("0001_no_type.json"), """
                { "id" : "0001", "upgrade" : [ { "op" : "create_table", "table" : { "name" : "t",
                  "columns" : [ { "name" : "id", "nullable" : false } ] } } ] }
                """);

        MigrationReader.Result read = MigrationReader.read(dir);

        assertEquals(1, read.problems().size(), "read as " + read.files());
        assertTrue(read.problems().get(0).startsWith("0001_no_type.json: \"type\" is required but missing (at "
                + "upgrade[0].table.columns[0].type, line 2, column "), read.problems().get(0));
    }
}
