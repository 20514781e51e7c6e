package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of a real runner (a JVM of its own) in the middle of upgrading a version table of the first form:
 * the table is as before (its form, its rows), and the next run upgrades it. The upgrade is made slow at the
 * kill point: on PostgreSQL a trigger sleeps in its update, after the new column was added in the same
 * transaction; on SQLite the table has many rows, so the rebuild is caught while it copies them.
 */
class VersionTableUpgradeKillTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    /** The exit status of a process killed by SIGKILL: 128 + 9. */
    private static final int KILLED = 137;

    private static final int FILLER_ROWS = 300_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void killedMidUpgradeLeavesTheFirstFormAndTheNextRunUpgradesIt(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        MigrationChain chain = h.chain();
        db.migrator(chain).upgrade("head");
        List<Applied> expected = OldVersionTable.replace(db, chain, 3);
        slowDown(kind, db);
        List<String> columns = OldVersionTable.columns(db);
        List<String> rows = db.query("select * from entity_migrations_history order by id");

        Process runner = ForkedRunner.start(db.database().url(), h.directory());
        try {
            awaitUpgrade(kind, db, runner);
        } finally {
            runner.destroyForcibly(); // SIGKILL: no finally block, no rollback, no goodbye to the server
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed mid-upgrade, not have ended");
        if (kind == Kind.POSTGRESQL) {
            long killed = System.nanoTime();
            while (upgrading(kind, db) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(20); // the orphaned backend sleeps on, then finds its client gone and rolls back
            }
        }

        assertEquals(columns, OldVersionTable.columns(db), "a killed upgrade leaves the first form");
        assertEquals(rows, db.query("select * from entity_migrations_history order by id"), "and every row as it was");
        if (kind == Kind.POSTGRESQL) {
            db.execute("drop trigger em_slow on entity_migrations_history");
        } else {
            db.execute("delete from entity_migrations_history where id like 'x%'");
        }
        RecordingConsole console = new RecordingConsole();
        db.migrator(chain, console).upgrade("head");
        assertEquals(1, console.count("Upgraded the version table"), console.toString());
        assertEquals(expected, db.versionRows());
    }

    /** PostgreSQL: a trigger that sleeps in the upgrade's update; SQLite: rows enough for a slow copy. */
    private static void slowDown(Kind kind, TestDatabase db) throws Exception {
        if (kind == Kind.POSTGRESQL) {
            db.execute("create function em_slow() returns trigger language plpgsql as "
                            + "'begin perform pg_sleep(4); return null; end'",
                    "create trigger em_slow before update on entity_migrations_history for each statement "
                            + "execute procedure em_slow()");
            return;
        }
        db.execute("insert into entity_migrations_history (id, message, checksum, applied_at, applied_by, execution_ms) "
                + "with recursive r(i) as (select 1 union all select i + 1 from r where i < " + FILLER_ROWS + ") "
                + "select 'x' || i, 'filler ' || i, 'c', '2024-06-01T10:00:00.' || substr('000000' || i, -6) || 'Z', "
                + "'carol (stamp)', i from r");
    }

    /**
     * Until the runner is inside the upgrade: PostgreSQL shows its update in pg_stat_activity; SQLite shows
     * the rebuild's write transaction by its journal file (nothing else of the run writes before it).
     */
    private static void awaitUpgrade(Kind kind, TestDatabase db, Process runner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!runner.isAlive()) {
                fail("the runner ended (exit " + runner.exitValue() + ") before it could be killed");
            }
            if (upgrading(kind, db)) {
                if (kind == Kind.SQLITE) {
                    Thread.sleep(100);
                }
                return;
            }
            Thread.sleep(10);
        }
        fail("the runner never reached the upgrade");
    }

    private static boolean upgrading(Kind kind, TestDatabase db) throws Exception {
        if (kind == Kind.SQLITE) {
            String file = db.database().url().substring("jdbc:sqlite:".length());
            return Files.exists(Path.of(file + "-journal")) || Files.exists(Path.of(file + "-wal"));
        }
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                        + " and state = 'active' and query like 'update %set stamped = true%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
