package io.github.entitymigrations.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDatabaseTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Test
    void usesTheServerFromTheEnvironmentOrEmbeddedPostgres() throws SQLException {
        String configured = System.getenv(PostgresDatabase.URL_VARIABLE);
        boolean serverConfigured = configured != null && !configured.isBlank();
        assertEquals(serverConfigured ? PostgresDatabase.Mode.SERVER : PostgresDatabase.Mode.EMBEDDED, DB.mode());
        try (Connection c = DB.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), version()")) {
            assertTrue(rs.next());
            assertEquals(DB.databaseName(), rs.getString(1));
            System.out.println("[PostgresDatabaseTest] " + DB.describe() + ": " + rs.getString(2));
        }
    }

    @Test
    void storesAndReadsBackRows() throws SQLException {
        try (Connection c = DB.dataSource().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE greeting (id BIGINT PRIMARY KEY, text VARCHAR(50) NOT NULL)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO greeting VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setString(2, "hello");
                assertEquals(1, insert.executeUpdate());
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, text FROM greeting")) {
                assertTrue(rs.next());
                assertEquals(1L, rs.getLong(1));
                assertEquals("hello", rs.getString(2));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void eachDatabaseIsFreshAndDroppedOnClose() throws SQLException {
        PostgresDatabase other = new PostgresDatabase().open("second");
        String name = other.databaseName();
        try {
            assertNotEquals(DB.databaseName(), name);
            assertTrue(databaseExists(name));
            try (Connection c = other.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
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
        PostgresDatabase unreachable = new PostgresDatabase("jdbc:postgresql://127.0.0.1:1/test?user=postgres");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> unreachable.open("unreachable"));
        assertTrue(e.getMessage().contains(PostgresDatabase.URL_VARIABLE + " is set"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(e.getMessage().contains("unset " + PostgresDatabase.URL_VARIABLE), e.getMessage());
    }

    @Test
    void namesAreUniqueValidIdentifiersThatTellTheirAge() {
        long before = System.currentTimeMillis();
        String name = PostgresDatabase.uniqueName("Some-Test Class".repeat(10));
        assertTrue(name.matches("em_test_[a-z0-9_]+"), name);
        assertTrue(name.length() <= 63, name);
        assertTrue(PostgresDatabase.createdMillis(name) >= before);
        assertNotEquals(name, PostgresDatabase.uniqueName("Some-Test Class".repeat(10)));
    }

    @Test
    void keepsServerAndParametersWhenSwitchingDatabase() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/em_x?user=postgres",
                PostgresDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "em_x"));
        assertEquals("jdbc:postgresql://localhost/em_x", PostgresDatabase.withDatabase("jdbc:postgresql://localhost", "em_x"));
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = DB.connect();
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
