package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link MigrationSource} of an integration's own (as Spring's resource loader would supply): its files are
 * read and checked as a directory's are, and named by their origin.
 */
class CustomSourceTest {

    @TempDir
    Path tmp;

    /** Files held in memory, listed in reverse order (a source owes no order). */
    private static MigrationSource inMemory(List<String[]> files) {
        return new MigrationSource() {
            @Override
            public String describe() {
                return "memory:db/migrations";
            }

            @Override
            public List<Resource> resources() {
                List<Resource> resources = new ArrayList<>();
                for (String[] f : files) {
                    byte[] bytes = f[1].getBytes(StandardCharsets.UTF_8);
                    resources.add(0, new Resource(f[0], "memory:" + f[0], null, () -> new ByteArrayInputStream(bytes)));
                }
                return resources;
            }
        };
    }

    private static List<String[]> files(int count) {
        List<String[]> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new String[] {Fixtures.fileName(i), Fixtures.json(i)});
        }
        return files;
    }

    @Test
    void migrationsFromASourceOfOnesOwnAreApplied() {
        EntityMigrations m = EntityMigrations.configure().dataSource(Db.sqlite(tmp.resolve("app.db")).dataSource())
                .source(inMemory(files(3))).classLoader(Fixtures.NO_SNAPSHOT).console(Console.SILENT).load();
        assertEquals(List.of("0001", "0002", "0003"), m.pending());
        m.upgrade();
        assertEquals("0003", m.current());
    }

    @Test
    void aBrokenFileOfASourceIsReportedWithTheChainsOtherProblems() {
        List<String[]> files = files(3);
        files.set(1, new String[] {files.get(1)[0], "{ \"id\" : "});
        files.add(new String[] {"notes.txt", "ignored: not named like a migration"});
        files.add(new String[] {"0009_x.json", Fixtures.json(0).replace("\"0001\"", "\"0009\"")});
        MigrationChain.ChainException e = assertThrows(MigrationChain.ChainException.class,
                () -> MigrationChain.load(inMemory(files)));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("0002_add_email.json: "), e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("Several migrations have no parent: 0001_create_users.json, "
                + "0009_x.json"), e.problems().get(1));
    }

    @Test
    void aSourceThatCannotListSaysSo() {
        MigrationSource failing = new MigrationSource() {
            @Override
            public String describe() {
                return "nowhere:db";
            }

            @Override
            public List<Resource> resources() {
                throw new MigrationException("No migrations at nowhere:db");
            }
        };
        MigrationException e = assertThrows(MigrationException.class, () -> EntityMigrations.configure()
                .url("jdbc:sqlite:" + tmp.resolve("app.db"), null, null).source(failing).load());
        assertEquals("No migrations at nowhere:db", e.getMessage());
    }
}
