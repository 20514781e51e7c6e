package io.github.entitymigrations.bench.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply benchmark's input is valid: our chain of generated migrations loads and upgrades a real SQLite
 * database, and Flyway, Liquibase and raw JDBC, running the SQL rendered from it, produce the same tables
 * and columns. No timing here.
 */
class GeneratorTest {

    private static final int COUNT = 20;

    @TempDir
    Path dir;

    @Test
    void isDeterministicAndUsesEveryKindOfOperation() {
        List<Migration> a = Generator.migrations(COUNT, Generator.SEED);
        List<Migration> b = Generator.migrations(COUNT, Generator.SEED);
        assertEquals(a.stream().map(MigrationJson::write).toList(), b.stream().map(MigrationJson::write).toList());
        List<Migration> many = Generator.migrations(200, Generator.SEED);
        for (Class<?> kind : List.of(CreateTable.class, CreateIndex.class, AddForeignKey.class)) {
            assertTrue(many.stream().flatMap(m -> m.upgrade().stream()).anyMatch(kind::isInstance), kind.getSimpleName());
        }
        assertTrue(many.stream().allMatch(m -> !m.upgrade().isEmpty() && m.upgrade().size() <= 5));
    }

    @Test
    void everyToolBuildsTheSameSchemaOnSqlite() throws Exception {
        Generator.Fixture fixture = Generator.write(dir.resolve("fixture"), COUNT, Generator.SEED);
        try (Stream<Path> files = Files.list(fixture.json())) {
            assertEquals(COUNT, files.count());
        }
        assertEquals(COUNT, MigrationChain.load(fixture.json()).migrations().size());

        String ours = url("ours");
        new Migrator(new Database(ours, null, null, null), MigrationChain.load(fixture.json()), Console.SILENT)
                .upgrade("head");
        Set<String> expected = Inventory.columns(ours);
        assertFalse(expected.isEmpty());
        Inventory.require(ours, fixture.tables(), fixture.columns(), "ours");

        String flyway = url("flyway");
        ApplyTasks.flyway(List.of(flyway, fixture.flyway("sqlite").toString()));
        assertEquals(expected, Inventory.columns(flyway));

        String liquibase = url("liquibase");
        ApplyTasks.liquibase(List.of(liquibase, fixture.liquibase("sqlite").toString()));
        assertEquals(expected, Inventory.columns(liquibase));

        String jdbc = url("jdbc");
        ApplyTasks.jdbc(List.of(jdbc, fixture.jdbc("sqlite").toString()));
        assertEquals(expected, Inventory.columns(jdbc));

        // A second run of each tool finds nothing to do and changes nothing.
        new Migrator(new Database(ours, null, null, null), MigrationChain.load(fixture.json()), Console.SILENT)
                .upgrade("head");
        ApplyTasks.flyway(List.of(flyway, fixture.flyway("sqlite").toString()));
        ApplyTasks.liquibase(List.of(liquibase, fixture.liquibase("sqlite").toString()));
        assertEquals(expected, Inventory.columns(ours));
        assertEquals(expected, Inventory.columns(flyway));
        assertEquals(expected, Inventory.columns(liquibase));
    }

    private String url(String name) {
        return "jdbc:sqlite:" + dir.resolve(name + ".db");
    }
}
