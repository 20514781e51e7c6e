package io.github.entitymigrations.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.bench.compile.EntityGenerator;
import io.github.entitymigrations.bench.compile.Javac;
import io.github.entitymigrations.bench.rebuild.RebuildFixture;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' inputs are what they claim to be (no timing here). */
class GeneratorsTest {

    @TempDir
    Path dir;

    @Test
    void generatedEntitiesCompileWithOurProcessorIntoTheExpectedTables() throws Exception {
        EntityGenerator generator = new EntityGenerator(30);
        List<Path> sources = generator.write(dir.resolve("src"));
        Path api = Path.of(jakarta.persistence.Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = dir.resolve("classes");

        Javac.compile(sources, List.of(api), null, List.of(new EntityMigrationsProcessor()), out);

        // One full block of 20 (14 ordinary with 2 join tables and a collection table, a SINGLE_TABLE hierarchy
        // in one table, a JOINED one in three) and 10 ordinary entities with one join and one collection table.
        assertEquals(33, generator.expectedTables());
        Schema schema = SchemaJson.read(Files.readString(out.resolve("META-INF/entity-migrations/schema.json")));
        assertEquals(generator.expectedTables(), schema.tables().size(), () -> schema.tables().stream()
                .map(t -> t.name()).toList().toString());
    }

    @Test
    void handWrittenRebuildScriptAndOurMigrationGiveTheSameTable() throws Exception {
        int rows = 200;
        RebuildFixture.Prepared prepared = RebuildFixture.prepare(dir.resolve("fixture"), rows);
        for (Map.Entry<RebuildFixture.Change, Path> e : prepared.migrations().entrySet()) {
            Path ours = dir.resolve("ours-" + e.getKey() + ".db");
            Path hand = dir.resolve("hand-" + e.getKey() + ".db");
            Files.copy(prepared.database(), ours, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(prepared.database(), hand, StandardCopyOption.REPLACE_EXISTING);

            new Migrator(new Database("jdbc:sqlite:" + ours, null, null, null), MigrationChain.load(e.getValue()),
                    Console.SILENT).upgrade("head");
            RebuildFixture.runScript(hand, e.getKey());

            RebuildFixture.verify(ours, e.getKey(), rows);
            RebuildFixture.verify(hand, e.getKey(), rows);
            assertEquals(RebuildFixture.describe(hand), RebuildFixture.describe(ours), e.getKey().toString());
            assertEquals(rows(hand), rows(ours), e.getKey().toString());
        }
    }

    /** Every row, each value with its storage class. */
    private static List<String> rows(Path database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet r = c.createStatement().executeQuery("select * from items order by id")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    b.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value).append('|');
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }
}
