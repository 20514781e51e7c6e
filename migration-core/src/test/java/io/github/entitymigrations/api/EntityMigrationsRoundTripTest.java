package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The facade's operations on real PostgreSQL and SQLite, through a DataSource and through a URL. */
class EntityMigrationsRoundTripTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private EntityMigrations facade(Db db, boolean viaDataSource, List<String> lines) throws Exception {
        return facade(db, viaDataSource, lines, false);
    }

    private EntityMigrations facade(Db db, boolean viaDataSource, List<String> lines, boolean stampUnverified)
            throws Exception {
        EntityMigrations.Configuration c = EntityMigrations.configure().stampUnverified(stampUnverified)
                .location("filesystem:" + Fixtures.migrations(tmp.resolve("migrations"), 3))
                .classLoader(Fixtures.NO_SNAPSHOT)
                .console(new Console() {
                    @Override
                    public void info(String line) {
                        lines.add(line);
                    }

                    @Override
                    public void warn(String line) {
                        lines.add("WARN " + line);
                    }
                });
        return (viaDataSource ? c.dataSource(db.dataSource()) : c.url(db.url(), null, null)).load();
    }

    @ParameterizedTest
    @CsvSource({"sqlite,true", "sqlite,false", "postgresql,true", "postgresql,false"})
    void upgradeDowngradeStampAndStatus(String kind, boolean viaDataSource) throws Exception {
        Db db = Db.of(kind, PG, tmp);
        List<String> lines = new ArrayList<>();
        EntityMigrations m = facade(db, viaDataSource, lines);

        assertEquals("base", m.current());
        assertEquals(List.of("0001", "0002", "0003"), m.pending());
        assertTrue(m.sql(null, "head").stream().anyMatch(s -> s.toLowerCase().contains("create table")),
                "sql() lists the create table statements");

        m.upgrade("+1");
        assertEquals("0001", m.current());
        assertEquals(List.of("0002", "0003"), m.pending());
        m.upgrade();
        assertEquals("0003", m.current());
        assertEquals(List.of(), m.pending());
        assertEquals(List.of("entity_migrations_history", "orders", "users"), db.tables());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Applying 0003")), String.join("\n", lines));
        m.check();

        List<MigrationInfo> history = m.history();
        assertEquals(List.of("0001", "0002", "0003"), history.stream().map(MigrationInfo::id).toList());
        assertEquals("create users", history.get(0).message());
        assertTrue(history.stream().allMatch(i -> i.applied() && !i.stamped() && i.appliedAt() != null));

        m.downgrade("-1");
        assertEquals("0002", m.current());
        assertEquals(List.of("entity_migrations_history", "users"), db.tables());
        MigrationInfo last = m.history().get(2);
        assertFalse(last.applied());
        assertNull(last.appliedAt());

        m.downgrade("base");
        assertEquals("base", m.current());
        // An empty database is not 0002's schema: the stamp is refused, listing why, unless forced.
        MigrationException refused = assertThrows(MigrationException.class, () -> m.stamp("0002"));
        assertTrue(refused.getMessage().contains("table users is in the migrations but not in the database")
                && refused.getMessage().contains(".stampUnverified(true)"), refused.getMessage());
        assertEquals("base", m.current());
        lines.clear();
        facade(db, viaDataSource, lines, true).stamp("0002");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN Stamping without a match")), String.join("\n", lines));
        assertEquals("0002", m.current());
        assertTrue(m.history().get(0).stamped());
        assertNotNull(m.history().get(0).appliedAt());
        assertEquals(List.of("entity_migrations_history"), db.tables(), "stamp runs nothing");
        assertEquals(List.of("0003"), m.pending());
        MigrationException notAtHead = assertThrows(MigrationException.class, m::check);
        assertTrue(notAtHead.getMessage().contains("1 migration(s) pending (0003)"), notAtHead.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void downgradeDestroyingDataIsRefusedUnlessAllowed(String kind) throws Exception {
        Db db = Db.of(kind, PG, tmp);
        EntityMigrations m = facade(db, true, new ArrayList<>());
        m.upgrade();
        db.execute("insert into orders (id, total) values (1, 5)");
        MigrationException refused = assertThrows(MigrationException.class, () -> m.downgrade("-1"));
        assertTrue(refused.getMessage().contains("orders"), refused.getMessage());
        assertEquals("0003", m.current());
        EntityMigrations.configure().dataSource(db.dataSource()).location(tmp.resolve("migrations").toString())
                .classLoader(Fixtures.NO_SNAPSHOT).allowDataLoss(true).console(Console.SILENT).load().downgrade("-1");
        assertEquals("0002", m.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void checkListsAppliedMigrationsTheFilesDoNotHaveAndEditedOnes(String kind) throws Exception {
        Db db = Db.of(kind, PG, tmp);
        facade(db, true, new ArrayList<>()).upgrade();
        Path older = Fixtures.migrations(tmp.resolve("older"), 2);
        // An edited applied migration: its message changed after it ran.
        java.nio.file.Files.writeString(older.resolve(Fixtures.fileName(1)), Fixtures.json(1)
                .replace("\"add email\"", "\"add e-mail\""));
        EntityMigrations m = EntityMigrations.configure().dataSource(db.dataSource()).location(older.toString())
                .classLoader(Fixtures.NO_SNAPSHOT).console(Console.SILENT).load();
        assertEquals(List.of(), m.pending());
        MigrationException e = assertThrows(MigrationException.class, m::check);
        assertTrue(e.getMessage().contains("Migration 0003 (\"create orders\") was applied on "), e.getMessage());
        assertTrue(e.getMessage().contains("but no file has it"), e.getMessage());
        assertTrue(e.getMessage().contains("Migration 0002_add_email.json was changed after it was applied"),
                e.getMessage());
        List<MigrationInfo> history = m.history();
        assertEquals(List.of("0001", "0002", "0003"), history.stream().map(MigrationInfo::id).toList());
        assertEquals("create orders", history.get(2).message(), "the recorded message of a migration without file");
        assertThrows(MigrationException.class, m::upgrade, "the engine refuses to run on a history that does not match");
    }
}
