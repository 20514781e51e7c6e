package io.github.entitymigrations.bench.compile;

import io.github.entitymigrations.bench.Benchmark;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Main;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * javac on generated entities: plain ({@code -proc:none}), with our processor, and with Hibernate's
 * metamodel processor for reference. Each compilation runs through {@code javax.tools} in a fresh JVM
 * (a {@code Child} task), as maven-compiler-plugin runs javac in Maven's JVM; only the compilation is timed,
 * so the JVM's start-up, the same for all three, does not dilute the processor's share.
 */
public final class ProcessorBenchmark implements Benchmark {

    public static final String TASK = "javac";
    /** The task that compiles the same sources several times in one JVM, timing our processor inside javac. */
    public static final String INSIDE_TASK = "javac-inside";
    /** Compilations in that JVM: the first is cold, the median of the last {@link #INSIDE_WARM} warm. */
    static final int INSIDE_ITERATIONS = 6;
    static final int INSIDE_WARM = 3;
    private static final String INSIDE = "BENCH-INSIDE ";
    /**
     * Our processor's own work (its compilation minus the no-op processor's, javac's own cost of running any
     * processor, which is the floor) at most this share of plain javac.
     */
    static final double TARGET = 0.05;
    /**
     * Rounds of plain javac, the no-op processor and ours, at least (outside {@code --quick}): our processor's share
     * is a few hundred milliseconds, while one compilation's time swings by a second from round to round on a
     * 2-core machine (the JIT's compiler threads and javac's share the cores); the medians of 5 moved by several
     * points of the target between runs of the same code. Hibernate's processor, a reference only, runs the rounds
     * asked for.
     */
    static final int MIN_ROUNDS = 11;

    /** The compilations, by the name the task takes. */
    private static final Map<String, String> MODES = new LinkedHashMap<>();

    static {
        MODES.put("plain", "javac, no processor (`-proc:none`)");
        MODES.put("noop", "javac + a no-op processor (the floor: javac's own cost of running any processor)");
        MODES.put("ours", "javac + Entity Migrations processor");
        MODES.put("hibernate", "javac + Hibernate processor 7.0 (metamodel, reference)");
    }

    @Override
    public String name() {
        return "processor";
    }

