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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration applied by the version before {@code sql} steps kept their empty statement lists in the canonical
 * JSON (so its recorded checksum was taken without them) still matches its unchanged file: updating the plugin
 * must not turn every applied data migration with {@code "downgrade" : { "*" : [ ] }} into an "edited" one. An
 * edited file is still caught.
 */
class EarlierChecksumTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    /** A data migration as a user writes it, with empty lists for "nothing to do". */
    private static final String FILE = """
            { "id": "0001", "message": "backfill",
              "upgrade": [
                { "op": "sql", "upgrade": { "*": [ "create table t (id integer)" ] }, "downgrade": { "*": [ "drop table t" ] } },
                { "op": "sql", "upgrade": { "*": [ "insert into t values (1)" ] }, "downgrade": { "*": [ ] } },
                { "op": "sql", "upgrade": { "postgresql": [ "select 1" ], "sqlite": [ ] }, "irreversible": true } ],
              "downgrade": [ ] }
            """;

    /** What the earlier version recorded for {@link #FILE} (its canonical JSON left the empty lists out). */
    private static final String RECORDED_BEFORE = "ab67338bb1644d5646ed137c1770d1b2be6aded1b4c4cb52cda6f8a909bd74e0";

    @TempDir
    Path tmp;

    /** Not on MariaDB/MySQL: the earlier version did not support them, so it applied nothing there. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aMigrationAppliedByTheEarlierVersionStillMatches(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Path dir = Files.createDirectories(tmp.resolve("m-" + kind));
        Files.writeString(dir.resolve("0001_backfill.json"), FILE);
        MigrationChain chain = MigrationChain.loadForRunner(dir);
        db.migrator(chain).upgrade("head");
        db.execute("update entity_migrations_history set checksum = '" + RECORDED_BEFORE + "'");

        RecordingConsole console = new RecordingConsole();
        db.migrator(MigrationChain.loadForRunner(dir), console).upgrade("head");
        assertTrue(console.toString().contains("Nothing to do: the database is at 0001 (head)."), console.toString());

        Files.writeString(dir.resolve("0001_backfill.json"), FILE.replace("values (1)", "values (2)"));
        String edited = assertThrows(MigrationException.class,
                () -> db.migrator(MigrationChain.loadForRunner(dir)).upgrade("head")).getMessage();
        assertTrue(edited.contains("0001_backfill.json was changed after it was applied"), edited);
        assertEquals(1, db.query("select count(*) from t").size());
    }
}
