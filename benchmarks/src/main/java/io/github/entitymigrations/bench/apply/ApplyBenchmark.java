package io.github.entitymigrations.bench.apply;

import io.github.entitymigrations.bench.Benchmark;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Issue 6, parts 1 and 2: applying {@link Generator}'s migrations to an empty database, and the no-op
 * upgrade of a database that has them all, on PostgreSQL and SQLite, with our engine (in-process and as
 * {@code mvn migration:upgrade}), Flyway, Liquibase and raw JDBC running the same statements.
 * Each run of each tool gets a new database; its no-op run follows on that database in a new process.
 * The two tables are two benchmarks, {@code apply} and {@code noop}, measured together once; {@code apply} also
 * prints {@link ApplyProfile}'s breakdown of our run, cold and warm.
 */
public final class ApplyBenchmark implements Benchmark {

    /** Both tables of a context, measured by whichever of the two benchmarks runs first. */
    private static final Map<Context, List<Section>> MEASURED = new java.util.HashMap<>();

    private final boolean noop;

    private ApplyBenchmark(boolean noop) {
        this.noop = noop;
    }

    /** Applying the migrations to an empty database. */
    public static ApplyBenchmark apply() {
        return new ApplyBenchmark(false);
    }

    /** The no-op upgrade of a database that has them all. */
    public static ApplyBenchmark noop() {
        return new ApplyBenchmark(true);
    }

    /**
     * A tool measured here; {@code task} is its {@link ApplyTasks} task, or null for the mvn command; {@code jvm} the
     * options of its JVM beyond the quiet ones.
     */
    record Tool(String key, String label, String task, List<String> jvm) {

        Tool(String key, String label, String task) {
            this(key, label, task, List.of());
        }
    }

    /** The heap the capped run of ours gets: what the engine needs, against what the JVM takes by default. */
    static final String CAPPED_HEAP = "128m";

    static final Tool JDBC = new Tool("jdbc", "raw JDBC (floor)", ApplyTasks.JDBC);
    static final Tool OURS = new Tool("ours", "Entity Migrations (in-process)", ApplyTasks.OURS);
    private static final Tool OURS_CAPPED = new Tool("ours_capped", "Entity Migrations (in-process, -Xmx"
            + CAPPED_HEAP + ")", ApplyTasks.OURS, List.of("-Xmx" + CAPPED_HEAP));
    private static final Tool MVN = new Tool("mvn", "Entity Migrations (mvn migration:upgrade)", null);
    static final Tool FLYWAY = new Tool("flyway", "Flyway " + version(org.flywaydb.core.Flyway.class,
            "org.flywaydb", "flyway-core"), ApplyTasks.FLYWAY);
    private static final Tool LIQUIBASE = new Tool("liquibase", "Liquibase "
            + liquibase.util.LiquibaseUtil.getBuildVersion(), ApplyTasks.LIQUIBASE);
    private static final List<Tool> TOOLS = List.of(JDBC, OURS, OURS_CAPPED, MVN, FLYWAY, LIQUIBASE);

    @Override
    public String name() {
        return noop ? "noop" : "apply";
    }

    @Override
    public List<Section> run(Context context) throws Exception {
        List<Section> both = MEASURED.get(context);
        if (both == null) {
            both = measure(context);
            MEASURED.put(context, both);
        } else {
            System.out.println("  (measured with apply)");
        }
        return noop ? List.of(both.get(1)) : List.of(both.get(0), both.get(2));
    }

