package io.github.entitymigrations.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbDatabaseTest {

    @RegisterExtension
    static final MariaDbDatabase DB = new MariaDbDatabase();

    @Test
    void usesTheServerFromTheEnvironmentOrStartsOne() throws SQLException {
        String configured = System.getenv(MariaDbDatabase.URL_VARIABLE);
        boolean serverConfigured = configured != null && !configured.isBlank();
        assertEquals(serverConfigured ? MariaDbDatabase.Mode.SERVER : MariaDbDatabase.Mode.STARTED, DB.mode());
        try (Connection c = DB.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select database(), version()")) {
            assertTrue(rs.next());
            assertEquals(DB.databaseName(), rs.getString(1));
            assertTrue(rs.getString(2).contains("MariaDB"), rs.getString(2));
            System.out.println("[MariaDbDatabaseTest] " + DB.describe() + ": " + rs.getString(2));
        }
    }

    /** The fallback path runs in every build, not only where no server is configured: a server of its own. */
    @Test
    void startsAServerOfItsOwnWithoutTheVariable() throws SQLException {
        MariaDbDatabase own = new MariaDbDatabase(null).open("own server");
        try {
            assertEquals(MariaDbDatabase.Mode.STARTED, own.mode());
            assertTrue(own.describe().contains("started by the tests"), own.describe());
            try (Connection c = own.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select database(), @@port")) {
                assertTrue(rs.next());
                assertEquals(own.databaseName(), rs.getString(1));
                assertTrue(rs.getInt(2) > 0);
            }
        } finally {
            own.close();
        }
    }

    @Test
    void storesAndReadsBackRowsThroughEitherDriver() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("create table greeting (id bigint primary key, text varchar(50) not null)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into greeting values (?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, "hello");
                assertEquals(1, insert.executeUpdate());
            }
        }
        try (Connection c = DriverManager.getConnection(DB.mysqlUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, text, database() from greeting")) {
            assertEquals("com.mysql.cj.jdbc.ConnectionImpl", c.getClass().getName(), "MySQL Connector/J");
            assertTrue(rs.next());
            assertEquals(1L, rs.getLong(1));
            assertEquals("hello", rs.getString(2));
            assertEquals(DB.databaseName(), rs.getString(3));
            assertFalse(rs.next());
        }
    }

    /** Each URL scheme goes to its own driver: neither claims the other's. */
    @Test
    void eachDriverClaimsOnlyItsOwnUrls() throws SQLException {
        Driver mariadb = DriverManager.getDriver(DB.jdbcUrl());
        Driver mysql = DriverManager.getDriver(DB.mysqlUrl());
        assertEquals("org.mariadb.jdbc.Driver", mariadb.getClass().getName());
        assertEquals("com.mysql.cj.jdbc.Driver", mysql.getClass().getName());
        assertFalse(mariadb.acceptsURL(DB.mysqlUrl()), "MariaDB Connector/J takes jdbc:mysql: URLs");
        assertFalse(mysql.acceptsURL(DB.jdbcUrl()), "MySQL Connector/J takes jdbc:mariadb: URLs");
    }

    @Test
    void eachDatabaseIsFreshAndDroppedOnClose() throws SQLException {
        MariaDbDatabase other = new MariaDbDatabase().open("second");
        String name = other.databaseName();
        try {
            assertNotEquals(DB.databaseName(), name);
            assertTrue(databaseExists(name));
            try (Connection c = other.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from information_schema.tables "
                         + "where table_schema = database()")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "a new database has no tables");
            }
        } finally {
            other.close();
        }
        assertFalse(databaseExists(name));
    }

    @Test
    void anUnreachableServerFailsWithAClearMessage() {
        MariaDbDatabase unreachable = new MariaDbDatabase("jdbc:mariadb://127.0.0.1:1/test?user=root");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unreachable.open("unreachable"));
        assertTrue(e.getMessage().contains(MariaDbDatabase.URL_VARIABLE + " is set"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("unset " + MariaDbDatabase.URL_VARIABLE), e.getMessage());
    }

    @Test
    void keepsServerAndParametersWhenSwitchingDatabase() {
        assertEquals("jdbc:mariadb://127.0.0.1:3306/em_x?user=root",
                MariaDbDatabase.withDatabase("jdbc:mariadb://127.0.0.1:3306/test?user=root", "em_x"));
        assertEquals("jdbc:mariadb://localhost/em_x", MariaDbDatabase.withDatabase("jdbc:mariadb://localhost", "em_x"));
        assertEquals("jdbc:mysql://h:3307/em_x?user=root&a=b",
                MariaDbDatabase.toMysql("jdbc:mariadb://h:3307/em_x?user=root&a=b"));
        assertThrows(IllegalArgumentException.class, () -> MariaDbDatabase.withDatabase("jdbc:postgresql://h/x", "y"));
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = DB.connect();
             PreparedStatement st = c.prepareStatement("select 1 from information_schema.schemata where schema_name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
