package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The version table's two forms: a new table has the current one (a real time for {@code applied_at}, a
 * {@code stamped} column); a table of the first form (ISO text, {@code " (stamp)"} after {@code applied_by})
 * is read as it is and upgraded in place by the first run that takes the lock, every row kept exactly, once,
 * also when two runs start together; a table of a form this version does not know is refused untouched.
 */
class VersionTableUpgradeTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String UPGRADED = "Upgraded the version table";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aNewTableHasTheCurrentForm(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(CatalogModel.write(tmp.resolve("migrations")).chain()).upgrade("+1");
        assertEquals(kind == Kind.POSTGRESQL
                ? List.of("id character varying(32)", "message character varying(1000)",
                "checksum character varying(64)", "applied_at timestamp with time zone",
                "applied_by character varying(128)", "execution_ms bigint", "stamped boolean")
                : List.of("id varchar(32)", "message varchar(1000)", "checksum varchar(64)", "applied_at text",
                "applied_by varchar(128)", "execution_ms bigint", "stamped integer"), OldVersionTable.columns(db));
        // SQLite has no time type: its checks keep the text a time and the flag a boolean.
        String insert = "insert into entity_migrations_history (id, checksum, applied_at, execution_ms, stamped) values ";
        assertThrows(SQLException.class, () -> db.execute(insert + "('x', 'c', 'last tuesday', 0, " + (kind == Kind.SQLITE
                ? "0)" : "false)")));
        if (kind == Kind.SQLITE) {
            assertThrows(SQLException.class, () -> db.execute(insert + "('x', 'c', '2024-05-01T12:00:00.000000Z', 0, 2)"));
            db.execute(insert + "('x', 'c', '2024-05-01T12:00:00.000000Z', 0, 1)");
            assertEquals(List.of("2460432.0"), db.query("select julianday(applied_at) from entity_migrations_history "
                    + "where id = 'x'"), "a time SQLite's date functions read");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aTableOfTheFirstFormIsUpgradedInPlaceKeepingEveryRowExactly(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        db.migrator(chain).upgrade("head");
        List<Applied> expected = OldVersionTable.replace(db, chain, 3);
        List<String> history = db.migrator(chain).history();
        String current = db.migrator(chain).current();
        assertEquals(expected, db.versionRows(), "the first form is read as it is, before any upgrade");
        assertEquals("0004  stamped 2024-05-02 08:30:00Z  " + chain.migrations().get(3).message(), history.get(3));
        assertEquals("0001  applied 2024-05-01 12:00:00Z  " + chain.migrations().get(0).message(), history.get(0));

        RecordingConsole console = new RecordingConsole();
        db.migrator(chain, console).upgrade("head");
        assertEquals(1, console.count(UPGRADED), console.toString());
        assertEquals(OldVersionTable.columns(db).size(), 7);
        assertTrue(OldVersionTable.columns(db).contains(kind == Kind.POSTGRESQL ? "stamped boolean" : "stamped integer"));
        assertEquals(expected, db.versionRows(), "ids, checksums, times to the microsecond, users, stamps");
        assertEquals(kind == Kind.POSTGRESQL ? List.of("alice|f", "bob|t") : List.of("alice|0", "bob|1"),
                db.query("select distinct applied_by, stamped from entity_migrations_history order by 1"));
        assertEquals(history, db.migrator(chain).history());
        assertEquals(current, db.migrator(chain).current());

        RecordingConsole again = new RecordingConsole();
        db.migrator(chain, again).upgrade("head");
        db.migrator(chain, again).downgrade("-1");
        assertEquals(0, again.count(UPGRADED), "a second run finds nothing to upgrade:\n" + again);
        assertEquals(expected.subList(0, 4), db.versionRows());
    }

    /** With a configured schema, the table there is the one upgraded (and public's is not looked at). */
    @Test
    void onPostgresTheTableInTheConfiguredSchemaIsUpgraded() throws Exception {
        TestDatabase plain = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        TestDatabase app = plain.inSchema("app");
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations"), "app.").chain();
        app.migrator(chain).upgrade("head");
        List<Applied> expected = OldVersionTable.replace(app, "app", chain, 4);
        RecordingConsole console = new RecordingConsole();
        app.migrator(chain, console).upgrade("head");
        assertEquals(1, console.count(UPGRADED + " app.entity_migrations_history"), console.toString());
        assertEquals(expected, app.versionRows());
        assertEquals(List.of("timestamp with time zone|boolean"), plain.query("select max(data_type) filter (where "
                + "column_name = 'applied_at'), max(data_type) filter (where column_name = 'stamped') from "
                + "information_schema.columns where table_schema = 'app' and table_name = 'entity_migrations_history'"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void twoFirstRunsAtOnceUpgradeTheTableOnce(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        db.migrator(chain).upgrade("head");
        List<Applied> expected = OldVersionTable.replace(db, chain, 2);
        RecordingConsole console = new RecordingConsole();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Migrator migrator = db.migrator(chain, console);
                runs.add(pool.submit(() -> {
                    start.await();
                    migrator.upgrade("head");
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, console.count(UPGRADED), console.toString());
        assertEquals(2, console.count("Nothing to do"), console.toString());
        assertEquals(expected, db.versionRows());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aTableOfAnUnknownFormIsRefusedUntouched(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        db.migrator(chain).upgrade("head");
        db.execute("alter table entity_migrations_history add column applied_from varchar(100)");
        List<String> columns = OldVersionTable.columns(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(chain).upgrade("head"));
        assertTrue(e.getMessage().startsWith("The version table entity_migrations_history has columns this version of "
                + "Entity Migrations does not know ("), e.getMessage());
        assertTrue(e.getMessage().contains("applied_from") && e.getMessage().contains("a newer version"), e.getMessage());
        assertThrows(MigrationException.class, () -> db.migrator(chain).history());
        assertEquals(columns, OldVersionTable.columns(db));
        assertEquals(5, db.query("select id from entity_migrations_history").size());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void anUnreadableTimeStopsTheUpgradeWithTheTableAsItWas(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = CatalogModel.write(tmp.resolve("migrations")).chain();
        db.migrator(chain).upgrade("head");
        OldVersionTable.replace(db, chain, 5);
        db.execute("update entity_migrations_history set applied_at = 'last tuesday' where id = '0002'");
        List<String> rows = db.query("select * from entity_migrations_history order by id");
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(chain).upgrade("head"));
        assertTrue(e.getMessage().contains("last tuesday"), e.getMessage());
        assertEquals(rows, db.query("select * from entity_migrations_history order by id"), "rolled back");
        assertEquals(6, OldVersionTable.columns(db).size(), "still the first form");
    }
}
