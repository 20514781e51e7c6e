package io.github.entitymigrations.bench.apply;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import io.github.entitymigrations.migrations.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the in-process apply's time goes, cold and warm: one JVM applies the migrations to {@link #ITERATIONS}
 * empty databases in turn; the first run is cold (class loading, interpreter, the JIT compiling), the median of the
 * last ones warm. "read" is {@code load()} (listing, reading and hashing the files, their headers parsed); the
 * other phases come from the debug line the engine ends an upgrade with ({@code Time by phase: ...}). Raw JDBC runs
 * the same statements the same way in a JVM of its own, for the floor at the same temperature.
 */
final class ApplyProfile {

    /** Runs per JVM; runs 1 is cold, the median of the last {@link #WARM} is warm. */
    static final int ITERATIONS = 5;
    private static final int WARM = 3;
    private static final String PHASES = "BENCH-PHASES ";
    /** The engine's phases, in its order, as its debug line names them. */
    private static final List<String> ENGINE = List.of("parse", "checks", "plan", "render", "statements",
            "checksums", "version rows", "plan wait", "other");
    /** What follows the run's own phases when the plan was worked out on a thread of its own beside them. */
    private static final String AHEAD = "; planned ahead:";
    private static final Pattern PHASE = Pattern.compile("([a-z][a-z ]*) ([0-9.]+) ms");

    private ApplyProfile() {
    }

    /** The profile table, both databases. */
    static Section measure(Context context, Generator.Fixture fixture) throws Exception {
        int iterations = context.quick() ? 2 : ITERATIONS;
        Map<String, List<Map<String, Double>>> ours = new LinkedHashMap<>();
        Map<String, List<Double>> jdbc = new LinkedHashMap<>();
        Path files = context.directory("apply-profile");
        for (String dialect : Generator.DIALECTS) {
            ours.put(dialect, runs(context, files, dialect, "ours", iterations, fixture.json()).stream()
                    .map(ApplyProfile::phases).toList());
            jdbc.put(dialect, runs(context, files, dialect, "jdbc", iterations, fixture.jdbc(dialect)).stream()
                    .map(line -> phases(line).get("total")).toList());
            System.out.printf(Locale.ROOT, "  profile %-10s cold %s, warm %s; raw JDBC cold %s, warm %s%n", dialect,
                    Stats.ms(ours.get(dialect).get(0).get("everything")), Stats.ms(warm(ours.get(dialect),
                            "everything")), Stats.ms(jdbc.get(dialect).get(0)), Stats.ms(warmOf(jdbc.get(dialect))));
        }
        return section(fixture, iterations, ours, jdbc);
    }

