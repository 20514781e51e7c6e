package io.github.entitymigrations.bench.fleet;

import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import io.github.entitymigrations.bench.apply.Generator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fleet benchmark's table and notes. */
final class FleetReportSection {

    private FleetReportSection() {
    }

    static Section of(int schemas, Generator.Fixture fixture, Map<String, List<Sample>> samples, int runs) {
        Section s = new Section(String.format(Locale.ROOT, "A fleet of %,d PostgreSQL schemas × %d migrations", schemas,
                fixture.migrations()),
                String.format(Locale.ROOT, "%,d empty schemas of one database, each brought to head: %d generated "
                + "migrations (the apply benchmark's generator and seed; %d tables and %d columns per schema). Ours: "
                + "`migration:upgrade -Dmigration.schemas=fleet_* -Dmigration.parallel=N` through the engine in one "
                + "JVM (the pattern resolved against the catalog, each schema with its own connection, lock and version "
                + "table). The ideal is one schema's time (the library API on one schema, in a fresh JVM) × %,d / N. "
                + "Flyway %s runs the same statements from versioned SQL files with `schemas` set to each schema: "
                + "one after the other in one JVM, and as a shell loop starting a JVM per schema (`for s in ...; do "
                + "flyway -schemas=$s migrate; done`). Wall times of the whole fleet; after every run each schema is "
                + "checked to hold every table and column.", schemas, fixture.migrations(), fixture.tables(),
                fixture.columns(), schemas, flywayVersion()),
                "run", "wall time", "per schema", "ideal (one schema × " + schemas + " / N)", "vs ideal",
                "vs Flyway shell loop", "peak memory");
        double single = median(samples, "single");
        double shell = median(samples, "flyway-shell");
        s.row("Entity Migrations, one schema (fresh JVM)", Stats.ms(single), Stats.ms(single), "", "", "",
                Stats.mib(Stats.peakMib(samples.getOrDefault("single", List.of()))));
        for (int n : FleetBenchmark.PARALLEL) {
            String key = "ours-" + n;
            double wall = median(samples, key);
            double ideal = single * schemas / n;
            s.row("Entity Migrations fleet, parallel " + n, Stats.ms(wall), Stats.ms(wall / schemas), Stats.ms(ideal),
                    Stats.ratio(wall, ideal), Stats.ratio(wall, shell),
                    Stats.mib(Stats.peakMib(samples.getOrDefault(key, List.of()))));
        }
        double loop = median(samples, "flyway-loop");
        s.row("Flyway, one JVM, one schema after another", Stats.ms(loop), Stats.ms(loop / schemas), "", "",
                Stats.ratio(loop, shell), Stats.mib(Stats.peakMib(samples.getOrDefault("flyway-loop", List.of()))));
        s.row("Flyway, shell loop (a JVM per schema)", Stats.ms(shell), Stats.ms(shell / schemas), "", "", "1.00×",
                Stats.mib(Stats.peakMib(samples.getOrDefault("flyway-shell", List.of()))));
        double one = median(samples, "ours-1");
        StringBuilder speedUp = new StringBuilder("Speed-up over parallel 1:");
        for (int n : FleetBenchmark.PARALLEL) {
            speedUp.append(String.format(Locale.ROOT, " %d → %.2f×", n, one / median(samples, "ours-" + n)));
        }
        s.note(speedUp.append(". The machine has ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, shared with the PostgreSQL server: beyond them, more connections only queue.").toString());
        s.note("One schema in a fresh JVM includes the JVM's start-up, class loading and cold JIT, which a fleet pays "
                + "once for all its schemas: \"vs ideal\" below 1.00× is that amortization plus parallelism.");
        s.note("Every figure except the shell loop is the median of " + runs + " run(s); the shell loop (a JVM "
                + "per schema) was measured once. Its JVM start is counted, as a script's would be.");
        return s;
    }

    private static double median(Map<String, List<Sample>> samples, String key) {
        return Stats.medianMillis(samples.getOrDefault(key, List.of()));
    }

    /** Flyway's version, from its jar's Maven properties (run.sh puts the jars on the class path). */
    private static String flywayVersion() {
        try (java.io.InputStream in = org.flywaydb.core.Flyway.class.getResourceAsStream(
                "/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "(version unknown)");
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }
}
