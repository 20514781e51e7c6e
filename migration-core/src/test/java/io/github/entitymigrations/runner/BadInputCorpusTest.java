package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.Replay;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.runner.BadInputCorpus.Mutation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attack suite's bad-input corpus: every broken variant of a valid migration file is refused by
 * {@code check} and by {@code upgrade} on PostgreSQL and SQLite with one message naming the file and no
 * stack trace or Java name, and the database is left exactly as it was (no version table, no table).
 */
class BadInputCorpusTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    static List<Mutation> mutations() {
        return BadInputCorpus.all();
    }

    static Stream<Arguments> onEachDatabase() {
        List<Arguments> cases = new ArrayList<>();
        for (Mutation m : BadInputCorpus.all()) {
            for (Kind kind : Kind.values()) {
                cases.add(Arguments.of(m, kind));
            }
        }
        return cases.stream();
    }

    @Test
    void theCorpusHasAtLeastFortyDistinctMutations() {
        List<Mutation> all = mutations();
        assertTrue(all.size() >= 40, all.size() + " mutations");
        assertEquals(all.size(), all.stream().map(Mutation::label).distinct().count());
    }

    /** Without this, a mutation could be refused for a reason the valid file has too. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theValidFilePassesCheckAndUpgrades(Kind kind) throws Exception {
        Path dir = write(new Mutation("valid", BadInputCorpus.FILE, BadInputCorpus.validText().getBytes()));
        assertEquals(List.of(), workspace(dir).check());
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(MigrationChain.loadForRunner(dir)).upgrade("head");
        assertEquals(List.of("0001"), db.appliedIds());
        assertEquals(List.of("1|Alice"), db.query("select id, name from customer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void checkRefusesNamingTheFile(Mutation m) throws IOException {
        Path dir = write(m);
        MigrationException e = assertThrows(MigrationException.class, () -> workspace(dir).check());
        assertClear(e, m);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("onEachDatabase")
    void upgradeRefusesNamingTheFileAndChangesNothing(Mutation m, Kind kind) throws Exception {
        Path dir = write(m);
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(MigrationChain.loadForRunner(dir), Console.SILENT).upgrade("head"));
        assertClear(e, m);
        assertFalse(db.hasVersionTable(), "no version table may be created: " + m);
        assertEquals(List.of(), db.schema(), "no table may be created: " + m);
    }

    private static void assertClear(MigrationException e, Mutation m) {
        String message = e.getMessage();
        assertTrue(message.contains(m.fileName()), m + ": " + message);
        for (String javaName : List.of("Exception", "at io.github", "\tat ", "io.github.", "java.", "com.fasterxml")) {
            assertFalse(message.contains(javaName), m + " says " + javaName + ": " + message);
        }
        assertTrue(message.length() < 4000, m + ": a message of " + message.length() + " characters");
        assertEquals(Optional.empty(), MavenOnlyText.in(message), m + " gives Maven advice outside Maven: " + message);
    }

    private Path write(Mutation m) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        Files.write(dir.resolve(m.fileName()), m.bytes());
        return dir;
    }

    /** A workspace whose entity snapshot is what the valid file creates: only the mutation can fail check. */
    private Workspace workspace(Path dir) throws IOException {
        Path snapshot = tmp.resolve("schema.json");
        Files.writeString(snapshot, SchemaJson.write(Replay.of(List.of(new MigrationFile(dir.resolve("valid.json"),
                BadInputCorpus.valid())))));
        return new Workspace(dir, snapshot, Console.SILENT);
    }
}
