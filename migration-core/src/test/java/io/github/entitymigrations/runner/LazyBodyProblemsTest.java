package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database goals parse a migration's steps only when they need them. A file whose steps are broken
 * while its header reads fine must still stop every goal that needs them before it changes anything.
 */
class LazyBodyProblemsTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** Two good migrations, then a third whose column's "nullable" is a number. */
    private Path migrations() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        String good = BadInputCorpus.validText();
        Files.writeString(dir.resolve(BadInputCorpus.FILE), good);
        Files.writeString(dir.resolve("0002_note.json"), """
                { "id" : "0002", "parent" : "0001", "message" : "note", "upgrade" : [ ], "downgrade" : [ ] }
                """);
        Files.writeString(dir.resolve("0003_broken.json"), """
                { "id" : "0003", "parent" : "0002", "message" : "broken", "upgrade" : [ { "op" : "add_column",
                  "table" : "orders", "column" : { "name" : "note", "nullable" : 1, "type" : "VARCHAR(10)" } } ],
                  "downgrade" : [ ] }
                """);
        return dir;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampPastABrokenFileKeepsTheVersionRowsAsTheyWere(Kind kind) throws Exception {
        Path dir = migrations();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(MigrationChain.loadForRunner(dir)).upgrade("0002");
        List<Applied> before = db.versionRows();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(MigrationChain.loadForRunner(dir)).stamp("head"));

        assertTrue(e.getMessage().contains("0003_broken.json: upgrade[0].column.nullable must be true or false"),
                e.getMessage());
        assertEquals(before, db.versionRows(), "stamp must change nothing when a file cannot be read");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradeThroughABrokenFileRunsNothing(Kind kind) throws Exception {
        Path dir = migrations();
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(MigrationChain.loadForRunner(dir)).upgrade("0001");
        List<String> schema = db.schema();

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(MigrationChain.loadForRunner(dir)).upgrade("head"));

        assertTrue(e.getMessage().contains("0003_broken.json"), e.getMessage());
        assertEquals(List.of("0001"), db.appliedIds(), "0002 must not run either: everything is planned first");
        assertEquals(schema, db.schema());
    }
}
