package io.github.entitymigrations.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the benchmarks use: {@code MIGRATION_TEST_PG_URL} if set, else the machine's
 * server on 127.0.0.1:5432 (user postgres) if it answers, else embedded PostgreSQL started for this run.
 * Every measured run gets a database of its own, created empty and dropped afterwards.
 */
public final class Postgres implements AutoCloseable {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final String adminUrl;
    private final EmbeddedPostgres embedded;
    private final String description;

    private Postgres(String adminUrl, EmbeddedPostgres embedded, String description) {
        this.adminUrl = adminUrl;
        this.embedded = embedded;
        this.description = description;
    }

    public static Postgres start() throws IOException {
        String configured = System.getenv("MIGRATION_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return new Postgres(configured, null, "the server in MIGRATION_TEST_PG_URL");
        }
        try (Connection c = DriverManager.getConnection(LOCAL)) {
            return new Postgres(LOCAL, null, "the local server on 127.0.0.1:5432");
        } catch (SQLException e) {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Postgres(pg.getJdbcUrl("postgres", "postgres"), pg, "embedded PostgreSQL (zonky)");
        }
    }

    /** The server of {@code adminUrl}, already running (for tests of the URL handling). */
    static Postgres of(String adminUrl) {
        return new Postgres(adminUrl, null, "the server at " + adminUrl);
    }

    /** Creates an empty database and returns its URL. */
    public String create(String name) throws SQLException {
        drop(name);
        admin("create database " + name);
        return urlOf(name);
    }

    public void drop(String name) throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    /** The URL of database {@code name} on this server, with the server URL's parameters. */
    public String urlOf(String name) {
        Matcher m = matched();
        return m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** The server's host and port as its URL names them (port 5432 when it names none). */
    public java.net.InetSocketAddress address() {
        String hostPort = matched().group(1).substring("jdbc:postgresql://".length());
        int colon = hostPort.lastIndexOf(':');
        boolean portGiven = colon >= 0 && hostPort.lastIndexOf(']') < colon;
        String host = portGiven ? hostPort.substring(0, colon) : hostPort;
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 address
        }
        return java.net.InetSocketAddress.createUnresolved(host,
                portGiven ? Integer.parseInt(hostPort.substring(colon + 1)) : 5432);
    }

    /** The URL of database {@code name} reached at {@code host:port} instead (a proxy), with the server URL's parameters. */
    public String urlOf(String name, String host, int port) {
        Matcher m = matched();
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + (m.group(3) == null ? "" : m.group(3));
    }

    private Matcher matched() {
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + adminUrl);
        }
        return m;
    }

    /** "PostgreSQL 15.19 (...)", and where the server comes from. */
    public String describe() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1) + ", " + description;
        }
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
