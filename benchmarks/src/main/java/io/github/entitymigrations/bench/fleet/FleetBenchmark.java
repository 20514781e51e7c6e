package io.github.entitymigrations.bench.fleet;

import io.github.entitymigrations.bench.Benchmark;
import io.github.entitymigrations.bench.Child;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import io.github.entitymigrations.bench.apply.ApplyTasks;
import io.github.entitymigrations.bench.apply.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Issue 15, item 5: a fleet of PostgreSQL schemas (one per tenant) brought to head, {@code schemas} × 20 generated
 * migrations ({@link Generator}'s, so the statements of the apply benchmark), by our fleet runner with 1, 2, 4 and
 * 8 schemas at a time, against one schema's time × schemas / N, against Flyway run on each schema one after the
 * other in one JVM, and against a shell loop starting Flyway once per schema (as a script over {@code flyway
 * -schemas=...} does). Every run starts from a new database with the empty schemas; after it the database is checked
 * to hold every table and column in every schema.
 */
public final class FleetBenchmark implements Benchmark {

    /** Overrides the number of schemas ({@code run.sh --fleet-schemas N}). */
    public static final String SCHEMAS_PROPERTY = "bench.fleet.schemas";
    static final int MIGRATIONS = 20;
    static final List<Integer> PARALLEL = List.of(1, 2, 4, 8);
    private static final String DB = "bench_fleet";
    private static final String PREFIX = "fleet_";

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public List<Section> run(Context context) throws Exception {
        int schemas = Integer.getInteger(SCHEMAS_PROPERTY, context.quick() ? 20 : 1000);
        Generator.Fixture fixture = Generator.write(context.directory("fleet-fixture"), MIGRATIONS, Generator.SEED);
        Path json = fixture.json();
        Path flyway = fixture.flyway("postgresql");
        Path names = context.directory("fleet-names").resolve("schemas.txt");
        Files.write(names, names(schemas));
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "  %d schemas × %d migrations (%d tables, %d columns each)%n", schemas,
                fixture.migrations(), fixture.tables(), fixture.columns());
        for (int run = 1; run <= context.runs(); run++) {
            String url = prepare(context, 1);
            measure(samples, "single", run, context, () -> Measure.child(FleetTasks.SINGLE, url, json.toString(),
                    names(1).get(0)), url, 1, fixture);
            for (int n : PARALLEL) {
                String fleetUrl = prepare(context, schemas);
                measure(samples, "ours-" + n, run, context, () -> Measure.child(FleetTasks.FLEET, List.of("-Xmx1g"),
                        fleetUrl, json.toString(), PREFIX + "*", String.valueOf(n)), fleetUrl, schemas, fixture);
            }
            String loopUrl = prepare(context, schemas);
            measure(samples, "flyway-loop", run, context, () -> Measure.child(FleetTasks.FLYWAY_LOOP,
                    ApplyTasks.QUIET_JVM, loopUrl, flyway.toString(), names.toString()), loopUrl, schemas, fixture);
            if (run == 1) {
                // A JVM per schema: long at full size, so measured once.
                String shellUrl = prepare(context, schemas);
                measure(samples, "flyway-shell", run, context, () -> Measure.command(List.of("bash", "-c",
                        shellLoop(shellUrl, flyway, names)), null, Map.of()), shellUrl, schemas, fixture);
            }
        }
        context.postgres().drop(DB);
        return List.of(FleetReportSection.of(schemas, fixture, samples, context.runs()));
    }

    private interface Work {
        Sample run() throws Exception;
    }

    private static void measure(Map<String, List<Sample>> samples, String key, int run, Context context, Work work,
                                String url, int schemas, Generator.Fixture fixture) throws Exception {
        Sample s = work.run();
        require(url, schemas, fixture, key);
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        System.out.printf(Locale.ROOT, "  run %d/%d %-14s %9s%n", run, context.runs(), key, Stats.ms(s.millis()));
    }

    /** {@code while read s; do java ... flyway on $s; done < schemas.txt}: Flyway started once per schema. */
    private static String shellLoop(String url, Path flyway, Path names) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jvm = String.join(" ", ApplyTasks.QUIET_JVM);
        return "set -e; while read -r s; do '" + java + "' " + jvm + " -cp '" + System.getProperty("java.class.path")
                + "' " + Child.class.getName() + " " + FleetTasks.FLYWAY_ONE + " '" + url + "' '" + flyway
                + "' \"$s\" > /dev/null; done < '" + names + "'";
    }

    static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, PREFIX + "%05d", i)).toList();
    }

    /** A new database with {@code count} empty schemas; returns its URL. */
    private static String prepare(Context context, int count) throws SQLException {
        String url = context.postgres().create(DB);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(names(count).stream().map(n -> "create schema " + n).collect(Collectors.joining("; ")));
        }
        return url;
    }

    /** Every schema holds exactly the fixture's tables and columns, and the history of all its migrations. */
    private static void require(String url, int schemas, Generator.Fixture fixture, String what) throws SQLException {
        String columns = "select count(*) from information_schema.columns c join information_schema.tables t "
                + "on t.table_schema = c.table_schema and t.table_name = c.table_name where c.table_schema like '"
                + PREFIX + "%' and t.table_type = 'BASE TABLE' and t.table_name not in ('entity_migrations_history', "
                + "'flyway_schema_history')";
        String tables = "select count(*) from information_schema.tables where table_schema like '" + PREFIX
                + "%' and table_type = 'BASE TABLE' and table_name not in ('entity_migrations_history', "
                + "'flyway_schema_history')";
        long c = count(url, columns);
        long t = count(url, tables);
        if (c != (long) schemas * fixture.columns() || t != (long) schemas * fixture.tables()) {
            throw new IllegalStateException(what + ": expected " + schemas + " × " + fixture.tables() + " tables and × "
                    + fixture.columns() + " columns, found " + t + " tables and " + c + " columns");
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
