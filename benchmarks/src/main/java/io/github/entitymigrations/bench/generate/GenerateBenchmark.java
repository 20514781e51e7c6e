package io.github.entitymigrations.bench.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.entitymigrations.bench.Benchmark;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code migration:generate} on a project of N tables whose migrations already create N-1 of them: the
 * replay of every migration, the diff, and writing the one new migration. Measured in a fresh JVM
 * ({@code Workspace.generate}, only the call timed) and as the whole {@code mvn -o -q migration:generate}
 * process, beside {@code mvn -o -q validate} on the same pom for Maven's own start-up.
 */
public final class GenerateBenchmark implements Benchmark {

    public static final String TASK = "generate";
    /** Tables per existing migration: a project of 1,000 tables has 100 migrations. */
    static final int TABLES_PER_MIGRATION = 10;
    static final String MIGRATIONS = "src/main/resources/db/migrations";
    /** The heap of the capped in-process run: what generate needs, against what the JVM takes by default. */
    static final String CAPPED_HEAP = "256m";
    static final String SNAPSHOT = "target/classes/META-INF/entity-migrations/schema.json";
    private static final Map<String, String> MAVEN_ENV = Map.of();

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public List<Section> run(Context context) throws Exception {
        List<Integer> sizes = context.quick() ? List.of(100, 500) : List.of(100, 1000, 5000);
        String version = pluginVersion();
        Section section = new Section("migration:generate on N tables",
                "A snapshot of N tables (SchemaJson of generated schema records: a dozen columns each, sequence, "
                        + "unique, index, check, a foreign key to the previous table) and migrations creating the "
                        + "first N-1, " + TABLES_PER_MIGRATION + " tables per migration (written by the plugin's own "
                        + "differ), so `generate` replays them all, diffs and writes one migration creating the last "
                        + "table. In-process: `Workspace.generate` in a fresh JVM, only the call timed. Maven: the "
                        + "whole `mvn -B -o -q migration:generate` process on a minimal pom declaring the plugin, "
                        + "with the snapshot where the processor puts it; Maven's start-up is `mvn -B -o -q validate` "
                        + "on the same pom. The goal keeps what validating the history found under `target/` "
                        + "(`entity-migrations/validated-history`: the whole history, and the history without its "
                        + "newest file), so a run after the first on the same history validates none of it, and "
                        + "one whose newest file changed validates that file alone: *mvn migration:generate* is such "
                        + "a run, *first run* the same with that cache removed (a clean build), as the in-process "
                        + "runs, which use no cache.",
                "tables", "migrations", "in-process", "per table", "in-process, C1 JIT only", "mvn migration:generate",
                "mvn validate", "beyond Maven start", "first run: mvn migration:generate / beyond Maven start",
                "peak memory (in-process / mvn)", "in-process, -Xmx" + CAPPED_HEAP + ": time / peak memory");
        List<Double> inProcessMedians = new ArrayList<>();
        double beyondAt1000 = Double.NaN;
        double pairedAt1000 = Double.NaN;
        double firstBeyondAt1000 = Double.NaN;
        double peakAt5000 = Double.NaN;
        double cappedPeakAt5000 = Double.NaN;
        double cappedRatioAt5000 = Double.NaN;
        for (int n : sizes) {
            Path project = context.directory("generate-" + n);
            int migrations = prepare(project, n, version);
            Path directory = project.resolve(MIGRATIONS);
            Set<Path> existing = files(directory);
            List<Sample> inProcess = new ArrayList<>();
            List<Sample> c1Only = new ArrayList<>();
            List<Sample> capped = new ArrayList<>();
            List<Sample> mvnGenerate = new ArrayList<>();
            List<Sample> mvnFirst = new ArrayList<>();
            List<Sample> mvnValidate = new ArrayList<>();
            int warmups = context.quick() ? 0 : 1;
            for (int run = -warmups; run < context.runs(); run++) {
                Sample a = Measure.child(TASK, directory.toString(), project.resolve(SNAPSHOT).toString(),
                        "add " + SchemaGenerator.tableName(n));
                verifyAndRemove(directory, existing, n);
                Sample a1 = Measure.child(TASK, List.of("-XX:TieredStopAtLevel=1"), directory.toString(),
                        project.resolve(SNAPSHOT).toString(), "add " + SchemaGenerator.tableName(n));
                verifyAndRemove(directory, existing, n);
                Sample a2 = Measure.child(TASK, List.of("-Xmx" + CAPPED_HEAP), directory.toString(),
                        project.resolve(SNAPSHOT).toString(), "add " + SchemaGenerator.tableName(n));
                verifyAndRemove(directory, existing, n);
                io.github.entitymigrations.bench.Main.deleteTree(project.resolve("target/entity-migrations"));
                Sample b0 = Measure.command(List.of("mvn", "-B", "-o", "-q", "-Dstyle.color=never",
                        "migration:generate", "-Dmessage=add " + SchemaGenerator.tableName(n)), project, MAVEN_ENV);
                verifyAndRemove(directory, existing, n);
                if (!Files.isRegularFile(project.resolve("target/entity-migrations/validated-history"))) {
                    throw new IllegalStateException("migration:generate kept no validated history under target/");
                }
                Sample b = Measure.command(List.of("mvn", "-B", "-o", "-q", "-Dstyle.color=never",
                        "migration:generate", "-Dmessage=add " + SchemaGenerator.tableName(n)), project, MAVEN_ENV);
                verifyAndRemove(directory, existing, n);
                Sample c = Measure.command(List.of("mvn", "-B", "-o", "-q", "-Dstyle.color=never", "validate"),
                        project, MAVEN_ENV);
                if (run >= 0) {
                    inProcess.add(a);
                    c1Only.add(a1);
                    capped.add(a2);
                    mvnGenerate.add(b);
                    mvnFirst.add(b0);
                    mvnValidate.add(c);
                }
            }
            double in = Stats.medianMillis(inProcess);
            double mvn = Stats.medianMillis(mvnGenerate);
            double start = Stats.medianMillis(mvnValidate);
            double first = Stats.medianMillis(mvnFirst);
            section.row(String.format(Locale.ROOT, "%,d", n), migrations, Stats.ms(in), Stats.ms(in / n),
                    Stats.ms(Stats.medianMillis(c1Only)), Stats.ms(mvn), Stats.ms(start), Stats.ms(mvn - start),
                    Stats.ms(first) + " / " + Stats.ms(first - start),
                    Stats.mib(Stats.peakMib(inProcess)) + " / " + Stats.mib(Stats.peakMib(mvnGenerate)),
                    Stats.ms(Stats.medianMillis(capped)) + " / " + Stats.mib(Stats.peakMib(capped)));
            inProcessMedians.add(in);
            if (n == 1000) {
                beyondAt1000 = mvn - start;
                // Each run's generate against the validate run right after it: a machine whose speed drifts
                // during the run moves both alike.
                double[] paired = new double[mvnGenerate.size()];
                for (int i = 0; i < paired.length; i++) {
                    paired[i] = mvnGenerate.get(i).millis() - mvnValidate.get(i).millis();
                }
                pairedAt1000 = Stats.median(paired);
                firstBeyondAt1000 = first - start;
            }
            if (n == 5000) {
                peakAt5000 = Stats.peakMib(inProcess);
                cappedPeakAt5000 = Stats.peakMib(capped);
                cappedRatioAt5000 = Stats.medianMillis(capped) / in;
            }
            io.github.entitymigrations.bench.Main.deleteTree(project);
        }
        // Linear: each added table costs about the same. With three sizes, compare the cost per added table
        // between the two larger sizes with that between the two smaller (fixed costs cancel out); with two,
        // compare the time per table.
        int last = sizes.size() - 1;
        double growth;
        String how;
        if (sizes.size() >= 3) {
            double upper = (inProcessMedians.get(last) - inProcessMedians.get(last - 1))
                    / (sizes.get(last) - sizes.get(last - 1));
            double lower = (inProcessMedians.get(last - 1) - inProcessMedians.get(last - 2))
                    / (sizes.get(last - 1) - sizes.get(last - 2));
            growth = upper / lower;
            how = String.format(Locale.ROOT, "the in-process cost per added table from %,d to %,d tables (%s) at "
                    + "most 1.5× that from %,d to %,d (%s)", sizes.get(last - 1), sizes.get(last), Stats.ms(upper),
                    sizes.get(last - 2), sizes.get(last - 1), Stats.ms(lower));
        } else {
            growth = (inProcessMedians.get(last) / sizes.get(last)) / (inProcessMedians.get(0) / sizes.get(0));
            how = String.format(Locale.ROOT, "the in-process time per table at %,d tables at most 1.5× that at %,d",
                    sizes.get(last), sizes.get(0));
        }
        section.note(String.format(Locale.ROOT, "Target: linear growth, i.e. %s. This run: %.2f×: **%s**.", how,
                growth, growth <= 1.5 ? "met" : "missed"));
        if (Double.isNaN(beyondAt1000)) {
            section.note("Target: 1,000 tables at most 0.5 s beyond Maven's start (not measured in quick mode).");
        } else {
            section.note(String.format(Locale.ROOT, "Target: 1,000 tables at most 0.5 s beyond Maven's start. "
                    + "This run: %s: **%s**; a first run, with no validated history kept (after a clean): %s. "
                    + "The median of each run's difference (its generate less the validate right after it) is %s.",
                    Stats.ms(beyondAt1000), beyondAt1000 <= 500 ? "met" : "missed", Stats.ms(firstBeyondAt1000),
                    Stats.ms(pairedAt1000)));
        }
        if (Double.isNaN(peakAt5000)) {
            section.note("Target: 5,000 tables in at most 400 MiB peak memory in-process (not measured in quick mode).");
        } else {
            section.note(String.format(Locale.ROOT, "Target: 5,000 tables in at most 400 MiB peak memory in-process. "
                    + "This run: %s: **%s**. With the heap capped at %s (`-Xmx%s`), the same run peaks at %s in %.2f× "
                    + "the time: the rest of the default run's memory is heap the JVM takes because the machine has it "
                    + "(its default maximum is a quarter of the memory), not what generate keeps.", Stats.mib(peakAt5000),
                    peakAt5000 <= 400 ? "met" : "missed", CAPPED_HEAP.replace("m", " MiB"), CAPPED_HEAP,
                    Stats.mib(cappedPeakAt5000), cappedRatioAt5000));
        }
        section.note("\"C1 JIT only\" is the same in-process run with `-XX:TieredStopAtLevel=1` (no optimizing JIT "
                + "compiler): where it is faster, the cold JVM's JIT compilation, competing for this machine's cores, "
                + "is that much of the run; `MAVEN_OPTS=-XX:TieredStopAtLevel=1` makes the same trade for Maven.");
        section.note("Every run was checked: exactly one new migration, whose upgrade has exactly one create_table, "
                + "of the last table; it was removed before the next run.");
        return List.of(section);
    }