    private static List<Section> measure(Context context) throws Exception {
        int count = context.quick() ? 100 : 1000;
        Generator.Fixture fixture = Generator.write(context.directory("apply-fixture"), count, Generator.SEED);
        System.out.printf(Locale.ROOT, "  %d migrations: %d tables, %d columns at the end%n", fixture.migrations(),
                fixture.tables(), fixture.columns());
        Path project = context.directory("apply-mvn");
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>bench-apply</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                </project>
                """);
        Path sqliteFiles = context.directory("apply-sqlite");
        Map<String, List<Sample>> apply = new LinkedHashMap<>();
        Map<String, List<Sample>> noop = new LinkedHashMap<>();
        for (int run = 1; run <= context.runs(); run++) {
            for (String dialect : Generator.DIALECTS) {
                // PostgreSQL's databases of a round are dropped after its last tool, not after each: DROP DATABASE
                // forces a checkpoint and removes thousands of files, and a run right after one took 10-25% longer
                // (alternated pairs), so every tool but the first would have been measured in that state.
                List<String> databases = new ArrayList<>();
                try {
                    for (Tool tool : TOOLS) {
                        String db = "bench_apply_" + tool.key();
                        Path file = sqliteFiles.resolve(tool.key() + "-" + run + ".db");
                        String url;
                        if (dialect.equals("sqlite")) {
                            url = "jdbc:sqlite:" + file;
                        } else {
                            url = context.postgres().create(db);
                            databases.add(db);
                        }
                        try {
                            Sample a = measure(tool, dialect, url, fixture, project);
                            Inventory.require(url, fixture.tables(), fixture.columns(), tool.label() + " on "
                                    + dialect);
                            apply.computeIfAbsent(key(tool, dialect), k -> new ArrayList<>()).add(a);
                            String line = String.format(Locale.ROOT, "  run %d/%d %-10s %-42s apply %9s",
                                    run, context.runs(), dialect, tool.label(), Stats.ms(a.millis()));
                            if (tool != JDBC) {
                                Sample n = measure(tool, dialect, url, fixture, project);
                                Inventory.require(url, fixture.tables(), fixture.columns(), tool.label()
                                        + " no-op on " + dialect);
                                noop.computeIfAbsent(key(tool, dialect), k -> new ArrayList<>()).add(n);
                                line += "   no-op " + Stats.ms(n.millis());
                            }
                            System.out.println(line);
                        } finally {
                            if (dialect.equals("sqlite")) {
                                Files.deleteIfExists(file);
                            }
                        }
                    }
                } finally {
                    for (String db : databases) {
                        context.postgres().drop(db);
                    }
                }
            }
        }
        Section profile = ApplyProfile.measure(context, fixture);
        return List.of(applySection(fixture, apply), noopSection(fixture, noop), profile);
    }

    private static Sample measure(Tool tool, String dialect, String url, Generator.Fixture fixture, Path project) {
        if (tool == MVN) {
            String plugin = "io.github.entitymigrations:migration-maven-plugin:" + version(
                    io.github.entitymigrations.runner.Migrator.class, "io.github.entitymigrations",
                    "migration-core") + ":upgrade"; // the plugin's version is the engine's

            return Measure.command(List.of("mvn", "-B", "-o", "-q", "-Dstyle.color=never", "-f",
                    project.resolve("pom.xml").toString(), plugin, "-Dmigration.url=" + url,
                    "-Dmigration.directory=" + fixture.json()), project, Map.of());
        }
        List<String> jvm = new ArrayList<>(ApplyTasks.QUIET_JVM);
        jvm.addAll(tool.jvm());
        return Measure.child(tool.task(), jvm, url, input(tool, dialect, fixture));
    }

    /** What {@code tool}'s task reads: the fixture's migrations in its form, for {@code dialect}. */
    static String input(Tool tool, String dialect, Generator.Fixture fixture) {
        return switch (tool.key()) {
            case "ours", "ours_capped" -> fixture.json().toString();
            case "jdbc" -> fixture.jdbc(dialect).toString();
            case "flyway" -> fixture.flyway(dialect).toString();
            default -> fixture.liquibase(dialect).toString();
        };
    }

    private static String key(Tool tool, String dialect) {
        return tool.key() + "/" + dialect;
    }

    private static Section applySection(Generator.Fixture fixture, Map<String, List<Sample>> samples) {
        Section s = new Section("Applying " + fixture.migrations() + " migrations to an empty database",
                fixture.migrations() + " generated migrations (seed " + Generator.SEED + "; 1–5 operations each: new "
                + "tables with a primary key and typed columns, added columns, indexes, foreign keys to earlier tables; "
                + fixture.tables() + " tables and " + fixture.columns() + " columns at the end). Every tool runs the "
                + "same statements, those our dialect renders for each migration, one transaction per migration: "
                + "Flyway from versioned SQL files, Liquibase from one formatted-SQL changelog, raw JDBC from a list "
                + "read before its clock starts (the floor: no history table, no checks). In-process times cover "
                + "everything the tool does, reading its migrations included; the mvn row is the whole `mvn -o -q` "
                + "process. After every run the database is checked to hold exactly the expected tables and columns. "
                + "PostgreSQL's databases are dropped after each round's last tool, so no measured run comes right after "
                + "a `DROP DATABASE` (which forces a checkpoint and removes thousands of files).",
                "tool", "database", "median", "vs raw JDBC", "peak memory");
        for (String dialect : Generator.DIALECTS) {
            double floor = Stats.medianMillis(samples.getOrDefault(key(JDBC, dialect), List.of()));
            for (Tool tool : TOOLS) {
                List<Sample> runs = samples.getOrDefault(key(tool, dialect), List.of());
                double median = Stats.medianMillis(runs);
                s.row(tool.label(), label(dialect), Stats.ms(median), Stats.ratio(median, floor),
                        Stats.mib(Stats.peakMib(runs)));
            }
        }
        for (String dialect : Generator.DIALECTS) {
            double ours = median(samples, OURS, dialect);
            double floor = median(samples, JDBC, dialect);
            double flyway = median(samples, FLYWAY, dialect);
            double liquibase = median(samples, LIQUIBASE, dialect);
            s.note(String.format(Locale.ROOT, "Target on %s, at most 1.10× raw JDBC: %s× — %s. Faster than Flyway "
                    + "(%s vs %s): %s. Faster than Liquibase (%s vs %s): %s.", label(dialect),
                    String.format(Locale.ROOT, "%.2f", ours / floor), met(ours <= 1.10 * floor), Stats.ms(ours),
                    Stats.ms(flyway), met(ours < flyway), Stats.ms(ours), Stats.ms(liquibase), met(ours < liquibase)));
        }
        s.note("The targets are judged on the in-process engine; `mvn migration:upgrade` adds Maven's own start-up.");
        for (String dialect : Generator.DIALECTS) {
            s.note(paired(label(dialect), samples.getOrDefault(key(OURS, dialect), List.of()),
                    samples.getOrDefault(key(JDBC, dialect), List.of())));
        }
        for (String dialect : Generator.DIALECTS) {
            List<Sample> ours = samples.getOrDefault(key(OURS, dialect), List.of());
            List<Sample> capped = samples.getOrDefault(key(OURS_CAPPED, dialect), List.of());
            double peak = Stats.peakMib(ours);
            s.note(String.format(Locale.ROOT, "Memory on %s, peak at most 158 MiB (the first published run's): %s — "
                    + "%s. With the heap capped at %s (`-Xmx%s`) the same run peaks at %s in %s (%s× the default "
                    + "heap's time): the rest is the JVM's own (code cache, metaspace, threads, the driver).",
                    label(dialect), Stats.mib(peak), met(peak <= 158), CAPPED_HEAP.replace("m", " MiB"),
                    CAPPED_HEAP, Stats.mib(Stats.peakMib(capped)), Stats.ms(Stats.medianMillis(capped)),
                    String.format(Locale.ROOT, "%.2f", Stats.medianMillis(capped) / Stats.medianMillis(ours))));
        }
        return s;
    }

    /**
     * Each run's ratio of ours to the raw JDBC run just before it, and how far raw JDBC's own runs spread: where the
     * server's disk makes one run slower than the next (each commit waits for its log's flush), the ratio of the
     * medians can pair a fast run with a slow one; the pairs compare runs made within seconds of each other.
     */
    static String paired(String database, List<Sample> ours, List<Sample> floor) {
        int n = Math.min(ours.size(), floor.size());
        if (n == 0) {
            return "Run by run on " + database + ": no runs.";
        }
        double[] ratios = new double[n];
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            ratios[i] = ours.get(i).millis() / floor.get(i).millis();
            listed.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratios[i]));
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Sample f : floor) {
            min = Math.min(min, f.millis());
            max = Math.max(max, f.millis());
        }
        return String.format(Locale.ROOT, "Run by run on %s (raw JDBC, then ours, one after the other): %s× (median "
                + "%.2f×); raw JDBC's own runs took %s to %s.", database, listed, Stats.median(ratios), Stats.ms(min),
                Stats.ms(max));
    }

    private static Section noopSection(Generator.Fixture fixture, Map<String, List<Sample>> samples) {
        Section s = new Section("No-op upgrade with all " + fixture.migrations() + " migrations applied",
                "Each tool runs again, in a new process, on the database it has just migrated: it reads its "
                + fixture.migrations() + " migrations, checks them against its history table and finds nothing to "
                + "do. Raw JDBC has no history, so it has no no-op run; ratios are against Flyway.",
                "tool", "database", "median", "vs Flyway", "peak memory");
        for (String dialect : Generator.DIALECTS) {
            double flyway = median(samples, FLYWAY, dialect);
            for (Tool tool : TOOLS) {
                if (tool == JDBC) {
                    continue;
                }
                List<Sample> runs = samples.getOrDefault(key(tool, dialect), List.of());
                double median = Stats.medianMillis(runs);
                s.row(tool.label(), label(dialect), Stats.ms(median), Stats.ratio(median, flyway),
                        Stats.mib(Stats.peakMib(runs)));
            }
        }
        for (String dialect : Generator.DIALECTS) {
            double ours = median(samples, OURS, dialect);
            double flyway = median(samples, FLYWAY, dialect);
            double liquibase = median(samples, LIQUIBASE, dialect);
            s.note(String.format(Locale.ROOT, "Target on %s, a no-op faster than Flyway's and Liquibase's: %s vs %s "
                    + "and %s — %s.", label(dialect), Stats.ms(ours), Stats.ms(flyway), Stats.ms(liquibase),
                    met(ours < flyway && ours < liquibase)));
        }
        return s;
    }

    private static double median(Map<String, List<Sample>> samples, Tool tool, String dialect) {
        return Stats.medianMillis(samples.getOrDefault(key(tool, dialect), List.of()));
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String label(String dialect) {
        return dialect.equals("sqlite") ? "SQLite" : "PostgreSQL";
    }

    /**
     * A library's version: from its jar's Maven properties (run.sh puts the jars on the class path), else
     * its manifest.
     */
    static String version(Class<?> anchor, String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                String manifest = anchor.getPackage().getImplementationVersion();
                return manifest == null ? "(version unknown)" : manifest;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
