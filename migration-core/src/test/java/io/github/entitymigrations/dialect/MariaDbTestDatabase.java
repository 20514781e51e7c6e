package io.github.entitymigrations.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database of its own ({@code em_test_<random>}) on the MariaDB server of {@code MIGRATION_TEST_MARIADB_URL}, reached
 * through the MariaDB driver ({@code jdbc:mariadb:}) or through MySQL Connector/J ({@code jdbc:mysql:}) for the MySQL
 * flavour (no MySQL server is installable here). Dropped by {@link #close}. Until the shared harness
 * ({@code testing.MariaDbDatabase}) is on this branch, a run without the variable fails saying so.
 */
final class MariaDbTestDatabase implements AutoCloseable {

    static final String ENV = "MIGRATION_TEST_MARIADB_URL";
    private static final Pattern URL = Pattern.compile("jdbc:(?:mariadb|mysql)://([^/?]+)/?([^?]*)(\\?.*)?");

    private final String host;
    private final String parameters;
    private final String name;

    private MariaDbTestDatabase(String host, String parameters, String name) {
        this.host = host;
        this.parameters = parameters;
        this.name = name;
    }

    static MariaDbTestDatabase create() throws SQLException {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(ENV + " is not set: point it at a MariaDB server "
                    + "(jdbc:mariadb://127.0.0.1:3306/test?user=root) to run the MariaDB/MySQL dialect tests");
        }
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(ENV + " is no jdbc:mariadb://host:port/database URL: " + url);
        }
        String parameters = m.group(3) == null ? "" : m.group(3);
        MariaDbTestDatabase db = new MariaDbTestDatabase(m.group(1), parameters,
                "em_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + m.group(1) + "/" + parameters);
             Statement s = c.createStatement()) {
            s.execute("create database " + db.name);
        }
        return db;
    }

    String name() {
        return name;
    }

    /** The database through the MariaDB driver. */
    String mariadbUrl() {
        return "jdbc:mariadb://" + host + "/" + name + parameters;
    }

    /** The same database through MySQL Connector/J. */
    String mysqlUrl() {
        return "jdbc:mysql://" + host + "/" + name + parameters;
    }

    Connection connect(boolean mysql) throws SQLException {
        return DriverManager.getConnection(mysql ? mysqlUrl() : mariadbUrl());
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(mariadbUrl()); Statement s = c.createStatement()) {
            s.execute("drop database " + name);
        }
    }
}
