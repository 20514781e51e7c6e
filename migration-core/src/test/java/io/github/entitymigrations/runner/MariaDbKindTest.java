package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MariaDB and MySQL sessions of the runner, on the real server through both drivers: the flavour the URL chooses,
 * the server check, the session's SQL mode and lock waits, and what a failed connection says.
 */
class MariaDbKindTest {

    @Test
    void theUrlsSchemeChoosesTheFlavour() {
        Database mariadb = new Database("jdbc:mariadb://127.0.0.1:3306/app", null, null, null);
        Database mysql = new Database("jdbc:mysql://127.0.0.1:3306/app", null, null, "other");
        assertSame(MariaDbKind.MARIADB, mariadb.kind());
        assertSame(MariaDbKind.MYSQL, mysql.kind());
        assertTrue(mariadb.isMariaDb() && mysql.isMariaDb() && !mariadb.isPostgres() && !mysql.isSqlite());
        assertEquals("mariadb", mariadb.kind().name());
        assertEquals("mysql", mysql.kind().name());
        assertEquals("mariadb", mariadb.dialect().name());
        assertEquals("mysql", mysql.dialect().name());
        assertFalse(MariaDbKind.MARIADB.isMysql());
        assertTrue(MariaDbKind.MYSQL.isMysql());
        assertFalse(MariaDbKind.MARIADB.transactionalDdl() || MariaDbKind.MYSQL.transactionalDdl());
        assertTrue(MariaDbKind.MARIADB.lockKeepsOtherWritersOut() && MariaDbKind.MARIADB.readOnlyAfterOpen());
        assertEquals(List.of(), mariadb.kind().scriptPreamble(mariadb));
        assertEquals(List.of("create database if not exists other", "use other"), mysql.kind().scriptPreamble(mysql));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aSessionGetsASaneSqlModeAndTheRunsLockTimeout(Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.open(kind, null, null);
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("set session sql_mode = 'ANSI,NO_BACKSLASH_ESCAPES,ONLY_FULL_GROUP_BY', "
                        + "lock_wait_timeout = 86400");
            }
            db.database().kind().prepare(c, Duration.ofMillis(6_500));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select @@session.sql_mode, "
                    + "@@session.lock_wait_timeout, @@session.innodb_lock_wait_timeout, 'a\\\\b', \"x\"")) {
                rs.next();
                List<String> modes = Arrays.asList(rs.getString(1).split(","));
                assertTrue(modes.contains("STRICT_TRANS_TABLES"), modes.toString());
                assertTrue(modes.contains("ONLY_FULL_GROUP_BY"), "the user's other modes stay: " + modes);
                for (String refused : List.of("ANSI_QUOTES", "ANSI", "NO_BACKSLASH_ESCAPES", "PIPES_AS_CONCAT")) {
                    assertFalse(modes.contains(refused), refused + " in " + modes);
                }
                assertEquals(7, rs.getLong(2), "lock_wait_timeout: the lock timeout, rounded up to seconds");
                assertEquals(7, rs.getLong(3));
                assertEquals("a\\b", rs.getString(4), "backslash escapes as the dialect writes them");
                assertEquals("x", rs.getString(5), "double quotes are strings, not identifiers");
            }
        }
    }

    @Test
    void theServersVersionDecidesTheMariaDbTypes() {
        Column uuid = new Column("c", ColumnType.of("UUID"), true, false, null, null, false, null, null);
        MariaDbDialect mariadb = MariaDbDialect.mariadb(null);
        assertEquals("binary(16)", MariaDbSessions.forServer(mariadb, "10.6.18-MariaDB-log").columnType(uuid),
                "MariaDB 10.6 has no uuid type");
        assertEquals("uuid", MariaDbSessions.forServer(mariadb, "10.7.1-MariaDB").columnType(uuid));
        assertEquals("binary(16)", MariaDbSessions.forServer(mariadb, "5.5.5-10.6.18-MariaDB").columnType(uuid),
                "the prefix a driver may keep from the handshake");
        assertEquals("uuid", MariaDbSessions.forServer(mariadb, "5.5.5-10.11.6-MariaDB-0+deb12u1").columnType(uuid));
        assertEquals("uuid", MariaDbSessions.forServer(mariadb, "11.4.2-MariaDB-ubu2404").columnType(uuid));
        MariaDbDialect mysql = MariaDbDialect.mysql(null);
        assertEquals("binary(16)", MariaDbSessions.forServer(mysql, "8.4.0").columnType(uuid));
        assertEquals("binary(16)", MariaDbSessions.forServer(mysql, "10.11.5-MariaDB").columnType(uuid),
                "the MySQL flavour keeps MySQLDialect's types on a MariaDB server");
        assertSame(mariadb, MariaDbSessions.forServer(mariadb, "unreadable"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void theDialectOfAConnectionFollowsTheLiveServer(Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.open(kind, null, null);
        Column uuid = new Column("c", ColumnType.of("UUID"), true, false, null, null, false, null, null);
        try (Connection c = db.connect()) {
            String version;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                version = rs.getString(1);
            }
            Dialect dialect = db.database().kind().dialect(db.database(), c);
            assertTrue(c.getMetaData().getDatabaseProductVersion().contains(version.replaceAll("-.*", "")),
                    "the driver keeps the version the server sent: " + c.getMetaData().getDatabaseProductVersion());
            assertEquals(kind == Kind.MARIADB && !version.startsWith("10.6") ? "uuid" : "binary(16)",
                    dialect.columnType(uuid), version);
        }
    }

    @Test
    void saneModeKeepsTheRestAndAddsStrictMode() {
        assertEquals("STRICT_TRANS_TABLES", MariaDbSessions.saneMode(""));
        assertEquals("STRICT_TRANS_TABLES", MariaDbSessions.saneMode(null));
        assertEquals("ERROR_FOR_DIVISION_BY_ZERO,STRICT_TRANS_TABLES",
                MariaDbSessions.saneMode("ansi_quotes,ERROR_FOR_DIVISION_BY_ZERO"));
        assertEquals("STRICT_ALL_TABLES", MariaDbSessions.saneMode("STRICT_ALL_TABLES,ORACLE,EMPTY_STRING_IS_NULL"));
    }

    @Test
    void theMariaDbFlavourRefusesAMysqlServerNamingTheUrlToUse() {
        MigrationException e = assertThrows(MigrationException.class, () -> MariaDbSessions.checkServer(
                MariaDbKind.MARIADB, "8.0.36", "jdbc:mariadb://db.example:3306/app?user=app&password=secret"));
        assertEquals("The URL jdbc:mariadb://db.example:3306/app?user=app&password=*** reaches a MySQL server "
                + "(8.0.36), not MariaDB: MariaDB's SQL is not MySQL's. Use MySQL Connector/J's URL instead: "
                + "jdbc:mysql://db.example:3306/app?user=app&password=***", e.getMessage());
        // The MySQL flavour on a MariaDB server is what the tests here do: MariaDB reads MySQL's SQL.
        MariaDbSessions.checkServer(MariaDbKind.MYSQL, "10.11.5-MariaDB-log", "jdbc:mysql://h/app");
        MariaDbSessions.checkServer(MariaDbKind.MYSQL, "8.4.0", "jdbc:mysql://h/app");
        MariaDbSessions.checkServer(MariaDbKind.MARIADB, "11.4.2-MariaDB", "jdbc:mariadb://h/app");
    }

    @Test
    void serversOlderThanTheOldestSupportedAreRefused() {
        MigrationException maria = assertThrows(MigrationException.class, () -> MariaDbSessions.checkServer(
                MariaDbKind.MARIADB, "10.5.22-MariaDB", "jdbc:mariadb://h/app"));
        assertTrue(maria.getMessage().contains("MariaDB 10.5.22-MariaDB, older than the oldest Entity Migrations "
                + "supports (MariaDB 10.6)"), maria.getMessage());
        MigrationException mysql = assertThrows(MigrationException.class, () -> MariaDbSessions.checkServer(
                MariaDbKind.MYSQL, "5.7.44", "jdbc:mysql://h/app"));
        assertTrue(mysql.getMessage().contains("(MySQL 8.0): upgrade the server"), mysql.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void theServersOwnCheckPassesOnConnect(Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.open(kind, null, null);
        try (Connection c = db.database().connect()) {
            db.database().kind().prepare(c, Duration.ofSeconds(1));
            assertTrue(c.getMetaData().getDatabaseProductVersion().contains("MariaDB")
                    || c.getMetaData().getDatabaseProductName().equals("MySQL"));
        }
    }

    /** A DataSource's flavour is its driver's; a borrowed connection goes back with its own session settings. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void aDataSourceIsRecognizedAndItsConnectionsGoBackAsTheyWereLent(Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.open(kind, null, null);
        javax.sql.DataSource dataSource;
        if (kind == Kind.MARIADB) {
            dataSource = new org.mariadb.jdbc.MariaDbDataSource(db.database().url());
        } else {
            com.mysql.cj.jdbc.MysqlDataSource mysql = new com.mysql.cj.jdbc.MysqlDataSource();
            mysql.setUrl(db.database().url());
            dataSource = mysql;
        }
        Database database = Database.of(dataSource, TestDatabase.mariaDb().databaseName() + "_ds");
        assertSame(kind == Kind.MARIADB ? MariaDbKind.MARIADB : MariaDbKind.MYSQL, database.kind());
        try (Connection c = database.connect()) {
            String lentCatalog = c.getCatalog();
            try (Statement s = c.createStatement()) {
                s.execute("set session sql_mode = 'ANSI_QUOTES', lock_wait_timeout = 123");
            }
            database.kind().prepare(c, Duration.ofSeconds(5));
            database.kind().useSchema(c, database, VersionTable.of(database));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select database()")) {
                rs.next();
                assertEquals(TestDatabase.mariaDb().databaseName() + "_ds", rs.getString(1), "the schema is current");
            }
            assertEquals(TestDatabase.mariaDb().databaseName(), lentCatalog);
        } finally {
            db.execute("drop database if exists " + TestDatabase.mariaDb().databaseName() + "_ds");
        }
    }

    @Test
    void aBorrowedConnectionGetsItsSessionBack() throws SQLException {
        TestDatabase db = TestDatabase.open(Kind.MARIADB, null, null);
        try (Connection lent = db.connect()) {
            try (Statement s = lent.createStatement()) {
                s.execute("set session sql_mode = 'ANSI_QUOTES', lock_wait_timeout = 123");
            }
            javax.sql.DataSource single = new SingleConnectionDataSource(lent);
            Database database = Database.of(single, TestDatabase.mariaDb().databaseName() + "_ds");
            Connection c = database.connect();
            database.kind().prepare(c, Duration.ofSeconds(5));
            database.kind().useSchema(c, database, VersionTable.of(database));
            c.close();
            try (Statement s = lent.createStatement(); ResultSet rs = s.executeQuery(
                    "select @@session.sql_mode, @@session.lock_wait_timeout, database()")) {
                rs.next();
                assertEquals("ANSI_QUOTES", rs.getString(1));
                assertEquals(123, rs.getLong(2));
                assertEquals(TestDatabase.mariaDb().databaseName(), rs.getString(3));
            }
        } finally {
            db.execute("drop database if exists " + TestDatabase.mariaDb().databaseName() + "_ds");
        }
    }

    /** Hands out one connection whose close() is ignored, so the test can look at it after the runner gave it back. */
    private record SingleConnectionDataSource(Connection connection) implements javax.sql.DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void lockNamesFitTheServersLimitAndStayDistinct() {
        assertEquals("entity_migrations.app.entity_migrations_history",
                MariaDbLock.name("app", VersionTable.NAME));
        String a = MariaDbLock.name("a_rather_long_database_name_for_a_tenant_0001", VersionTable.NAME);
        String b = MariaDbLock.name("a_rather_long_database_name_for_a_tenant_0002", VersionTable.NAME);
        assertEquals(MariaDbLock.MAX_NAME, a.length());
        assertTrue(a.startsWith("entity_migrations."), a);
        assertNotEquals(a, b);
    }
}
