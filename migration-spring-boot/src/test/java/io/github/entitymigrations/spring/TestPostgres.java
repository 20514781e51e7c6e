package io.github.entitymigrations.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for the tests: on the server named by {@code MIGRATION_TEST_PG_URL}
 * ({@code jdbc:postgresql://host:port/db?user=...}) when set, else on an embedded PostgreSQL started once per
 * JVM. A set variable whose server does not answer fails the test, never skips it.
 */
final class TestPostgres {

    private static String embeddedAdminUrl;

    private TestPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL (credentials included as the server needs them). */
    static String createDatabase() {
        String admin = adminUrl();
        String name = "em_spring_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin.replaceAll("\\?.*", "")
                    + ": " + e.getMessage(), e);
        }
        return admin.replaceFirst("(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + name);
    }

    /** Drops a database {@link #createDatabase()} made. */
    static void dropDatabase(String url) {
        String name = url.replaceFirst("jdbc:postgresql://[^/?]*/([^?]*).*", "$1");
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name + ": " + e.getMessage(), e);
        }
    }

    private static synchronized String adminUrl() {
        String configured = System.getenv("MIGRATION_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (embeddedAdminUrl == null) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        System.err.println("stopping embedded PostgreSQL: " + e.getMessage());
                    }
                }));
                embeddedAdminUrl = server.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL (or set MIGRATION_TEST_PG_URL): "
                        + e.getMessage(), e);
            }
        }
        return embeddedAdminUrl;
    }
}
