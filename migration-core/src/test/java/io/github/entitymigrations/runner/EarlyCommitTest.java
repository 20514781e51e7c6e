package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On PostgreSQL every migration of a run but the last commits without waiting for the server's disk
 * ({@link StepExecutor#EARLY_COMMIT}); the last commit, or {@link StepExecutor#settle} when the run stops before
 * it, waits for them all. What a run leaves is the same as when every commit waited.
 */
class EarlyCommitTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int SHARE_FROM = Migrator.shareFrom;

    @TempDir
    Path tmp;

    /** One transaction per migration, planned first: no migration shares the held transaction. */
    @BeforeEach
    void planFirst() {
        Migrator.shareFrom = Integer.MAX_VALUE;
    }

    @AfterEach
    void restore() {
        Migrator.shareFrom = SHARE_FROM;
        StepExecutor.earlyCommit = StepExecutor.EARLY_COMMIT;
    }

    /** {@code count} migrations, one table each. */
    private MigrationHistory tables(int count) {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (int i = 1; i <= count; i++) {
            h.add("create t" + i, new CreateTable(table("t" + i, t -> {
                t.id();
                t.col("label", varchar(40));
            })));
        }
        return h;
    }

    @Test
    void everyMigrationButTheLastCommitsEarly() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        RecordingConsole console = new RecordingConsole();

        db.migrator(tables(6).chain(), console).upgrade("head");

        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"), db.appliedIds());
        assertEquals(List.of("5 migration(s) committed without waiting for the disk; the last commit waited for "
                + "them all"), console.debugLines().stream().filter(l -> l.contains("committed without")).toList(),
                console.toString());
    }

    @Test
    void aRunOfOneWaitsForItsCommit() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        RecordingConsole console = new RecordingConsole();

        db.migrator(tables(1).chain(), console).upgrade("head");

        assertEquals(List.of("0001"), db.appliedIds());
        assertTrue(console.debugLines().stream().noneMatch(l -> l.contains("committed without")),
                String.join("\n", console.debugLines()));
    }

    /** The other databases have no commit of one transaction that skips the disk: every commit waits there. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SQLITE", "MARIADB"})
    void onlyPostgresqlCommitsEarly(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        RecordingConsole console = new RecordingConsole();

        db.migrator(tables(3).chain(), console).upgrade("head");

        assertEquals(List.of("0001", "0002", "0003"), db.appliedIds());
        assertTrue(console.debugLines().stream().noneMatch(l -> l.contains("committed without")),
                String.join("\n", console.debugLines()));
    }

    /**
     * A server that speaks PostgreSQL's protocol but refuses the setting (here: a value PostgreSQL refuses) fails the
     * first migration's batch at the setting; that migration runs again without it, and no later one asks again.
     */
    @Test
    void aServerThatRefusesTheEarlyCommitRunsEveryMigrationAsBefore() throws Exception {
        StepExecutor.earlyCommit = "set local synchronous_commit to sometimes";
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        RecordingConsole console = new RecordingConsole();

        db.migrator(tables(4).chain(), console).upgrade("head");

        assertEquals(List.of("0001", "0002", "0003", "0004"), db.appliedIds());
        assertEquals(List.of("t1", "t2", "t3", "t4"), db.numberedTables());
        assertTrue(console.debugLines().stream().noneMatch(l -> l.contains("committed without")),
                String.join("\n", console.debugLines()));
    }

    /**
     * A run that stops at a failing migration keeps those committed early before it, and reports them as applied.
     */
    @Test
    void aFailingMigrationAfterEarlyCommitsKeepsThoseBeforeIt() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = tables(3);
        h.add("create clash", new CreateTable(table("clash", t -> t.id())));
        h.add("create t5", new CreateTable(table("t5", t -> t.id())));
        db.migrator(h.chain()).upgrade("0001");
        db.execute("create table clash (made_by_hand integer)");

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertEquals(List.of("0001", "0002", "0003"), db.appliedIds(), e.getMessage());
        assertTrue(e.getMessage().contains("0004") && e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(List.of("t1", "t2", "t3"), db.numberedTables());
    }

    /** The early commit's setting holds for its transaction only: the session's own is back after the commit. */
    @Test
    void theEarlyCommitHoldsForItsTransactionOnly() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("set synchronous_commit to on"); // the session's own (embedded PostgreSQL's default is off)
            c.setAutoCommit(false);
            s.addBatch(StepExecutor.EARLY_COMMIT);
            s.addBatch("create table early_one (id bigint primary key)");
            s.executeBatch();
            assertEquals("off", show(s));
            c.commit();
            assertEquals("on", show(s));
        }
    }

    /**
     * {@link StepExecutor#settle}, after a migration committed early and nothing after it: returns once the server's
     * log is on disk up to that commit.
     */
    @Test
    void settlingWaitsForTheEarlyCommitsToReachTheDisk() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = tables(2);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Database database = db.database();
            VersionTable versions = VersionTable.of(database);
            try (StepExecutor executor = new StepExecutor(database.dialect(), versions, null, "test", false,
                    new RunTimes())) {
                versions.create(c);
                List<Step> steps = Planner.upgrade(h.chain(), database.dialect(), 0, 2);
                executor.run(c, steps.get(0), "PostgreSQL", true);
                String written = single(s, "select pg_current_wal_insert_lsn()");

                executor.settle(c);

                assertEquals("t", single(s, "select pg_current_wal_flush_lsn() >= '" + written + "'::pg_lsn"),
                        "the log up to the early commit is on disk");
                assertEquals(1, executor.earlyCommitted());
            }
        }
    }

    private static String show(Statement s) throws SQLException {
        return single(s, "show synchronous_commit");
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }
}
