package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a MariaDB or MySQL session of the runner is checked and set up: the server is the flavour's (or a MariaDB
 * server reached through MySQL Connector/J, which works), new enough, waits for locks as long as the run's lock
 * timeout, and reads SQL as the dialect writes it. Also the advice for a connection that failed.
 */
final class MariaDbSessions {

    /**
     * SQL modes that change how the rendered SQL reads, switched off for the runner's sessions: double quotes as
     * identifiers ({@code ANSI_QUOTES}, also part of {@code ANSI}, {@code ORACLE}, {@code POSTGRESQL}, {@code DB2},
     * {@code MSSQL}, {@code MAXDB}); backslashes as plain characters in literals ({@code NO_BACKSLASH_ESCAPES}:
     * the dialect escapes them); Oracle's syntax, where {@code ''} is NULL ({@code EMPTY_STRING_IS_NULL}).
     */
    static final Set<String> REFUSED_MODES = Set.of("ANSI_QUOTES", "NO_BACKSLASH_ESCAPES", "ANSI", "ORACLE",
            "POSTGRESQL", "DB2", "MSSQL", "MAXDB", "EMPTY_STRING_IS_NULL", "PIPES_AS_CONCAT");

    /** Strict mode: a value that does not fit fails the statement instead of being cut with a warning. */
    static final String STRICT = "STRICT_TRANS_TABLES";

    /** The largest {@code lock_wait_timeout}, a year in seconds. */
    private static final long MAX_WAIT_SECONDS = 31_536_000;

    /** {@code 10.11.6-MariaDB}; a driver may keep the {@code 5.5.5-} prefix older MariaDB servers send when connecting. */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+).*");

    private MariaDbSessions() {
    }

    /**
     * MariaDB Connector/J reads no {@code user:password@} before the host (it would take it for the host name);
     * MySQL Connector/J does, and the password is masked in every message.
     */
    static void checkUrl(MariaDbKind kind, Database database) {
        if (!kind.isMysql() && Secrets.hasUserInfo(database.url())) {
            throw new MigrationException("The URL " + database.describe() + " has credentials before the host, which "
                    + "MariaDB Connector/J does not accept: " + Advice.current().phrase(
                    Advice.Phrase.CREDENTIALS_OUT_OF_URL));
        }
    }

    /** What to check after a failed connection, from what the driver said. */
    static String advice(Database database, String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("access denied") && r.contains("to database")) {
            // Error 1044: the login worked, the user has no rights on that database.
            return "The server accepted the login but the user has no rights on the database named in the URL: "
                    + "grant them (grant all on <database>.* to <user>), or name a database the user may use";
        }
        if (r.contains("access denied")) {
            return "The server refused the user or its password: check " + Advice.current().phrase(
                    Advice.Phrase.URL_AND_CREDENTIALS) + " (the user needs to be allowed from this host too)";
        }
        if (r.contains("unknown database")) {
            return "The database named in the URL does not exist on that server: create it (create database "
                    + "<name>), or correct the URL; a configured schema is created when missing, but the URL's "
                    + "database must exist";
        }
        if (r.contains("connection refused") || r.contains("communications link failure")
                || r.contains("socket fail to connect") || r.contains("could not connect")
                || r.contains("unknownhost") || r.contains("unknown host") || r.contains("connect timed out")) {
            return "No server answered at that address: check that MariaDB/MySQL is running there and that the "
                    + "host and port in the URL are right (3306 by default)";
        }
        return "Check " + Advice.current().phrase(Advice.Phrase.URL_AND_CREDENTIALS);
    }

    /**
     * Checks the server against the flavour and sets up the session: lock waits as long as the run's lock
     * timeout (metadata locks: {@code lock_wait_timeout}; row locks: {@code innodb_lock_wait_timeout}) and an
     * SQL mode in which the rendered SQL means what it says.
     */
    static void prepare(MariaDbKind kind, Connection c, Duration lockTimeout) throws SQLException {
        String version;
        String mode;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version(), @@session.sql_mode")) {
            rs.next();
            version = rs.getString(1);
            mode = rs.getString(2);
        }
        checkServer(kind, version, c.getMetaData().getURL());
        long seconds = Math.max(1, Math.min(MAX_WAIT_SECONDS, (lockTimeout.toMillis() + 999) / 1000));
        try (PreparedStatement p = c.prepareStatement("set session lock_wait_timeout = " + seconds
                + ", innodb_lock_wait_timeout = " + seconds + ", sql_mode = ?")) {
            p.setString(1, saneMode(mode));
            p.execute();
        }
    }

    /**
     * Refuses a server of the other product through the MariaDB flavour (its SQL is MariaDB's), and servers
     * older than the oldest supported (MariaDB 10.6, MySQL 8.0).
     */
    static void checkServer(MariaDbKind kind, String version, String url) {
        boolean mariadbServer = version.toLowerCase(Locale.ROOT).contains("mariadb");
        String shown = Secrets.maskUrl(url);
        if (!kind.isMysql() && !mariadbServer) {
            throw new MigrationException("The URL " + shown + " reaches a MySQL server (" + version + "), not "
                    + "MariaDB: MariaDB's SQL is not MySQL's. Use MySQL Connector/J's URL instead: "
                    + (shown == null ? "jdbc:mysql://..." : "jdbc:mysql:" + shown.substring(kind.scheme().length())));
        }
        Matcher m = MARIADB_VERSION.matcher(version);
        if (!m.matches()) {
            return; // a version this code cannot read is left to the server's own errors
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean tooOld = mariadbServer ? major < 10 || (major == 10 && minor < 6) : major < 8;
        if (tooOld) {
            throw new MigrationException("The server at " + shown + " is " + (mariadbServer ? "MariaDB " : "MySQL ")
                    + version + ", older than the oldest Entity Migrations supports (" + (mariadbServer
                    ? "MariaDB 10.6" : "MySQL 8.0") + "): upgrade the server");
        }
    }

    /**
     * {@code dialect} for a server reporting {@code version}: a MariaDB server's version decides its types (10.6 has
     * no {@code uuid}); MySQL's types do not depend on it.
     */
    static MariaDbDialect forServer(MariaDbDialect dialect, String version) {
        String v = version == null ? "" : version;
        Matcher m = MARIADB_VERSION.matcher(v);
        if (!v.toLowerCase(Locale.ROOT).contains("mariadb") || !m.matches()) {
            return dialect;
        }
        return dialect.forServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The session's SQL mode without {@link #REFUSED_MODES}, and with {@link #STRICT}. */
    static String saneMode(String mode) {
        List<String> kept = new ArrayList<>();
        for (String m : mode == null ? new String[0] : mode.split(",")) {
            String name = m.trim().toUpperCase(Locale.ROOT);
            if (!name.isEmpty() && !REFUSED_MODES.contains(name) && !kept.contains(name)) {
                kept.add(name);
            }
        }
        if (!kept.contains(STRICT) && !kept.contains("STRICT_ALL_TABLES")) {
            kept.add(STRICT);
        }
        return String.join(",", kept);
    }
}
