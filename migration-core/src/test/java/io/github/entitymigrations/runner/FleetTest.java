package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.fleet.Fleet;
import io.github.entitymigrations.fleet.FleetGoals;
import io.github.entitymigrations.fleet.FleetReport;
import io.github.entitymigrations.fleet.FleetTarget;
import io.github.entitymigrations.fleet.FleetTargets;
import io.github.entitymigrations.fleet.TargetResult.Status;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fleets of schemas on real PostgreSQL (schemas of one database) and MariaDB (databases of one server): patterns
 * resolved against the catalog, each member with its own lock and version table, a failing member leaving the
 * others to reach head (or, fail-fast, the rest not started), and two fleet runs at once applying each migration
 * once per member.
 */
class FleetTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int MIGRATIONS = 3;

    @TempDir
    Path tmp;

    private TestDatabase db;
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropTenants() throws Exception {
        if (db != null) {
            for (String name : created) {
                db.execute(db.kind().isMariaDb() ? "drop database if exists " + name
                        : "drop schema if exists " + name + " cascade");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aPatternBringsEveryMatchingSchemaToHeadAndAFailingOneDoesNotStopTheOthers(Kind kind) throws Exception {
        List<String> tenants = tenants(kind, 6);
        MigrationChain chain = history(tmp.resolve("m")).chain();
        // Everyone at 0001; then one tenant gets, by hand, the table 0002 creates: its 0002 fails there.
        assertEquals(6, upgrade(fleet(pattern(), 3, false), chain, "0001").count(Status.CHANGED));
        String broken = tenants.get(2);
        db.execute("create table " + broken + ".t2 (id int)");
        RecordingConsole console = new RecordingConsole();
        FleetReport report = FleetGoals.upgrade(fleet(pattern(), 4, false, console), migrators(chain), "head");

        assertEquals(5, report.count(Status.CHANGED), console.toString());
        assertEquals(1, report.count(Status.FAILED));
        assertEquals(broken, report.failures().get(0).target().name());
        assertTrue(report.failures().get(0).detail().contains("0002"), report.failures().get(0).detail());
        for (String tenant : tenants) {
            List<String> expected = tenant.equals(broken) ? List.of("0001") : List.of("0001", "0002", "0003");
            assertEquals(expected, db.at(tenant).appliedIds(), tenant + "'s own version table");
            assertEquals(expected, db.query("select migration from " + tenant + ".run_log order by migration"));
        }
        assertEquals(6, console.count("/6] "), "one progress line per tenant:\n" + console);
        assertEquals(1, console.count("FAILED after"));
        assertTrue(console.toString().contains("5 upgraded, 0 already current, 1 failed"), console.toString());
        MigrationException e = assertThrows(MigrationException.class, report::requireSuccess);
        assertTrue(e.getMessage().contains("  - " + broken + ": "), e.getMessage());

        // Run again once the tenant is fixed: it alone moves, the others are already current.
        db.execute("drop table " + broken + ".t2");
        FleetReport again = upgrade(fleet(pattern(), 2, false), chain, "head");
        assertEquals(List.of(1L, 5L, 0L), List.of(again.count(Status.CHANGED), again.count(Status.UNCHANGED),
                again.count(Status.FAILED)));
        again.requireSuccess();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void failFastStartsNoOtherSchemaAfterTheFirstFailure(Kind kind) throws Exception {
        List<String> tenants = tenants(kind, 5);
        MigrationChain chain = history(tmp.resolve("m")).chain();
        // A table without a version table: the second tenant is refused (it was not made by these migrations).
        db.execute("create table " + tenants.get(1) + ".legacy (id int)");
        FleetReport report = upgrade(fleet(pattern(), 1, true), chain, "head");
        assertEquals(List.of(Status.CHANGED, Status.FAILED, Status.NOT_STARTED, Status.NOT_STARTED,
                Status.NOT_STARTED), report.results().stream().map(r -> r.status()).toList());
        assertTrue(report.failures().get(0).detail().contains("already has tables"), report.failures().get(0).detail());
        assertEquals(List.of(), db.at(tenants.get(3)).appliedIds(), "not started: untouched");
        MigrationException e = assertThrows(MigrationException.class, report::requireSuccess);
        assertTrue(e.getMessage().contains("3 target(s) were not started after the first failure (failFast)"),
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void twoFleetRunsAtOnceApplyEachMigrationOncePerSchema(Kind kind) throws Exception {
        List<String> tenants = tenants(kind, 6);
        MigrationChain chain = history(tmp.resolve("m")).chain();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<FleetReport> reports = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<FleetReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Fleet fleet = fleet(pattern(), 3, false);
                runs.add(pool.submit(() -> {
                    start.await();
                    return upgrade(fleet, chain, "head");
                }));
            }
            for (Future<FleetReport> run : runs) {
                reports.add(run.get(180, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (String tenant : tenants) {
            assertEquals(List.of("0001", "0002", "0003"), db.at(tenant).appliedIds());
            assertEquals(List.of("0001", "0002", "0003"), db.query("select migration from " + tenant
                    + ".run_log order by migration"), tenant + ": each migration ran once");
        }
        // Per schema, one run applied everything and the other found it current (or a member of each: never both).
        assertEquals(6, reports.get(0).count(Status.CHANGED) + reports.get(1).count(Status.CHANGED));
        assertEquals(6, reports.get(0).count(Status.UNCHANGED) + reports.get(1).count(Status.UNCHANGED));
        reports.forEach(FleetReport::requireSuccess);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aPatternMatchingNothingIsAnErrorNamingIt(Kind kind) throws Exception {
        db = TestDatabase.open(kind, PG, tmp);
        MigrationException e = assertThrows(MigrationException.class, () -> FleetTargets.resolve(db.database(),
                List.of(prefix() + "nobody_*")));
        assertTrue(e.getMessage().contains("The schema pattern " + prefix() + "nobody_* matches no schema"),
                e.getMessage());
    }

    /**
     * A tenant whose schema was created quoted in mixed case matches a pattern only ignoring case; the schemas setting
     * reads names unquoted, so it could not be migrated: the pattern is refused, naming it, rather than leaving that
     * tenant behind in silence.
     */
    @Test
    void aPatternThatWouldLeaveAMixedCaseSchemaBehindIsRefusedOnPostgres() throws Exception {
        db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        List<String> tenants = tenants(Kind.POSTGRESQL, 2);
        db.execute("create schema \"Fleet_Mixed\"");
        created.add("\"Fleet_Mixed\"");

        MigrationException e = assertThrows(MigrationException.class, () -> FleetTargets.resolve(db.database(),
                List.of("fleet_*")));

        assertTrue(e.getMessage().contains("The schema pattern fleet_* also matches, ignoring case, \"Fleet_Mixed\""),
                e.getMessage());
        assertTrue(e.getMessage().contains("alter schema \"Fleet_Mixed\" rename to fleet_mixed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was run"), e.getMessage());
        // A pattern that leaves it out is fine.
        assertEquals(tenants, FleetTargets.resolve(db.database(), List.of(tenants.get(0).substring(0, 7) + "*"))
                .stream().map(FleetTarget::name).toList());
    }

    @Test
    void namesListsAndDuplicatesOnPostgres() throws Exception {
        db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        List<String> tenants = tenants(Kind.POSTGRESQL, 3);
        created.add("fleet_named");
        List<String> entries = FleetTargets.entries(List.of("fleet_named, " + tenants.get(0), "FLEET_T*"));
        List<FleetTarget> targets = FleetTargets.resolve(db.database(), entries);
        // A named schema is taken as it is (created on first use); the pattern adds the others, sorted, each once.
        assertEquals(List.of("fleet_named", tenants.get(0), tenants.get(1), tenants.get(2)),
                targets.stream().map(FleetTarget::name).toList());
        MigrationChain chain = history(tmp.resolve("m")).chain();
        FleetReport current = FleetGoals.current(new Fleet(targets, io.github.entitymigrations.migrations.Console.SILENT), migrators(chain), chain);
        assertEquals(4, current.count(Status.CHANGED), "none is at head yet");
        upgrade(new Fleet(targets, io.github.entitymigrations.migrations.Console.SILENT).parallel(8), chain, "head").requireSuccess();
        assertEquals(List.of("0001", "0002", "0003"), db.at("fleet_named").appliedIds());
        FleetReport down = FleetGoals.downgrade(new Fleet(targets, io.github.entitymigrations.migrations.Console.SILENT).parallel(2),
                migrators(chain), "-1", true);
        assertEquals(4, down.count(Status.CHANGED));
        assertEquals(List.of("0001", "0002"), db.at(tenants.get(2)).appliedIds());
        MigrationException both = assertThrows(MigrationException.class, () -> FleetTargets.resolve(
                db.at("x").database(), List.of("fleet_t*")));
        assertTrue(both.getMessage().contains("Both schema (x) and schemas are configured"), both.getMessage());
    }

    @Test
    void sqliteTakesFilesNotSchemas() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tenants"));
        for (String name : List.of("a.db", "b.db", "c.db")) {
            Files.createFile(dir.resolve(name));
        }
        Files.createFile(dir.resolve("notes.txt"));
        Database base = new Database("jdbc:sqlite:" + tmp.resolve("main.db"), null, null, null);
        MigrationException e = assertThrows(MigrationException.class, () -> FleetTargets.resolve(base,
                List.of("tenant_*")));
        assertTrue(e.getMessage().startsWith("SQLite has no schemas, so tenant_* cannot be one"), e.getMessage());
        List<FleetTarget> targets = FleetTargets.resolve(base, List.of("jdbc:sqlite:" + dir + "/*.db"));
        assertEquals(3, targets.size());
        MigrationChain chain = history(tmp.resolve("m")).chain();
        FleetReport report = upgrade(new Fleet(targets, io.github.entitymigrations.migrations.Console.SILENT).parallel(2), chain, "head");
        report.requireSuccess();
        assertEquals(3, report.count(Status.CHANGED));
        assertEquals(List.of("0001", "0002", "0003"), TestDatabase.sqliteFile(dir.resolve("b.db")).appliedIds());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** {@code count} empty tenants named {@code <prefix>fleet_t1...}, created now and dropped after the test. */
    private List<String> tenants(Kind kind, int count) throws Exception {
        if (db == null) {
            db = TestDatabase.open(kind, PG, tmp);
        }
        List<String> names = IntStream.rangeClosed(1, count).mapToObj(i -> prefix() + "fleet_t" + i).toList();
        for (String name : names) {
            created.add(name);
            db.execute(db.kind().isMariaDb() ? "create database " + name : "create schema " + name);
        }
        return names;
    }

    /** MariaDB's tenants are databases of a shared server: named after this JVM's test database. */
    private String prefix() {
        return db.kind().isMariaDb() ? TestDatabase.mariaDb().databaseName() + "_" : "";
    }

    private String pattern() {
        return prefix() + "fleet_t*";
    }

    private Fleet fleet(String pattern, int parallel, boolean failFast) {
        return fleet(pattern, parallel, failFast, io.github.entitymigrations.migrations.Console.SILENT);
    }

    private Fleet fleet(String pattern, int parallel, boolean failFast, io.github.entitymigrations.migrations.Console c) {
        return new Fleet(FleetTargets.resolve(db.database(), List.of(pattern)), c).parallel(parallel).failFast(failFast);
    }

    private static FleetGoals.Migrators migrators(MigrationChain chain) {
        return (database, console) -> new Migrator(database, chain, console);
    }

    private static FleetReport upgrade(Fleet fleet, MigrationChain chain, String target) {
        return FleetGoals.upgrade(fleet, migrators(chain), target);
    }

    /** {@code run_log}, then a table per migration, each migration logging itself once. */
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
        return new Sql(Map.of(
                "postgresql", List.of(insert, "select pg_sleep(0.02)"),
                "mariadb", List.of(insert, "select sleep(0.02)"),
                "sqlite", List.of(insert)),
                Map.of(Sql.ANY_DIALECT, List.of("delete from run_log where migration = '" + id + "'")), false,
                List.of());
    }
}
