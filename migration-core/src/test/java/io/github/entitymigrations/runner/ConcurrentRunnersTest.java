package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack: 8 runners at once ({@code upgrade head}, {@code upgrade +1}, {@code downgrade -1}), several rounds.
 * Every migration logs each apply and revert in {@code run_log}; replaying that log must be a legal history
 * (only the next migration applied, only the current one reverted: a double apply breaks it), every run
 * that moved the database moved it exactly as far as its target says from where it started, and the
 * moving runs chain, in some order, from the round's start to the database's final position.
 */
class ConcurrentRunnersTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int MIGRATIONS = 8;
    private static final List<List<String>> ROUNDS = List.of(
            List.of("+1", "-1", "+1", "-1", "+1", "-1", "head", "+1"),
            List.of("-1", "-1", "-1", "+1", "-1", "+1", "-1", "-1"),
            List.of("head", "-1", "+1", "-1", "head", "+1", "-1", "+1"));
    private static final Pattern MOVED = Pattern.compile("(?:Upgrading|Downgrading) from (\\w+) to (\\w+):");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eightConcurrentRunnersApplyAndRevertEachMigrationExactlyOnce(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), MIGRATIONS);
        LoggedMigrations.prepare(db, chain);
        db.migrator(chain).upgrade("0004");
        int position = 4;
        for (int r = 0; r < ROUNDS.size(); r++) {
            LoggedMigrations.clearLog(db);
            List<Outcome> outcomes = round(db, chain, ROUNDS.get(r));
            String context = "round " + (r + 1) + " from " + position + ": " + outcomes;
            int end = replay(position, LoggedMigrations.log(db), context);
            assertEquals(LoggedMigrations.ids(end), db.appliedIds(), "the version table agrees with the log; " + context);
            List<int[]> moves = new ArrayList<>();
            int logged = 0;
            for (Outcome o : outcomes) {
                if (o.from() >= 0) {
                    if (!o.target().equals("head")) {
                        assertEquals(o.from() + Integer.parseInt(o.target()), o.to(), "relative from its start; " + context);
                    }
                    moves.add(new int[] {o.from(), o.to()});
                    logged += Math.abs(o.to() - o.from());
                }
            }
            assertEquals(logged, LoggedMigrations.log(db).size(), "each move ran each migration once; " + context);
            assertTrue(chains(position, end, moves, new boolean[moves.size()]),
                    "the moving runs form one serial order from " + position + " to " + end + "; " + context);
            position = end;
        }
    }

    /** What one run did: moved from/to (positions), or nothing ({@code from} -1), with its lines. */
    record Outcome(String target, int from, int to, String said) {
        @Override
        public String toString() {
            return target + (from < 0 ? " did nothing" : " moved " + from + "->" + to) + " [" + said + "]";
        }
    }

    private static List<Outcome> round(TestDatabase db, MigrationChain chain, List<String> targets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        try {
            CyclicBarrier start = new CyclicBarrier(targets.size());
            List<Future<Outcome>> runs = new ArrayList<>();
            for (String target : targets) {
                runs.add(pool.submit(() -> {
                    RecordingConsole console = new RecordingConsole();
                    Migrator migrator = db.migrator(chain, console);
                    start.await();
                    try {
                        if (target.startsWith("-")) {
                            migrator.downgrade(target);
                        } else {
                            migrator.upgrade(target);
                        }
                    } catch (MigrationException e) {
                        // At an end of the chain a relative target has nowhere to go: a clear refusal, nothing run.
                        assertTrue(e.getMessage().startsWith("Cannot upgrade +1: only 0 migration(s) are pending")
                                || e.getMessage().startsWith("Cannot downgrade -1: only 0 migration(s) are applied"),
                                e.getMessage());
                        return new Outcome(target, -1, -1, e.getMessage());
                    }
                    Matcher m = MOVED.matcher(console.toString());
                    return m.find() ? new Outcome(target, position(m.group(1)), position(m.group(2)), console.toString())
                            : new Outcome(target, -1, -1, console.toString());
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> run : runs) {
                try {
                    outcomes.add(run.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    fail("a run failed: " + e.getCause(), e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The position after the log, checking each entry is the only legal next move. */
    private static int replay(int position, List<String> log, String context) {
        for (String entry : log) {
            int id = Integer.parseInt(entry.substring(1));
            if (entry.startsWith("+")) {
                assertEquals(position + 1, id, "applied out of order or twice: " + log + "; " + context);
                position++;
            } else {
                assertEquals(position, id, "reverted out of order or twice: " + log + "; " + context);
                position--;
            }
        }
        return position;
    }

    /** Whether the moves, in some order, lead from {@code at} to {@code end} (each starting where one ended). */
    private static boolean chains(int at, int end, List<int[]> moves, boolean[] used) {
        boolean any = false;
        for (int i = 0; i < moves.size(); i++) {
            if (!used[i]) {
                any = true;
                if (moves.get(i)[0] == at) {
                    used[i] = true;
                    if (chains(moves.get(i)[1], end, moves, used)) {
                        return true;
                    }
                    used[i] = false;
                }
            }
        }
        return !any && at == end;
    }

    private static int position(String label) {
        return label.equals("base") ? 0 : Integer.parseInt(label);
    }
}
