package io.github.entitymigrations.bench.realapps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases one comparison runs on, each made empty before a side creates its schema in it:
 * a PostgreSQL database on the server of {@code MIGRATION_TEST_PG_URL} (default the local server,
 * user postgres), a MariaDB database on the server of {@code MIGRATION_TEST_MARIADB_URL} (default the local
 * server, user root), and an SQLite file. Plain JDBC, so the Hibernate side's JVM needs nothing else.
 */
final class Databases {

    static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    /** A JDBC URL of a server: the part before the database name, the name, the query. */
    private static final Pattern SERVER_URL = Pattern.compile("(jdbc:(postgresql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?");

    private Databases() {
    }

    static String adminUrl() {
        String configured = System.getenv("MIGRATION_TEST_PG_URL");
        return configured == null || configured.isBlank() ? DEFAULT_ADMIN_URL : configured;
    }

    /** Drops and creates PostgreSQL database {@code name}; returns its URL. */
    static String freshPostgres(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return postgresUrl(name);
    }

    static void dropPostgres(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    static String postgresUrl(String name) {
        return withDatabase(adminUrl(), "postgresql", name, "MIGRATION_TEST_PG_URL");
    }

    /** {@code url} with its database name replaced by {@code name}; {@code variable} is where the URL came from. */
    private static String withDatabase(String url, String scheme, String name, String variable) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches() || !m.group(2).equals(scheme)) {
            throw new IllegalArgumentException(variable + " is not a jdbc:" + scheme + ":// URL: " + url);
        }
        return m.group(1) + "/" + name + (m.group(4) == null ? "" : m.group(4));
    }

    /** Drops and creates MariaDB database {@code name} (the server's default character set); returns its URL. */
    static String freshMariaDb(String name) throws SQLException {
        String configured = System.getenv("MIGRATION_TEST_MARIADB_URL");
        String admin = configured == null || configured.isBlank() ? DEFAULT_MARIADB_URL : configured;
        String url = withDatabase(admin, "mariadb", name, "MIGRATION_TEST_MARIADB_URL");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        return url;
    }

    /** Deletes SQLite file {@code file} (and its journal files); returns its URL. */
    static String freshSqlite(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".migration-lock"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
