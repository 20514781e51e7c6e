package io.github.entitymigrations.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Property test over seeded random schema pairs: replaying {@code diff(a, b)} on {@code a} gives {@code b}, the
 * downgrade gives {@code a} back (from the upgraded state and from {@code b}), every replay step leaves a schema
 * a database would accept ({@link StrictReplay}), and diffing the result against {@code b} is empty. Deterministic;
 * a failure names its seeds. {@code -Dentitymigrations.seed=N} runs one seed of each kind.
 */
class RandomSchemaDiffTest {

    private static final int MUTATED_PAIRS = 300;
    private static final int UNRELATED_PAIRS = 100;
    private static final int EXAMPLES = 3;

    /** A pair to check, with what was done to get from one to the other. */
    private record Pair(Schema a, Schema b, List<String> log) {
    }

    private static Pair mutated(long seed) {
        RandomSchemas gen = new RandomSchemas(seed);
        Schema a = gen.schema();
        Mutations mutations = new Mutations(gen);
        Schema b = mutations.mutate(a);
        return new Pair(a, b, mutations.log);
    }

    private static Pair unrelated(long seed) {
        return new Pair(new RandomSchemas(seed).schema(), new RandomSchemas(seed + 1_000_003L).schema(),
                List.of("unrelated schemas"));
    }

    @Test
    void generatorGivesValidSchemas() {
        for (long seed : seeds(MUTATED_PAIRS)) {
            Pair p = mutated(seed);
            assertEquals(null, StrictReplay.Integrity.problem(p.a()), "seed " + seed + ": a");
            assertEquals(null, StrictReplay.Integrity.problem(p.b()), "seed " + seed + ": b after " + p.log());
        }
    }

    /** The mutations reach every operation the differ makes, so the properties below cover them all. */
    @Test
    void mutationsExerciseEveryOperation() {
        Set<String> seen = new TreeSet<>();
        for (long seed : seeds(MUTATED_PAIRS)) {
            Pair p = mutated(seed);
            SchemaDiff.diff(p.a(), p.b()).upgrade().forEach(op -> seen.add(op.getClass().getSimpleName()));
        }
        Set<String> all = new TreeSet<>();
        for (Class<?> type : Operation.class.getPermittedSubclasses()) {
            all.add(type.getSimpleName());
        }
        all.remove("Sql");
        if (System.getProperty("entitymigrations.seed") == null) {
            assertEquals(all, seen);
        }
    }

    @Test
    void mutatedPairsRoundTrip() {
        check("mutated", MUTATED_PAIRS, RandomSchemaDiffTest::mutated);
    }

    @Test
    void unrelatedPairsRoundTrip() {
        check("unrelated", UNRELATED_PAIRS, RandomSchemaDiffTest::unrelated);
    }

