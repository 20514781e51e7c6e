package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
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
