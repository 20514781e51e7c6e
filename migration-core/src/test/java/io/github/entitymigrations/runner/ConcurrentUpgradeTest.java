package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Two {@code upgrade}s of one database at the same moment (two Migrators, two connections, two threads): both
 * succeed and every migration is applied exactly once. Each migration creates a table (a second run would fail
 * on it) and logs itself in {@code run_log} (a second run would log twice), slowly, so the runs overlap.
 */
class ConcurrentUpgradeTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int MIGRATIONS = 6;
    private static final int ROUNDS = 3;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoUpgradesAtOnceApplyEachMigrationOnce(Kind kind) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            TestDatabase db = TestDatabase.open(kind, PG, tmp);
            MigrationHistory history = history(tmp.resolve("round" + round));
            MigrationChain chain = history.chain();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            RecordingConsole console = new RecordingConsole();
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
                    run.get(120, TimeUnit.SECONDS); // rethrows a run's failure
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= MIGRATIONS; i++) {
                expected.add(String.format("%04d", i));
            }
            assertEquals(expected, db.appliedIds(), "round " + round + ": one version row per migration");
            assertEquals(expected, db.query("select migration from run_log order by migration"),
                    "round " + round + ": each migration ran once");
            DatabaseSchemaReader.assertSame(db.expected(history.schemaAt(MIGRATIONS)), db.schema(), "round " + round);
            assertEquals(MIGRATIONS, console.count("  applied in "), "the two runs together applied each once:\n"
                    + console);
        }
    }

    /** The runner waits for PostgreSQL's advisory lock, and runs as soon as its holder is gone. */
    @Test
    void anUpgradeWaitsForTheAdvisoryLockAndRunsWhenItsHolderDies() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationChain chain = history(tmp.resolve("migrations")).chain();
        Connection holder = db.connect();
        try (PreparedStatement p = holder.prepareStatement("select pg_advisory_lock(?)")) {
            p.setLong(1, PostgresLock.key(holder, VersionTable.of(db.database())));
            p.execute();
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> run = pool.submit(() -> {
                db.migrator(chain).upgrade("head");
                return null;
            });
            Thread.sleep(1_000);
            assertFalse(run.isDone(), "the upgrade must wait while another session holds the lock");
            assertEquals(List.of(), db.appliedIds(), "nothing may run while waiting");
            holder.close(); // no unlock: the server releases a dead session's advisory locks
            run.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(MIGRATIONS, db.appliedIds().size());
        assertEquals(List.of("0"), db.query("select count(*) from pg_locks where locktype = 'advisory' and database = "
                + "(select oid from pg_database where datname = current_database())"), "the runner releases its lock");
    }

    /** {@code run_log}, then migrations that each create a table and log themselves, slowly. */
    private static MigrationHistory history(Path directory) {
        MigrationHistory h = new MigrationHistory(directory);
        h.add("run log", new CreateTable(table("run_log", t -> t.col("migration", varchar(4)).notNull())),
                logged("0001"));
        for (int i = 2; i <= MIGRATIONS; i++) {
            String id = String.format("%04d", i);
            h.add("table " + i, new CreateTable(table("t" + i, t -> {
                t.id();
                t.col("name", varchar(20));
            })), logged(id));
        }
        return h;
    }

    private static Sql logged(String id) {
        String insert = "insert into run_log (migration) values ('" + id + "')";
        return new Sql(Map.of(
                "postgresql", List.of(insert, "select pg_sleep(0.05)"),
                "mariadb", List.of(insert, "select sleep(0.05)"),
                "mysql", List.of(insert, "select sleep(0.05)"),
                "sqlite", List.of(insert, "with recursive n(x) as (select 1 union all select x + 1 from n "
                        + "where x < 200000) select count(*) from n")),
                Map.of(Sql.ANY_DIALECT, List.of("delete from run_log where migration = '" + id + "'")), false,
                List.of());
    }
}
