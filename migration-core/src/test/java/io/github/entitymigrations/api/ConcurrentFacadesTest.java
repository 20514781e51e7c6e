package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Two application instances starting at once: two facades, each with a DataSource of its own, upgrade one
 * database at the same moment. Both succeed and each migration runs once (a second run of a create table
 * would fail; the version table would have a row twice).
 */
class ConcurrentFacadesTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twoFacadesUpgradingAtOnceApplyEachMigrationOnce(String kind) throws Exception {
        Db db = Db.of(kind, PG, tmp);
        Path migrations = Fixtures.migrations(tmp.resolve("migrations"), 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                EntityMigrations m = EntityMigrations.configure().dataSource(ownDataSource(db))
                        .location(migrations.toString()).classLoader(Fixtures.NO_SNAPSHOT).console(Console.SILENT)
                        .load();
                runs.add(pool.submit(() -> {
                    start.await();
                    m.upgrade();
                    return m.current();
                }));
            }
            for (Future<String> run : runs) {
                assertEquals("0003", run.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, count(*) from entity_migrations_history group by id order by id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "x" + rs.getInt(2));
            }
            assertEquals(List.of("0001x1", "0002x1", "0003x1"), rows);
        }
    }

    /** A DataSource of its own per facade, as two application instances have. */
    private static javax.sql.DataSource ownDataSource(Db db) {
        if (db.sqlite()) {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl(db.url());
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        return ds;
    }
}
