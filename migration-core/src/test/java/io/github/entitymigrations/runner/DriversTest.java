package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Drivers}: a connection through the kind's own driver, and {@link DriverManager} as before whenever that
 * driver is not there or declines the URL, with the same errors.
 */
class DriversTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @Test
    void theKindsDriverConnects() throws Exception {
        try (Connection c = Drivers.connect(PostgresKind.INSTANCE.driverClass(), PG.jdbcUrl(), new Properties())) {
            assertEquals("org.postgresql.jdbc.PgConnection", c.getClass().getName());
            assertEquals(PG.databaseName(), one(c, "select current_database()"));
        }
        assertTrue(Drivers.load("org.postgresql.Driver").isPresent());
        assertTrue(Drivers.load(MariaDbKind.MARIADB.driverClass()).isPresent());
        assertTrue(Drivers.load(MariaDbKind.MYSQL.driverClass()).isPresent());
        assertTrue(Drivers.load(SqliteKind.INSTANCE.driverClass()).isPresent());
    }

    /** No such class, a class that is no driver, a driver that declines the URL: DriverManager finds the one. */
    @ParameterizedTest
    @ValueSource(strings = {"no.such.Driver", "java.lang.String", "org.sqlite.JDBC"})
    void otherwiseDriverManagerConnects(String driverClass) throws Exception {
        if (driverClass.equals("org.sqlite.JDBC")) {
            assertFalse(Drivers.load(driverClass).orElseThrow().acceptsURL(PG.jdbcUrl()));
        } else {
            assertTrue(Drivers.load(driverClass).isEmpty());
        }
        try (Connection c = Drivers.connect(driverClass, PG.jdbcUrl(), new Properties())) {
            assertEquals(PG.databaseName(), one(c, "select current_database()"));
        }
    }

    /** The driver's own error, as DriverManager passes it on, and DriverManager's when no driver takes the URL. */
    @ParameterizedTest
    @ValueSource(strings = {"no such database", "jdbc:postgresql://127.0.0.1:notaport/db"})
    void theErrorsAreThoseOfDriverManager(String given) {
        String url = given.startsWith("jdbc:") ? given
                : PG.jdbcUrl().replace("/" + PG.databaseName(), "/no_such_database_dt");
        assertTrue(url.contains("no_such_database_dt") || url.contains("notaport"), url);
        SQLException expected = assertThrows(SQLException.class, () -> DriverManager.getConnection(url,
                new Properties()));
        SQLException actual = assertThrows(SQLException.class, () -> Drivers.connect("org.postgresql.Driver", url,
                new Properties()));
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.getSQLState(), actual.getSQLState());
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