    /** Writes the pom, the snapshot of n tables and migrations creating n-1; returns how many migrations. */
    static int prepare(Path project, int n, String version) throws IOException {
        Files.writeString(project.resolve("pom.xml"), pom(version));
        SchemaGenerator.Tables tables = new SchemaGenerator.Tables(n);
        Path snapshot = project.resolve(SNAPSHOT);
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, SchemaJson.write(tables.first(n)));
        Path directory = project.resolve(MIGRATIONS);
        Files.createDirectories(directory);
        int count = 0;
        String parent = null;
        for (int from = 0; from < n - 1; from += TABLES_PER_MIGRATION) {
            int to = Math.min(from + TABLES_PER_MIGRATION, n - 1);
            Diff diff = SchemaDiff.diff(tables.first(from), tables.first(to));
            String id = String.format(Locale.ROOT, "%04d", ++count);
            String message = "create " + SchemaGenerator.tableName(from + 1) + " to " + SchemaGenerator.tableName(to);
            Migration m = new Migration(id, parent, message, diff.upgrade(), diff.downgrade(), diff.warnings());
            Files.writeString(directory.resolve(id + "_" + message.replace(' ', '_') + ".json"), MigrationJson.write(m));
            parent = id;
        }
        return count;
    }

    private static String pom(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>generate-bench</artifactId>
                  <version>1</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.entitymigrations</groupId>
                        <artifactId>migration-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /** The installed plugin's version: the engine's on this class path (they are released together). */
    static String pluginVersion() throws IOException {
        try (InputStream in = Workspace.class.getResourceAsStream(
                "/META-INF/maven/io.github.entitymigrations/migration-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("migration-core's pom.properties is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    private static Set<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toSet());
        }
    }

    /** Checks that exactly one migration was added, creating table n and nothing else, and removes it. */
    static void verifyAndRemove(Path directory, Set<Path> existing, int n) throws IOException {
        List<Path> added = files(directory).stream().filter(p -> !existing.contains(p)).toList();
        if (added.size() != 1) {
            throw new IllegalStateException("expected one new migration, found " + added);
        }
        JsonNode upgrade = MigrationJson.mapper().readTree(added.get(0).toFile()).get("upgrade");
        List<JsonNode> creates = new ArrayList<>();
        upgrade.forEach(op -> {
            if (op.get("op").asText().equals("create_table")) {
                creates.add(op);
            }
        });
        if (creates.size() != 1 || !creates.get(0).get("table").get("name").asText().equals(SchemaGenerator.tableName(n))) {
            throw new IllegalStateException(added.get(0) + " does not create exactly " + SchemaGenerator.tableName(n)
                    + ": " + upgrade);
        }
        Files.delete(added.get(0));
    }

    /** The child task: {@code migrationsDirectory snapshot message}; times {@code Workspace.generate}. */
    public static double generateTask(List<String> args) {
        long start = System.nanoTime();
        Optional<Path> file = new Workspace(Path.of(args.get(0)), Path.of(args.get(1)), Console.SILENT)
                .generate(args.get(2));
        double millis = (System.nanoTime() - start) / 1e6;
        if (file.isEmpty()) {
            throw new IllegalStateException("generate wrote nothing");
        }
        return millis;
    }
}
