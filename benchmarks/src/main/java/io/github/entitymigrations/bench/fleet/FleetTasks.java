package io.github.entitymigrations.bench.fleet;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.fleet.Fleet;
import io.github.entitymigrations.fleet.FleetGoals;
import io.github.entitymigrations.fleet.FleetReport;
import io.github.entitymigrations.fleet.FleetTargets;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The measured work of the fleet benchmark, each run in a fresh JVM by {@link io.github.entitymigrations.bench.Child}.
 * Every task times everything its tool does (reading the migrations included), not the JVM's start.
 */
public final class FleetTasks {

    /** Our engine on one schema, through the library API: {@code <url> <migrations directory> <schema>}. */
    public static final String SINGLE = "fleet-single";
    /** Our fleet runner: {@code <url> <migrations directory> <pattern> <parallel>}. */
    public static final String FLEET = "fleet-ours";
    /** Flyway on every schema, one after the other in this JVM: {@code <url> <V files> <file of schema names>}. */
    public static final String FLYWAY_LOOP = "fleet-flyway-loop";
    /** Flyway on one schema, the body of the shell loop: {@code <url> <V files> <schema>}. */
    public static final String FLYWAY_ONE = "fleet-flyway-one";

    private FleetTasks() {
    }

    public static double single(List<String> args) {
        long start = System.nanoTime();
        EntityMigrations.configure().url(args.get(0), null, null).schema(args.get(2))
                .location("filesystem:" + args.get(1)).console(Console.SILENT).load().upgrade();
        return (System.nanoTime() - start) / 1e6;
    }

    public static double fleet(List<String> args) {
        long start = System.nanoTime();
        Database base = new Database(args.get(0), null, null, null);
        MigrationChain chain = MigrationChain.loadForRunner(Path.of(args.get(1)));
        Fleet fleet = new Fleet(FleetTargets.resolve(base, List.of(args.get(2))), Console.SILENT)
                .parallel(Integer.parseInt(args.get(3)));
        FleetReport report = FleetGoals.upgrade(fleet, (db, console) -> new Migrator(db, chain, console), "head");
        report.requireSuccess();
        if (report.count(io.github.entitymigrations.fleet.TargetResult.Status.CHANGED) != report.results().size()) {
            throw new IllegalStateException("every schema should have been upgraded: " + report.summary());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    public static double flywayLoop(List<String> args) throws Exception {
        List<String> schemas = Files.readAllLines(Path.of(args.get(2)));
        long start = System.nanoTime();
        for (String schema : schemas) {
            flyway(args.get(0), args.get(1), schema);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    public static double flywayOne(List<String> args) {
        long start = System.nanoTime();
        flyway(args.get(0), args.get(1), args.get(2));
        return (System.nanoTime() - start) / 1e6;
    }

    private static void flyway(String url, String directory, String schema) {
        Flyway.configure()
                .configuration(Map.of("flyway.reportEnabled", "false"))
                .dataSource(url, null, null)
                .schemas(schema)
                .locations("filesystem:" + directory)
                .load()
                .migrate();
    }
}
