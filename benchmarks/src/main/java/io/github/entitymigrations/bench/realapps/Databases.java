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
 * The two databases one comparison runs on, each made empty before a side creates its schema in it:
 * a PostgreSQL database on the server of {@code MIGRATION_TEST_PG_URL} (default the local server,
 * user postgres), and an SQLite file. Plain JDBC, so the Hibernate side's JVM needs nothing else.
 */
final class Databases {

    static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

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
        Matcher m = URL.matcher(adminUrl());
        if (!m.matches()) {
            throw new IllegalArgumentException("MIGRATION_TEST_PG_URL is not a jdbc:postgresql:// URL: " + adminUrl());
        }
        return m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
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
