package io.github.entitymigrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A fresh, empty MariaDB database for one test class, dropped again afterwards; the same database is also
 * reachable through MySQL Connector/J ({@link #mysqlUrl()}), which is how the MySQL flavour is tested here
 * (no MySQL server is installable on these machines).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MariaDbDatabase DB = new MariaDbDatabase();
 * ... DB.dataSource() ... DB.jdbcUrl() ... DB.mysqlUrl() ...
 * }</pre>
 *
 * <p>Where the server comes from:
 * <ul>
 *   <li>{@value #URL_VARIABLE} set (as {@code .ci/run} does when MariaDB answers on 127.0.0.1:3306): that
 *       server, e.g. {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}. The user needs the right to create
 *       databases. If the server cannot be reached the test fails, never skips.</li>
 *   <li>otherwise: a private server started from the machine's MariaDB installation ({@code mariadbd} and
 *       {@code mariadb-install-db}, Debian's {@code mariadb-server} package) on a temporary data directory and a
 *       free port, once per JVM, stopped and deleted when the JVM exits ({@link LocalMariaDbServer}).</li>
 * </ul>
 * Either way each test class gets its own database with a unique name ({@value #NAME_PREFIX}...), so parallel
 * runs and leftovers of killed runs never collide; leftovers older than a day are dropped.
 */
public final class MariaDbDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    /** The environment variable naming the server to use instead of starting one. */
    public static final String URL_VARIABLE = "MIGRATION_TEST_MARIADB_URL";

    static final String NAME_PREFIX = PostgresDatabase.NAME_PREFIX;
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:(?:mariadb|mysql)://([^/?]*)(/[^?]*)?(\\?.*)?");

    /** Which kind of server the database lives on. */
    public enum Mode { SERVER, STARTED }

    private final String configuredUrl;
    private Mode mode;
    private String adminUrl;
    private String databaseName;
    private String jdbcUrl;

    /** Uses {@value #URL_VARIABLE} when it is set, a server of its own otherwise. */
    public MariaDbDatabase() {
        this(System.getenv(URL_VARIABLE));
    }

    /** Uses the server at {@code serverUrl}, or starts one when it is {@code null} or blank. */
    MariaDbDatabase(String serverUrl) {
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
    public MariaDbDatabase open(String purpose) {
        if (jdbcUrl != null) {
            throw new IllegalStateException("already open: " + databaseName);
        }
        mode = configuredUrl == null ? Mode.STARTED : Mode.SERVER;
        adminUrl = mode == Mode.SERVER ? configuredUrl : LocalMariaDbServer.adminUrl();
        String name = PostgresDatabase.uniqueName(purpose);
        try (Connection admin = connectAdmin(); Statement st = admin.createStatement()) {
            dropAbandoned(admin);
            st.execute("create database " + name + " character set utf8mb4 collate utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + describeServer()
                    + ": " + e.getMessage(), e);
        }
        databaseName = name;
        jdbcUrl = withDatabase(adminUrl, name);
        System.out.println("[MariaDbDatabase] " + describe());
        return this;
    }

    /** Drops the database (and any connection's temporary state with it). */
    @Override
    public void close() {
        if (jdbcUrl == null) {
            return;
        }
        try (Connection admin = connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + databaseName);
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

    /** The {@code jdbc:mariadb:} URL of this test's database (MariaDB Connector/J), credentials as the server needs. */
    public String jdbcUrl() {
        return requireOpen(jdbcUrl);
    }

    /** The same database through a {@code jdbc:mysql:} URL (MySQL Connector/J): the MySQL flavour. */
    public String mysqlUrl() {
        return toMysql(jdbcUrl());
    }

    /** A server URL (no database) of the same server, e.g. for a test that creates databases of its own. */
    public String serverUrl() {
        return withDatabase(requireOpen(adminUrl), "");
    }

    public DataSource dataSource() {
        try {
            return new MariaDbDataSource(jdbcUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB Connector/J refuses " + jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** One line for logs: the mode, the server and the database. */
    public String describe() {
        return mode + " MariaDB at " + describeServer() + ", database " + databaseName;
    }

    private String describeServer() {
        Matcher m = JDBC_URL.matcher(adminUrl);
        String server = m.matches() ? m.group(1) : "(unparsable URL)";
        return mode == Mode.SERVER ? server + " (from " + URL_VARIABLE + ")" : server + " (started by the tests)";
    }

    private Connection connectAdmin() {
        try {
            return DriverManager.getConnection(adminUrl);
        } catch (SQLException e) {
            if (mode == Mode.SERVER) {
                throw new IllegalStateException(URL_VARIABLE + " is set, but the MariaDB server at "
                        + describeServer() + " cannot be reached: " + e.getMessage()
                        + ". Start that server, or unset " + URL_VARIABLE + " to let the tests start their own.", e);
            }
            throw new IllegalStateException("the MariaDB server started by the tests does not answer: "
                    + e.getMessage(), e);
        }
    }

    /** Drops databases of earlier runs that were killed before they could clean up. */
    private static void dropAbandoned(Connection admin) throws SQLException {
        long cutoff = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        List<String> stale = new ArrayList<>();
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select schema_name from information_schema.schemata "
                     + "where schema_name like '" + NAME_PREFIX.replace("_", "\\_") + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (PostgresDatabase.createdMillis(name) < cutoff) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            try (Statement st = admin.createStatement()) {
                st.execute("drop database if exists `" + name + "`");
            } catch (SQLException e) {
                // Another run may be dropping it at the same moment; it is not this test's concern.
                System.out.println("[MariaDbDatabase] could not drop stale " + name + ": " + e.getMessage());
            }
        }
    }

    /** The same server URL pointing at another database (none when empty); query parameters are kept. */
    static String withDatabase(String url, String database) {
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like "
                    + "jdbc:mariadb://host:port/database?user=...; got " + url);
        }
        return url.substring(0, url.indexOf("//")) + "//" + m.group(1) + "/" + database
                + (m.group(3) == null ? "" : m.group(3));
    }

    /** The URL for MySQL Connector/J: its scheme, and the parameters both drivers read the same way. */
    static String toMysql(String url) {
        if (!url.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("not a jdbc:mariadb: URL: " + url);
        }
        return "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
    }

    private <T> T requireOpen(T value) {
        if (jdbcUrl == null) {
            throw new IllegalStateException("the test database is not open: register MariaDbDatabase with "
                    + "@RegisterExtension on a static field, or call open()");
        }
        return value;
    }
}
