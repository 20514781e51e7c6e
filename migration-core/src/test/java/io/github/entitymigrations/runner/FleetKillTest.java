package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.fleet.Fleet;
import io.github.entitymigrations.fleet.FleetGoals;
import io.github.entitymigrations.fleet.FleetReport;
import io.github.entitymigrations.fleet.FleetTargets;
import io.github.entitymigrations.fleet.TargetResult.Status;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet upgrade killed (kill -9) part-way on PostgreSQL: the schemas it was migrating keep whole migrations
 * only (each migration commits with its version row), its locks go with its sessions, and the next fleet run
 * brings every schema to head, each migration applied once.
 */
class FleetKillTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int TENANTS = 6;
    private static final int MIGRATIONS = 5;

    @TempDir
    Path tmp;

    @Test
    void aKilledFleetRunLeavesWholeMigrationsAndTheNextRunFinishes() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        List<String> tenants = new ArrayList<>();
        for (int i = 1; i <= TENANTS; i++) {
            tenants.add("kill_t" + i);
            db.execute("create schema kill_t" + i);
        }
        MigrationHistory h = history(tmp.resolve("m"));
        Process fleet = ForkedFleet.start(db.database().url(), h.directory(), "kill_t*", 3);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (applied(db, tenants) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(fleet.isAlive(), "the fleet must still be running when it is killed");
        } finally {
            fleet.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int before = applied(db, tenants);
        assertTrue(before > 0 && before < TENANTS * MIGRATIONS, "killed part-way: " + before + " version rows");
        for (String tenant : tenants) {
            // Whole migrations only: each logged once per version row, nothing of a migration in flight.
            assertEquals(db.at(tenant).appliedIds(), logged(db, tenant), tenant);
        }

        MigrationChain chain = h.chain();
        FleetReport report = FleetGoals.upgrade(new Fleet(FleetTargets.resolve(db.database(), List.of("kill_t*")),
                Console.SILENT).parallel(3), (d, c) -> new Migrator(d, chain, c), "head");
        report.requireSuccess();
        assertEquals(TENANTS, report.count(Status.CHANGED) + report.count(Status.UNCHANGED));
        List<String> all = List.of("0001", "0002", "0003", "0004", "0005");
        for (String tenant : tenants) {
            assertEquals(all, db.at(tenant).appliedIds(), tenant);
            assertEquals(all, logged(db, tenant), tenant + ": each migration ran once");
        }
    }

    private static int applied(TestDatabase db, List<String> tenants) throws Exception {
        int rows = 0;
        for (String tenant : tenants) {
            rows += db.at(tenant).appliedIds().size();
        }
        return rows;
    }

    private static List<String> logged(TestDatabase db, String tenant) throws Exception {
        if (db.query("select 1 from information_schema.tables where table_schema = '" + tenant
                + "' and table_name = 'run_log'").isEmpty()) {
            return List.of();
        }
        return db.query("select migration from " + tenant + ".run_log order by migration");
    }

    /** {@code run_log}, then a table per migration, each migration logging itself and taking a while. */
    private static MigrationHistory history(Path directory) {
        MigrationHistory h = new MigrationHistory(directory);
        h.add("run log", new CreateTable(table("run_log", t -> t.col("migration", varchar(4)).notNull())),
                logged("0001"));
        for (int i = 2; i <= MIGRATIONS; i++) {
            h.add("table " + i, new CreateTable(table("t" + i, t -> t.id())), logged(String.format("%04d", i)));
        }
        return h;
    }

    private static Sql logged(String id) {
        String insert = "insert into run_log (migration) values ('" + id + "')";
        return new Sql(Map.of("postgresql", List.of(insert, "select pg_sleep(0.3)")),
                Map.of(Sql.ANY_DIALECT, List.of("delete from run_log where migration = '" + id + "'")), false,
                List.of());
    }
}
