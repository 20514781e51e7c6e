package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server itself killed (every process of it, by SIGKILL, as a power cut or an out-of-memory kill
 * would) in the middle of an upgrade whose migrations commit without waiting for the disk
 * ({@link StepExecutor#EARLY_COMMIT}): after the server's recovery the version table lists a prefix of the
 * migrations, each listed one wholly applied and none of the others begun, and a rerun applies the rest. A server
 * of the test's own (embedded), since the test kills it; with {@code synchronous_commit} on, as servers run.
 */
class ServerCrashTest {

    /** Migrations in the run: enough that the crash comes in the middle. */
    private static final int COUNT = 40;

    @TempDir
    Path tmp;

    @Test
    void aServerKilledMidRunKeepsAPrefixOfWholeMigrationsAndTheRerunAppliesTheRest() throws Exception {
        Path data = tmp.resolve("pgdata");
        EmbeddedPostgres server = start(data, 0);
        int port = server.getPort();
        TestDatabase db = TestDatabase.postgresAt(server.getJdbcUrl("postgres", "postgres"));
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (int i = 1; i <= COUNT; i++) {
            // A table, then a pause (a sql step, run on its own after the batch that starts the transaction).
            List<Operation> steps = List.of(new CreateTable(table("t" + i, t -> {
                t.id();
                t.col("label", varchar(40));
            })), sql(List.of("select pg_sleep(0.05)"), List.of("select 1")));
            h.add("create t" + i, steps, List.of(), false);
        }

        Process runner = ForkedRunner.start(db.url(), h.directory());
        int seen;
        try {
            seen = awaitRows(db, COUNT / 4, runner);
            kill(data);
        } finally {
            runner.destroyForcibly();
        }
        assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner did not end");
        try {
            server.close(); // its lock on the data directory; the server is gone already
        } catch (IOException | RuntimeException stopped) {
            // pg_ctl finds nothing to stop
        }
        server = start(data, port); // crash recovery
        try {
            List<String> rows = db.appliedIds();
            List<String> tables = db.numberedTables();
            System.out.printf("server killed with %d migration(s) seen applied; after recovery %d%n", seen,
                    rows.size());
            int kept = rows.size();
            assertTrue(kept < COUNT, "the kill came before the end: " + kept);
            assertEquals(IntStream.rangeClosed(1, kept).mapToObj(i -> String.format("%04d", i)).toList(), rows,
                    "a prefix of the migrations");
            assertEquals(IntStream.rangeClosed(1, kept).mapToObj(i -> "t" + i).toList(), tables,
                    "each listed migration's table, and no other");

            db.migrator(h.chain()).upgrade("head");

            assertEquals(COUNT, db.appliedIds().size());
            assertEquals(COUNT, db.numberedTables().size());
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Waits until the run has applied at least {@code rows} migrations; returns how many it has. */
    private static int awaitRows(TestDatabase db, int rows, Process runner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(runner.isAlive(), "the runner ended before the server was killed");
            int n = db.appliedIds().size(); // none before the version table is there
            if (n >= rows) {
                return n;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not get to " + rows + " migrations");
    }

    /** SIGKILL to every process of the server, its postmaster's children first: no shutdown, no checkpoint. */
    private static void kill(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
    }
}