    private static List<Long> seeds(int count) {
        String only = System.getProperty("entitymigrations.seed");
        if (only != null) {
            return List.of(Long.parseLong(only));
        }
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= count; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private static void check(String kind, int count, LongFunction<Pair> pairs) {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        List<Long> seeds = seeds(count);
        int failedPairs = 0;
        for (long seed : seeds) {
            Pair p = pairs.apply(seed);
            Map<String, String> problems = properties(p.a(), p.b());
            if (!problems.isEmpty()) {
                failedPairs++;
            }
            problems.forEach((property, message) -> failures.computeIfAbsent(property, k -> new ArrayList<>())
                    .add("seed " + seed + " (" + String.join("; ", p.log()) + "):\n" + message));
        }
        if (!failures.isEmpty()) {
            Path full = Path.of("target", "random-schema-diff-" + kind + ".txt");
            StringBuilder b = new StringBuilder(failedPairs + " of " + seeds.size() + " pairs fail (every failure in "
                    + full.toAbsolutePath() + ")\n");
            failures.forEach((property, list) -> b.append("  ").append(property).append(": ").append(list.size())
                    .append(" pairs\n"));
            write(full, report(b, failures, Integer.MAX_VALUE));
            fail(report(b, failures, EXAMPLES));
        }
    }

    private static String report(StringBuilder summary, Map<String, List<String>> failures, int examples) {
        StringBuilder b = new StringBuilder(summary);
        failures.forEach((property, list) -> {
            b.append("\n=== ").append(property).append('\n');
            list.stream().limit(examples).forEach(example -> b.append(example).append("\n\n"));
        });
        return b.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each property that does not hold, with why. */
    private static Map<String, String> properties(Schema a, Schema b) {
        Map<String, String> problems = new LinkedHashMap<>();
        Diff diff;
        try {
            diff = SchemaDiff.diff(a, b);
        } catch (RuntimeException e) {
            problems.put("diff(a, b) runs", e.toString());
            return problems;
        }
        String ops = "upgrade:\n" + StrictReplay.listing(diff.upgrade());
        Schema upgraded = attempt(problems, "upgrade replays strictly on a", () ->
                StrictReplay.replay(a, diff.upgrade(), "upgrade on a"), "");
        if (upgraded != null) {
            expectSame(problems, "upgrade gives b", b, upgraded, ops);
            Schema back = attempt(problems, "downgrade replays strictly on the upgraded state", () ->
                    StrictReplay.replay(upgraded, diff.downgrade(), "downgrade on upgraded"), ops);
            if (back != null) {
                expectSame(problems, "downgrade on the upgraded state gives a", a, back, ops);
            }
            Diff again = SchemaDiff.diff(upgraded, b);
            if (!again.isEmpty()) {
                problems.put("diff(upgraded, b) is empty", ops + "then still:\n"
                        + StrictReplay.listing(again.upgrade()));
            }
        }
        Schema down = attempt(problems, "downgrade replays strictly on b", () ->
                StrictReplay.replay(b, diff.downgrade(), "downgrade on b"), ops);
        if (down != null) {
            expectSame(problems, "downgrade on b gives a", a, down, ops);
        }
        if (!SchemaDiff.diff(a, a).isEmpty() || !SchemaDiff.diff(b, b).isEmpty()) {
            problems.put("diff(x, x) is empty", "a schema differs from itself");
        }
        sameDiffOfReplayForm(problems, a, b);
        return problems;
    }

    /**
     * The differ reads a schema in the replay's form (as a validated history gives it) as it is, and copies any
     * other: both give the same operations. The copy is forced by a rename hint on the old side, which a database
     * does not hold, so the differ ignores it.
     */
    private static void sameDiffOfReplayForm(Map<String, String> problems, Schema a, Schema b) {
        Schema replayed = new SchemaState(a).toSchema();
        if (!SchemaState.isReplayForm(replayed)) {
            problems.put("a replayed schema is in the replay form", Normalized.of(replayed));
            return;
        }
        List<Table> hinted = new ArrayList<>(replayed.tables());
        if (hinted.isEmpty()) {
            return;
        }
        Table t = hinted.get(0);
        hinted.set(0, new Table(t.schema(), t.name(), t.quoted(), "hint_naming_nothing", t.sources(), t.columns(),
                t.primaryKey(), t.uniques(), t.indexes(), t.checks(), t.foreignKeys()));
        Schema copied = new Schema(replayed.naming(), hinted, replayed.sequences());
        if (SchemaState.isReplayForm(copied)) {
            problems.put("a schema with a rename hint is not in the replay form", Normalized.of(copied));
            return;
        }
        Diff direct = SchemaDiff.diff(replayed, b);
        Diff viaCopy = SchemaDiff.diff(copied, b);
        String want = StrictReplay.listing(viaCopy.upgrade()) + viaCopy.warnings();
        String got = StrictReplay.listing(direct.upgrade()) + direct.warnings();
        if (!want.equals(got)) {
            problems.put("the replay form is diffed as its copy is", "copied:\n" + want + "\nas it is:\n" + got);
        }
    }

    private interface Step {
        Schema run();
    }

    private static Schema attempt(Map<String, String> problems, String property, Step step, String ops) {
        try {
            return step.run();
        } catch (AssertionError | RuntimeException e) {
            problems.put(property, e + "\n" + ops);
            return null;
        }
    }

    private static void expectSame(Map<String, String> problems, String property, Schema expected, Schema actual,
                                   String ops) {
        String want = Normalized.of(expected);
        String got = Normalized.of(actual);
        if (!want.equals(got)) {
            problems.put(property, ops + "expected:\n" + want + "\nactual:\n" + got);
        }
    }
}