    @Override
    public List<Section> run(Context context) throws Exception {
        int entities = context.quick() ? 100 : 1000;
        Path javacDir = context.repository().resolve("benchmarks/target/javac");
        Path dir = context.directory("processor");
        EntityGenerator generator = new EntityGenerator(entities);
        List<Path> sources = generator.write(dir.resolve("src"));
        Path list = dir.resolve("sources.txt");
        Files.write(list, sources.stream().map(Path::toString).toList());
        int expectedTables = generator.expectedTables();
        Path out = dir.resolve("classes");
        Path noop = NoopProcessor.build(dir.resolve("noop-processor"), Javac.jars(javacDir.resolve("api")));

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        MODES.keySet().forEach(m -> samples.put(m, new ArrayList<>()));
        int warmups = context.quick() ? 0 : 1;
        int rounds = context.quick() ? context.runs() : Math.max(context.runs(), MIN_ROUNDS);
        for (int run = -warmups; run < rounds; run++) {
            for (String mode : MODES.keySet()) {
                if (mode.equals("hibernate") && run >= context.runs()) {
                    continue;
                }
                Main.deleteTree(out);
                Sample s = Measure.child(TASK, mode, javacDir.toString(), list.toString(), out.toString(),
                        noop.toString());
                verify(mode, out, sources.size(), entities, expectedTables);
                if (run >= 0) {
                    samples.get(mode).add(s);
                }
            }
        }
        Main.deleteTree(out);
        int iterations = context.quick() ? 2 : INSIDE_ITERATIONS;
        List<double[]> inside = Measure.childOutput(INSIDE_TASK, List.of(), javacDir.toString(), list.toString(),
                        out.toString(), String.valueOf(iterations)).lines()
                .filter(l -> l.startsWith(INSIDE))
                .map(l -> Arrays.stream(l.substring(INSIDE.length()).split(" "))
                        .mapToDouble(Double::parseDouble).toArray())
                .toList();
        if (inside.size() != iterations) {
            throw new IllegalStateException("javac-inside printed " + inside.size() + " lines for " + iterations
                    + " compilations");
        }
        verify("ours", out, sources.size(), entities, expectedTables);
        Main.deleteTree(out);

        double plain = Stats.medianMillis(samples.get("plain"));
        Section section = new Section("Annotation processor: javac on " + entities + " entities",
                entities + " generated jakarta.persistence entities (" + sources.size() + " source files with "
                        + "enums, embeddables and a mapped superclass; " + expectedTables + " tables: basic types, "
                        + "enums, BigDecimal, dates, UUID, embeddables, many-to-one/one-to-many/many-to-many, "
                        + "element collections, SINGLE_TABLE and JOINED hierarchies, indexes, unique constraints, "
                        + "sequence generators, @Version, getters and setters) compiled with javac `--release 17` "
                        + "through javax.tools in a fresh JVM per run, as maven-compiler-plugin does; only the "
                        + "compilation is timed. Plain javac, the no-op processor and ours: medians of "
                        + rounds + (rounds == 1 ? " round" : " rounds")
                        + ", each compiling once in each mode, in that order"
                        + (rounds > context.runs() ? " (more rounds than the other sections: "
                        + "the processor's share is small next to how much one compilation swings)" : "")
                        + "; Hibernate's: of " + samples.get("hibernate").size() + ".",
                "compilation", "median", "vs plain javac", "on top of the no-op floor", "per entity",
                "peak memory");
        double floor = Stats.medianMillis(samples.get("noop"));
        for (Map.Entry<String, String> m : MODES.entrySet()) {
            double median = Stats.medianMillis(samples.get(m.getKey()));
            String onTop = switch (m.getKey()) {
                case "plain" -> "";
                case "noop" -> "(floor)";
                default -> String.format(Locale.ROOT, "%s%s (%.1f%% of plain javac)", median >= floor ? "+" : "−",
                        Stats.ms(Math.abs(median - floor)), 100 * (median - floor) / plain);
            };
            section.row(m.getValue(), Stats.ms(median), Stats.ratio(median, plain), onTop,
                    Stats.ms(median / entities), Stats.mib(Stats.peakMib(samples.get(m.getKey()))));
        }
        double ours = Stats.medianMillis(samples.get("ours"));
        double own = (ours - floor) / plain;
        section.note(String.format(Locale.ROOT, "javac's own cost of running any annotation processor (a processor "
                        + "that does nothing: javac enters every class again for the final round) is the floor every "
                        + "processor pays, whatever it does: %s on top of plain javac (%.2f×) in this run.",
                Stats.ms(floor - plain), floor / plain));
        // Each round compiles with the no-op processor and right after it with ours: the difference within a round is
        // steadier than the difference of two medians on a machine whose speed drifts between rounds.
        double[] paired = new double[samples.get("ours").size()];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = samples.get("ours").get(i).millis() - samples.get("noop").get(i).millis();
        }
        double pairedShare = Stats.median(paired) / plain;
        section.note(String.format(Locale.ROOT, "Target: our processor's own work, on top of that floor, at most "
                        + "%.0f%% of plain javac, by both estimates of it. This run: %s on top of the no-op "
                        + "processor's %s, %.1f%% of plain javac's %s by the difference of the medians; %s, %.1f%% by "
                        + "each round's pair (ours less the no-op processor run just before it, the median of the %d "
                        + "rounds' differences; round by round %s to %s): **%s**.", TARGET * 100,
                signed(ours - floor), Stats.ms(floor), own * 100, Stats.ms(plain), signed(pairedShare * plain),
                pairedShare * 100, paired.length, signed(Arrays.stream(paired).min().orElse(Double.NaN)),
                signed(Arrays.stream(paired).max().orElse(Double.NaN)), verdict(own, pairedShare)));
        int warm = Math.min(INSIDE_WARM, iterations - 1);
        List<double[]> last = inside.subList(inside.size() - warm, inside.size());
        double warmOwn = Stats.median(last.stream().mapToDouble(r -> r[0]).toArray());
        double warmCompile = Stats.median(last.stream().mapToDouble(r -> r[1]).toArray());
        double warmShare = warmOwn / plain;
        section.note(String.format(Locale.ROOT, "Where our part goes: the time javac spends inside our processor (its "
                        + "init and process calls, on javac's thread; the snapshot's JSON, made on a thread of its "
                        + "own while javac compiles on, is only in the compilations' totals above), compiling the "
                        + "same sources %d times in one JVM: %s in the first, "
                        + "cold compilation (%.1f%% of plain javac; %s of it CPU time of javac's thread, the rest "
                        + "waiting for a core the JIT's compiler threads hold), %s warm (median of the last %d: "
                        + "%.1f%% of plain javac; the warm compilations took %s in all). %s",
                iterations, Stats.ms(inside.get(0)[0]), 100 * inside.get(0)[0] / plain, Stats.ms(inside.get(0)[2]),
                Stats.ms(warmOwn), warm,
                100 * warmShare, Stats.ms(warmCompile), warmShare <= TARGET
                        ? "Warm, the work itself is within the target; the cold figure is that work done with our "
                        + "classes loaded, interpreted and compiled by the JIT while javac runs, which a build pays "
                        + "once per compilation."
                        : "Even warm, the work itself is above the target."));
        section.note("Every run was checked: all " + sources.size() + " classes written; with our processor, "
                + "META-INF/entity-migrations/schema.json holding exactly the " + expectedTables
                + " expected tables; with Hibernate's, a metamodel class for each of the " + entities + " entities.");
        section.note("Hibernate's processor generates and compiles a metamodel source per entity, so it does "
                + "more work than ours; it is there to size ours against a processor teams already run.");
        return List.of(section);
    }

    /**
     * Met only when both estimates are within the target: the processor's share is a few hundred milliseconds and one
     * compilation swings by more than a second, so on a noisy run the two disagree (the difference of the medians
     * has come out negative, ours faster than doing nothing), and one of them alone would call noise a result.
     */
    static String verdict(double byMedians, double byPairs) {
        if (byMedians <= TARGET && byPairs <= TARGET) {
            return "met";
        }
        return byMedians <= TARGET || byPairs <= TARGET
                ? "missed (the two estimates disagree: within the run's noise, not met)" : "missed";
    }

    /** Milliseconds with their sign. */
    private static String signed(double millis) {
        return (millis < 0 ? "−" : "+") + Stats.ms(Math.abs(millis));
    }

    private static void verify(String mode, Path out, int sources, int entities, int expectedTables)
            throws IOException {
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        long own = classes.stream().filter(p -> !p.getFileName().toString().endsWith("_.class")).count();
        if (own != sources) {
            throw new IllegalStateException(mode + ": " + own + " classes written for " + sources + " sources");
        }
        Path snapshot = out.resolve("META-INF/entity-migrations/schema.json");
        if (mode.equals("ours")) {
            if (!Files.isRegularFile(snapshot)) {
                throw new IllegalStateException("ours: no snapshot written at " + snapshot);
            }
            Schema schema = SchemaJson.read(Files.readString(snapshot));
            if (schema.tables().size() != expectedTables) {
                throw new IllegalStateException("ours: the snapshot has " + schema.tables().size()
                        + " tables, expected " + expectedTables);
            }
        } else if (Files.exists(snapshot)) {
            throw new IllegalStateException(mode + ": a snapshot was written");
        }
        long metamodel = classes.size() - own;
        if (mode.equals("hibernate") ? metamodel < entities : metamodel != 0) {
            throw new IllegalStateException(mode + ": " + metamodel + " metamodel classes for " + entities + " entities");
        }
    }

    /**
     * The child task {@code javacDir sourcesList out iterations}: compiles the sources with our processor that many
     * times in this JVM, printing for each the milliseconds spent inside the processor, those of the whole
     * compilation, and the CPU milliseconds of javac's thread inside the processor; returns the first compilation's.
     */
    public static double insideTask(List<String> args) throws Exception {
        Path javacDir = Path.of(args.get(0));
        List<Path> sources = Files.readAllLines(Path.of(args.get(1))).stream().map(Path::of).toList();
        Path out = Path.of(args.get(2));
        int iterations = Integer.parseInt(args.get(3));
        List<Path> classPath = Javac.jars(javacDir.resolve("api"));
        List<Path> ours = Javac.jars(javacDir.resolve("ours"));
        java.net.URL[] urls = new java.net.URL[ours.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = ours.get(i).toUri().toURL();
        }
        double first = Double.NaN;
        // One loader for every compilation, as a build daemon or an IDE keeps it: the processor's classes and
        // their compiled code carry over, so the later compilations show its work warm.
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (int i = 0; i < iterations; i++) {
                Main.deleteTree(out);
                List<javax.annotation.processing.Processor> found = new ArrayList<>();
                java.util.ServiceLoader.load(javax.annotation.processing.Processor.class, loader).forEach(found::add);
                if (found.size() != 1) {
                    throw new IllegalStateException("expected our one processor, found " + found);
                }
                TimedProcessor timed = new TimedProcessor(found.get(0));
                long start = System.nanoTime();
                Javac.compile(sources, classPath, null, List.of(timed), out);
                double compile = (System.nanoTime() - start) / 1e6;
                System.out.println(INSIDE + timed.millis() + " " + compile + " " + timed.cpuMillis());
                first = Double.isNaN(first) ? compile : first;
            }
        }
        return first;
    }

    /**
     * The child task: {@code mode javacDir sourcesList out noopProcessorDir}. Times the compilation only.
     */
    public static double compileTask(List<String> args) throws Exception {
        String mode = args.get(0);
        Path javacDir = Path.of(args.get(1));
        List<Path> sources = Files.readAllLines(Path.of(args.get(2))).stream().map(Path::of).toList();
        Path out = Path.of(args.get(3));
        Path noop = Path.of(args.get(4));
        List<Path> classPath = Javac.jars(javacDir.resolve("api"));
        List<Path> processorPath = switch (mode) {
            case "plain" -> null;
            case "noop" -> List.of(noop);
            case "ours" -> Javac.jars(javacDir.resolve("ours"));
            case "hibernate" -> Javac.jars(javacDir.resolve("hibernate"));
            default -> throw new IllegalArgumentException(mode);
        };
        long start = System.nanoTime();
        Javac.compile(sources, classPath, processorPath, null, out);
        return (System.nanoTime() - start) / 1e6;
    }
}
