package io.github.entitymigrations.introspect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stand-in for {@code testing.MariaDbDatabase} until it is on main: a database {@code em_test_<random>} on the server
 * of {@code MIGRATION_TEST_MARIADB_URL} (failing, never skipping, without it), dropped afterwards.
 */
final class TemporaryMariaDb implements BeforeAllCallback, AfterAllCallback {

    private String server;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        String url = System.getenv("MIGRATION_TEST_MARIADB_URL");
        if (url == null) {
            throw new IllegalStateException("MIGRATION_TEST_MARIADB_URL is not set");
        }
        server = url.replaceFirst("^jdbc:mariadb://([^/?]*)(/[^?]*)?(\\?.*)?$", "$1");
        name = "em_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(jdbcUrl().replace("/" + name, "/")); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("drop database " + name);
        }
    }

    String jdbcUrl() {
        return "jdbc:mariadb://" + server + "/" + name + "?user=root";
    }

    String mysqlUrl() {
        return "jdbc:mysql://" + server + "/" + name + "?user=root";
    }
}
