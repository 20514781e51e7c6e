package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classpath:} locations: a directory on the class path, a jar built here (as a packaged application
 * has its migrations), both merged, a name in two roots, a location nowhere; and the entity-snapshot check.
 */
class ClasspathLocationTest {

    @TempDir
    Path tmp;

    private static URLClassLoader loader(Path... roots) throws Exception {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null); // no parent: the test class path's snapshot stays out
    }

    private EntityMigrations load(ClassLoader loader) {
        return EntityMigrations.configure().dataSource(Db.sqlite(tmp.resolve("app.db")).dataSource())
                .classLoader(loader).console(Console.SILENT).load();
    }

    @Test
    void aDirectoryOnTheClassPath() throws Exception {
        Path classes = tmp.resolve("classes");
        Fixtures.migrations(classes.resolve("db/migrations"), 3);
        try (URLClassLoader loader = loader(classes)) {
            EntityMigrations m = load(loader);
            m.upgrade();
            assertEquals("0003", m.current());
        }
    }

    @Test
    void aJarOnTheClassPath() throws Exception {
        Path jar = Fixtures.jar(tmp.resolve("app.jar"), Fixtures.migrationEntries("db/migrations", 3));
        try (URLClassLoader loader = loader(jar)) {
            assertTrue(loader.getResource("db/migrations").toString().startsWith("jar:file:"));
            EntityMigrations m = load(loader);
            assertEquals(List.of("0001", "0002", "0003"), m.pending());
            m.upgrade();
            assertEquals("0003", m.current());
            assertEquals(List.of("entity_migrations_history", "orders", "users"),
                    Db.sqlite(tmp.resolve("app.db")).tables());
        }
    }

    @Test
    void aLocationGivenWithSlashesAndTheFilesystemPrefixAlsoWork() throws Exception {
        Path jar = Fixtures.jar(tmp.resolve("app.jar"), Fixtures.migrationEntries("db/migrations", 2));
        try (URLClassLoader loader = loader(jar)) {
            assertEquals(2, MigrationSource.of("classpath:/db/migrations/", loader).resources().size());
        }
        Path dir = Fixtures.migrations(tmp.resolve("dir"), 1);
        assertEquals(1, MigrationSource.of("filesystem:" + dir, null).resources().size());
        assertEquals(1, MigrationSource.of(dir.toString(), null).resources().size());
    }

    @Test
    void rootsHoldingOneLocationAreMerged() throws Exception {
        Path classes = tmp.resolve("classes");
        Fixtures.migrations(classes.resolve("db/migrations"), 2);
        Path jar = Fixtures.jar(tmp.resolve("more.jar"), java.util.Collections.singletonList(Fixtures.migrationEntries("db/migrations", 3).get(2)));
        try (URLClassLoader loader = loader(classes, jar)) {
            EntityMigrations m = load(loader);
            assertEquals(List.of("0001", "0002", "0003"), m.pending());
        }
    }

    @Test
    void oneFileNameInTwoRootsIsAnErrorNamingBoth() throws Exception {
        Path classes = tmp.resolve("classes");
        Fixtures.migrations(classes.resolve("db/migrations"), 2);
        Path jar = Fixtures.jar(tmp.resolve("old.jar"), Fixtures.migrationEntries("db/migrations", 1));
        try (URLClassLoader loader = loader(classes, jar)) {
            MigrationException e = assertThrows(MigrationException.class, () -> load(loader));
            assertTrue(e.getMessage().contains("0001_create_users.json is at "
                    + classes.resolve("db/migrations/0001_create_users.json").toUri() + " and at jar:file:"), e.getMessage());
            assertTrue(e.getMessage().contains("old.jar!/db/migrations/0001_create_users.json"), e.getMessage());
        }
    }

    @Test
    void aMissingLocationSaysWhatWasLookedFor() throws Exception {
        try (URLClassLoader loader = loader(Files.createDirectories(tmp.resolve("empty")))) {
            MigrationException e = assertThrows(MigrationException.class, () -> load(loader));
            assertTrue(e.getMessage().startsWith("No migrations at classpath:db/migrations: no directory or jar on the "
                    + "class path of "), e.getMessage());
            assertTrue(e.getMessage().contains("has \"db/migrations/\""), e.getMessage());
        }
        MigrationException dir = assertThrows(MigrationException.class, () -> EntityMigrations.configure()
                .url("jdbc:sqlite:" + tmp.resolve("x.db"), null, null).location("filesystem:" + tmp.resolve("nowhere"))
                .load());
        assertTrue(dir.getMessage().startsWith("No migrations directory " + tmp.resolve("nowhere") + " (it does not "
                + "exist)"), dir.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x.db")), "a failed load creates no database");
    }

    @Test
    void checkComparesTheMigrationsWithTheEntitySnapshotOnTheClassPath() throws Exception {
        Path classes = tmp.resolve("classes");
        Fixtures.migrations(classes.resolve("db/migrations"), 3);
        Path snapshot = Files.createDirectories(classes.resolve("META-INF/entity-migrations")).resolve("schema.json");
        Files.writeString(snapshot, Fixtures.snapshot(Fixtures.SCHEMAS.get(2)));
        try (URLClassLoader loader = loader(classes)) {
            EntityMigrations m = load(loader);
            m.upgrade();
            m.check(); // at head, and the entities match
        }
        // The entities moved on (an orders.total column dropped, users.email gone): the migrations lack that.
        Files.writeString(snapshot, Fixtures.snapshot(Fixtures.SCHEMAS.get(0)));
        try (URLClassLoader loader = loader(classes)) {
            MigrationException e = assertThrows(MigrationException.class, () -> load(loader).check());
            assertTrue(e.getMessage().contains("The entities and the migrations differ (entity snapshot "
                    + snapshot.toUri().toURL() + "); the migrations lack 2 step(s):\n      - drop table orders\n      - drop "
                    + "column users.email"), e.getMessage());
            assertTrue(!e.getMessage().contains("pending"), "the database itself is at head: " + e.getMessage());
        }
    }
}