    /** One JVM applying the migrations to {@code iterations} empty databases in turn; its phase lines. */
    private static List<String> runs(Context context, Path files, String dialect, String tool, int iterations,
                                     Path input) throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> databases = new ArrayList<>();
        try {
            for (int i = 1; i <= iterations; i++) {
                if (dialect.equals("sqlite")) {
                    Path file = files.resolve(tool + "-" + i + ".db");
                    Files.deleteIfExists(file);
                    urls.add("jdbc:sqlite:" + file);
                } else {
                    String db = "bench_profile_" + tool + "_" + i;
                    databases.add(db);
                    urls.add(context.postgres().create(db));
                }
            }
            List<String> args = new ArrayList<>(List.of(input.toString()));
            args.addAll(urls);
            String task = tool.equals("ours") ? ApplyTasks.PROFILE_OURS : ApplyTasks.PROFILE_JDBC;
            List<String> lines = Measure.childOutput(task, ApplyTasks.QUIET_JVM, args.toArray(String[]::new)).lines()
                    .filter(l -> l.startsWith(PHASES)).map(l -> l.substring(PHASES.length())).toList();
            if (lines.size() != iterations) {
                throw new IllegalStateException(tool + " on " + dialect + ": " + lines.size() + " profile lines for "
                        + iterations + " runs");
            }
            return lines;
        } finally {
            for (String db : databases) {
                context.postgres().drop(db);
            }
            for (int i = 1; i <= iterations; i++) {
                Files.deleteIfExists(files.resolve(tool + "-" + i + ".db"));
            }
        }
    }

    private static Section section(Generator.Fixture fixture, int iterations,
                                   Map<String, List<Map<String, Double>>> ours, Map<String, List<Double>> jdbc) {
        Section s = new Section("Where the apply's time goes",
                "Entity Migrations in-process, applying the same " + fixture.migrations() + " migrations to "
                + iterations + " empty databases in turn in one JVM: the first run is cold (a fresh JVM, as in the "
                + "table above), warm is the median of the last " + Math.min(WARM, iterations - 1) + ". *read* is "
                + "`load()`: listing, reading and hashing the files and parsing their headers (on PostgreSQL "
                + "while the connection is opened on a thread of its own); the other phases are "
                + "the engine's own clock (`Time by phase` at debug level): *parse* the steps, *checks* before "
                + "anything runs, *plan* the replay of the operations on the schema, *render* the SQL (these four on a "
                + "thread of their own beside the statements on both databases here, so they overlap the rows "
                + "below and the rows add up to more than the total), *statements* "
                + "the migrations' transactions on the database, *checksums* the wait for each migration's checksum "
                + "(of its canonical JSON, computed as it is planned), *version rows* its history row, *plan wait* "
                + "the run waiting for the plan's next step, *other* connecting (on PostgreSQL: waiting for the "
                + "connection opened during *read*), the lock and the history checks. "
                + "Raw JDBC runs the same "
                + "statements, one transaction per migration, in a JVM of its own the same way. One JVM per "
                + "column pair, so these are single measurements, not medians of fresh processes.",
                "phase", "PostgreSQL cold", "PostgreSQL warm", "SQLite cold", "SQLite warm");
        List<String> rows = new ArrayList<>(List.of("read"));
        rows.addAll(ENGINE);
        rows.add("everything");
        for (String phase : rows) {
            List<Object> cells = new ArrayList<>(List.of(phase.equals("everything") ? "**total**"
                    : phase));
            for (String dialect : Generator.DIALECTS) {
                cells.add(Stats.ms(ours.get(dialect).get(0).get(phase)));
                cells.add(Stats.ms(warm(ours.get(dialect), phase)));
            }
            s.row(cells.toArray());
        }
        List<Object> floor = new ArrayList<>(List.of("raw JDBC, same statements"));
        for (String dialect : Generator.DIALECTS) {
            floor.add(Stats.ms(jdbc.get(dialect).get(0)));
            floor.add(Stats.ms(warmOf(jdbc.get(dialect))));
        }
        s.row(floor.toArray());
        List<Object> ratio = new ArrayList<>(List.of("ratio"));
        for (String dialect : Generator.DIALECTS) {
            ratio.add(Stats.ratio(ours.get(dialect).get(0).get("everything"), jdbc.get(dialect).get(0)));
            ratio.add(Stats.ratio(warm(ours.get(dialect), "everything"), warmOf(jdbc.get(dialect))));
        }
        s.row(ratio.toArray());
        return s;
    }

    private static double warm(List<Map<String, Double>> runs, String phase) {
        return warmOf(runs.stream().map(r -> r.get(phase)).toList());
    }

    private static double warmOf(List<Double> runs) {
        List<Double> last = runs.subList(Math.max(1, runs.size() - WARM), runs.size());
        return Stats.median(last.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@code read 1.0 ms, parse 2.0 ms, ...} as a map. */
    static Map<String, Double> phases(String line) {
        Map<String, Double> result = new LinkedHashMap<>();
        Matcher m = PHASE.matcher(line);
        while (m.find()) {
            result.put(m.group(1).strip(), Double.parseDouble(m.group(2)));
        }
        return result;
    }

    /** Task: {@code <migrations directory> <url>...}, our engine on each database in turn. */
    static double ours(List<String> args) {
        String directory = args.get(0);
        double first = Double.NaN;
        for (String url : args.subList(1, args.size())) {
            List<String> debug = new ArrayList<>();
            Console console = new Console() {
                @Override
                public void info(String line) {
                }

                @Override
                public void warn(String line) {
                }

                @Override
                public void debug(String line) {
                    debug.add(line);
                }
            };
            long start = System.nanoTime();
            EntityMigrations migrations = EntityMigrations.configure().url(url, null, null)
                    .location("filesystem:" + directory).console(console).load();
            long loaded = System.nanoTime();
            migrations.upgrade();
            double everything = (System.nanoTime() - start) / 1e6;
            String line = debug.stream().filter(l -> l.startsWith("Time by phase:")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The upgrade printed no time by phase: " + debug));
            int split = line.indexOf(AHEAD);
            Map<String, Double> engine = phases(split < 0 ? line : line.substring(0, split));
            if (!engine.keySet().containsAll(ENGINE)) {
                throw new IllegalStateException("Unexpected phases: " + line);
            }
            // Parsing, checking, planning and rendering take as long wherever they run: beside the statements
            // (PostgreSQL, SQLite), what the run waited for them is its "plan wait".
            if (split >= 0) {
                phases(line.substring(split + AHEAD.length())).forEach((phase, ms) -> {
                    if (!phase.equals("checksums")) {
                        engine.merge(phase, ms, Double::sum);
                    }
                });
            }
            StringBuilder out = new StringBuilder(PHASES).append(String.format(Locale.ROOT, "read %.1f ms",
                    (loaded - start) / 1e6));
            engine.forEach((phase, ms) -> out.append(String.format(Locale.ROOT, ", %s %.1f ms", phase, ms)));
            System.out.println(out.append(String.format(Locale.ROOT, ", everything %.1f ms", everything)));
            first = Double.isNaN(first) ? everything : first;
        }
        return first;
    }

    /** Task: {@code <statements file> <url>...}, raw JDBC on each database in turn. */
    static double jdbc(List<String> args) throws Exception {
        List<List<String>> migrations = Generator.Fixture.readStatements(Path.of(args.get(0)));
        double first = Double.NaN;
        for (String url : args.subList(1, args.size())) {
            long start = System.nanoTime();
            ApplyTasks.runStatements(url, migrations);
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.println(PHASES + String.format(Locale.ROOT, "total %.1f ms", ms));
            first = Double.isNaN(first) ? ms : first;
        }
        return first;
    }
}
