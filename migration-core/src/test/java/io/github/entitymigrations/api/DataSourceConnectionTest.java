package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Connections borrowed from an application's DataSource go back as they were lent; in-memory SQLite and
 * databases that cannot be reached give clear errors.
 */
class DataSourceConnectionTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private EntityMigrations.Configuration migrations() throws Exception {
        return EntityMigrations.configure().location(Fixtures.migrations(tmp.resolve("migrations"), 3).toString())
                .classLoader(Fixtures.NO_SNAPSHOT).console(Console.SILENT);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anSqliteConnectionGoesBackAsItWasLent() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("app.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("pragma busy_timeout = 1234");
                s.execute("pragma foreign_keys = off");
            }
            c.setAutoCommit(false);
            OneConnectionDataSource ds = new OneConnectionDataSource(c);
            // While a migration runs (its "Applying" line), the lent connection begins IMMEDIATE transactions.
            java.util.List<TransactionMode> whileMigrating = new java.util.ArrayList<>();
            EntityMigrations m = migrations().dataSource(ds).console(new Console() {
                @Override
                public void info(String line) {
                    if (line.startsWith("Applying ")) {
                        try {
                            whileMigrating.add(c.unwrap(SQLiteConnection.class).getConnectionConfig()
                                    .getTransactionMode());
                        } catch (SQLException e) {
                            throw new AssertionError(e);
                        }
                    }
                }

                @Override
                public void warn(String line) {
                }
            }).load();
            m.upgrade();
            assertEquals(java.util.List.of(TransactionMode.IMMEDIATE, TransactionMode.IMMEDIATE,
                    TransactionMode.IMMEDIATE), whileMigrating);
            m.downgrade("-1");
            assertEquals("0002", m.current());
            assertEquals(ds.borrowed.get(), ds.returned.get(), "every connection borrowed was given back");
            assertFalse(c.getAutoCommit());
            assertEquals(TransactionMode.DEFERRED, c.unwrap(SQLiteConnection.class).getConnectionConfig()
                    .getTransactionMode());
            c.setAutoCommit(true);
            assertEquals("1234", single(c, "pragma busy_timeout"));
            assertEquals("0", single(c, "pragma foreign_keys"));
        }
    }

    @Test
    void aPostgresqlConnectionGetsItsSearchPathAndNameBack() throws Exception {
        Db.postgres(PG).execute("drop schema if exists app cascade");
        try (Connection c = DriverManager.getConnection(PG.jdbcUrl())) {
            String searchPath = single(c, "show search_path");
            c.setClientInfo("ApplicationName", "the-app");
            OneConnectionDataSource ds = new OneConnectionDataSource(c);
            EntityMigrations m = migrations().dataSource(ds).schema("app").load();
            m.upgrade();
            assertEquals("3", single(c, "select count(*) from app.entity_migrations_history"));
            assertEquals(searchPath, single(c, "show search_path"));
            assertEquals("the-app", single(c, "select current_setting('application_name')"));
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void aPrivateInMemorySqliteDatabaseIsRefusedSayingWhy() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite::memory:");
        MigrationException e = assertThrows(MigrationException.class, () -> migrations().dataSource(ds).load());
        assertTrue(e.getMessage().startsWith("The DataSource's SQLite database jdbc:sqlite::memory: is in memory and "
                + "private to each connection"), e.getMessage());
    }

    @Test
    void aSharedInMemorySqliteDatabaseWorksWhileTheApplicationHoldsIt() throws Exception {
        String url = "jdbc:sqlite:file:facade?mode=memory&cache=shared";
        try (Connection keeper = DriverManager.getConnection(url)) {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl(url);
            EntityMigrations m = migrations().dataSource(ds).load();
            m.upgrade();
            assertEquals("0003", m.current());
            assertEquals("0", single(keeper, "select count(*) from orders"));
        }
    }

    @Test
    void anUnreachableServerIsAClearError() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        ds.setUser("app");
        ds.setPassword("s3cret-pw");
        ds.setConnectTimeout(5);
        MigrationException e = assertThrows(MigrationException.class, () -> migrations().dataSource(ds).load());
        assertTrue(e.getMessage().startsWith("Cannot get a connection from the DataSource "
                + "org.postgresql.ds.PGSimpleDataSource: Connection to 127.0.0.1:1 refused"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Check the DataSource's URL, user and password, and that the database is "
                + "running"), e.getMessage());

        EntityMigrations byUrl = migrations().url("jdbc:postgresql://127.0.0.1:1/nowhere", "app", "s3cret-pw").load();
        MigrationException viaUrl = assertThrows(MigrationException.class, byUrl::upgrade);
        assertTrue(viaUrl.getMessage().startsWith("Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere as app: "
                + "Connection to 127.0.0.1:1 refused"), viaUrl.getMessage());
        assertFalse(viaUrl.getMessage().contains("s3cret-pw"));
    }

    @Test
    void anUnknownUserIsAClearError() throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PG.jdbcUrl());
        ds.setUser("no_such_user_em");
        ds.setPassword("wrong-password");
        MigrationException e = assertThrows(MigrationException.class, () -> migrations().dataSource(ds).load());
        assertTrue(e.getMessage().startsWith("Cannot get a connection from the DataSource "
                + "org.postgresql.ds.PGSimpleDataSource: FATAL: "), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_user_em"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password"), e.getMessage());
    }

    @Test
    void anSqliteFileInAMissingDirectoryIsAClearError() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + tmp.resolve("no/such/dir/app.db"));
        MigrationException e = assertThrows(MigrationException.class, () -> migrations().dataSource(ds).load());
        assertTrue(e.getMessage().startsWith("Cannot get a connection from the DataSource org.sqlite.SQLiteDataSource: "),
                e.getMessage());
    }

    @Test
    void aProxyingDriversUrlIsRefusedSayingWhy() throws Exception {
        try (Connection real = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("app.db"))) {
            java.sql.DatabaseMetaData meta = real.getMetaData();
            java.sql.DatabaseMetaData spied = (java.sql.DatabaseMetaData) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {java.sql.DatabaseMetaData.class},
                    (proxy, method, args) -> method.getName().equals("getURL") ? "jdbc:p6spy:sqlite:app.db"
                            : method.invoke(meta, args));
            Connection proxied = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("getMetaData")
                            ? spied : method.getName().equals("close") ? null : method.invoke(real, args));
            OneConnectionDataSource ds = new OneConnectionDataSource(proxied);
            MigrationException e = assertThrows(MigrationException.class, () -> migrations().dataSource(ds).load());
            assertEquals("The DataSource " + OneConnectionDataSource.class.getName() + " connects to SQLite but its "
                    + "connections report the URL jdbc:p6spy:sqlite:app.db, not jdbc:sqlite:...: give Entity Migrations "
                    + "a DataSource of the database's own driver (not a proxying one)", e.getMessage());
        }
    }
}
