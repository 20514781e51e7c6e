package io.github.entitymigrations.bench;

import io.github.entitymigrations.bench.apply.ApplyBenchmark;
import io.github.entitymigrations.bench.apply.NetworkBenchmark;
import io.github.entitymigrations.bench.compile.ProcessorBenchmark;
import io.github.entitymigrations.bench.fleet.FleetBenchmark;
import io.github.entitymigrations.bench.generate.GenerateBenchmark;
import io.github.entitymigrations.bench.rebuild.RebuildBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the benchmarks, prints their tables and writes {@code BENCHMARKS.md}. Started by
 * {@code benchmarks/run.sh}:
 * <pre>
 * Main [--runs N] [--quick] [--only apply,processor,...] [--out BENCHMARKS.md] [--fleet-schemas N]
 * </pre>
 */
public final class Main {

    /** Every benchmark, in report order. */
    static List<Benchmark> all() {
        return List.of(ApplyBenchmark.apply(), ApplyBenchmark.noop(), new ProcessorBenchmark(), new GenerateBenchmark(),
                new RebuildBenchmark(), new FleetBenchmark(), new NetworkBenchmark());
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
        Path out = repository.resolve("BENCHMARKS.md");
        int runs = 5;
        boolean quick = false;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--fleet-schemas" -> System.setProperty(FleetBenchmark.SCHEMAS_PROPERTY, args[++i]);
                case "--network-delay-us" -> System.setProperty(NetworkBenchmark.DELAY_PROPERTY, args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; usage: run.sh [--runs N] [--quick] [--only " + all().stream().map(Benchmark::name)
                        .collect(Collectors.joining(",")) + "] [--out FILE] [--fleet-schemas N] [--network-delay-us N]");
            }
        }
        if (quick && runs == 5) {
            runs = 1;
        }
        Path work = Files.createTempDirectory("entity-migrations-bench");
        List<Section> sections = new ArrayList<>();
        long start = System.nanoTime();
        try (Postgres postgres = Postgres.start()) {
            Context context = new Context(repository, work, runs, quick, postgres);
            String machine = Machine.describe(postgres);
            System.out.println(machine);
            for (Benchmark b : all()) {
                if (!only.isEmpty() && !only.contains(b.name())) {
                    continue;
                }
                System.out.println("== running " + b.name() + " (" + runs + " run(s) each)");
                for (Section s : b.run(context)) {
                    System.out.println(s.text());
                    sections.add(s);
                }
            }
            double minutes = (System.nanoTime() - start) / 60e9;
            String report = report(machine, args, runs, quick, minutes, sections);
            Files.writeString(out, report);
            System.out.println("Wrote " + out);
        } finally {
            deleteTree(work);
        }
    }

    /** Not a timing: the schema comparison on real applications has its own script and results page. */
    static final String REAL_APPS = """
            ## Schema fidelity on real applications

            Not a timing, so not part of this run: `bash benchmarks/real-apps/run.sh` compares, on the entity models \
            of public applications fetched at pinned commits, the schema our migrations create with the one \
            Hibernate 6.6, 7.2 and 7.4 create for the same classes, on PostgreSQL and SQLite, in jpa and spring \
            naming. How to run it, the applications and the latest numbers: \
            [benchmarks/real-apps/README.md](benchmarks/real-apps/README.md).
            """;

    static String report(String machine, String[] args, int runs, boolean quick, double minutes,
                         List<Section> sections) {
        StringBuilder b = new StringBuilder("# Benchmarks\n\n");
        b.append("Measured on ").append(LocalDate.now()).append(" with `bash benchmarks/run.sh")
                .append(args.length == 0 ? "" : " " + String.join(" ", Arrays.asList(args))).append("` (")
                .append(String.format(java.util.Locale.ROOT, "%.1f", minutes)).append(" min in all)")
                .append(quick ? ", **quick mode: a harness check, not numbers to compare**" : "").append(".\n\n");
        b.append(machine.lines().map(l -> l.isBlank() ? "" : "- " + l).collect(Collectors.joining("\n")))
                .append("\n\n");
        b.append("Every figure is the median of ").append(runs).append(" run(s), each in a fresh process (a new JVM, or the ")
                .append("whole command for `mvn` and the sqlite3 shell), and every database run starts from an empty ")
                .append("database. Peak memory is the largest peak resident set size of those processes. Ratios ")
                .append("are against the baseline named in each table, from the same run.\n\n");
        sections.forEach(s -> b.append(s.markdown()));
        b.append(REAL_APPS);
        return b.toString();
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
