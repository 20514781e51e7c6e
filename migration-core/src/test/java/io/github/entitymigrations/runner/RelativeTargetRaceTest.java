package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three runs of {@code downgrade -1} (or {@code upgrade +1}) waiting together for the lock on a database at
 * 0005 move it by one migration, not three: a relative target means "one from where the database was when I
 * started", so the runs that find it already moved by another run say so and do nothing.
 */
class RelativeTargetRaceTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void threeConcurrentDowngradesByOneRevertOneMigration(Kind kind) throws Exception {
        RecordingConsole console = race(kind, (m, i) -> m.downgrade("-1"));
        assertEquals(LoggedMigrations.ids(4), db.appliedIds(), console.toString());
        assertEquals(List.of("-0005"), LoggedMigrations.log(db), "only 0005 was reverted, once:\n" + console);
        assertEquals(2, console.count("another run moved the database from 0005 to 0004"), console.toString());
        // In the library's words (the default advice), not the Maven plugin's "Run the goal again".
        assertEquals(2, console.count("Run it again to go further."), console.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void threeConcurrentUpgradesByOneApplyOneMigration(Kind kind) throws Exception {
        RecordingConsole console = race(kind, (m, i) -> m.upgrade("+1"));
        assertEquals(LoggedMigrations.ids(6), db.appliedIds(), console.toString());
        assertEquals(List.of("+0006"), LoggedMigrations.log(db), "only 0006 was applied, once:\n" + console);
        assertEquals(2, console.count("another run moved the database from 0005 to 0006"), console.toString());
    }

    private TestDatabase db;

    /**
     * Three runs of {@code goal} on a database at 0005 (of 8). The test holds the lock until all three are
     * waiting for it, so each has seen 0005 before any of them can move the database, however slow the
     * machine.
     */
    private RecordingConsole race(Kind kind, BiConsumer<Migrator, Integer> goal) throws Exception {
        db = TestDatabase.open(kind, PG, tmp);
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("migrations"), 8);
        LoggedMigrations.prepare(db, chain);
        db.migrator(chain).upgrade("0005");
        LoggedMigrations.clearLog(db);
        RecordingConsole console = new RecordingConsole();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> runs = new ArrayList<>();
            try (AutoCloseable held = holdLock(db)) {
                for (int i = 0; i < 3; i++) {
                    Migrator migrator = db.migrator(chain, console);
                    int n = i;
                    runs.add(pool.submit(() -> {
                        goal.accept(migrator, n);
                        return null;
                    }));
                }
                long until = System.nanoTime() + 10_000_000_000L;
                while (console.count("Waiting for the migration lock") < 3 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertEquals(3, console.count("Waiting for the migration lock"), console.toString());
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return console;
    }

    private static PreparedStatement lockName(PreparedStatement p, String name) throws SQLException {
        p.setString(1, name);
        return p;
    }

    /** Takes the migration lock a run on {@code db} takes, as another run would. */
    static AutoCloseable holdLock(TestDatabase db) throws Exception {
        if (db.isSqlite()) {
            SqliteLock lock = SqliteLock.of(db.database());
            assertTrue(lock.tryAcquire());
            return lock;
        }
        Connection holder = db.connect();
        if (db.kind().isMariaDb()) {
            try (PreparedStatement p = holder.prepareStatement("select get_lock(?, 0)");
                 ResultSet rs = lockName(p, MariaDbLock.name(MariaDbKind.currentDatabase(holder), VersionTable.NAME))
                         .executeQuery()) {
                assertTrue(rs.next() && rs.getInt(1) == 1, "the holder took the lock");
            }
            return holder;
        }
        try (PreparedStatement p = holder.prepareStatement("select pg_advisory_lock(?)")) {
            p.setLong(1, PostgresLock.key(holder, VersionTable.of(db.database())));
            p.execute();
        }
        return holder;
    }
}
