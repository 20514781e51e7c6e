package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where to connect, and as whom. The password is never part of {@link #toString()} or of any message:
 * {@link #describe()} shows the URL with credentials removed.
 *
 * @param url      the JDBC URL ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:...}, {@code jdbc:mariadb://...},
 *                 {@code jdbc:mysql://...})
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param schema   the schema for unqualified names and the version table (on MariaDB and MySQL a database of the
 *                 server), or {@code null}
 * @param dataSource where connections come from instead of the URL ({@link #of(javax.sql.DataSource, String)}),
 *                 or {@code null}
 */
public record Database(String url, String username, String password, String schema,
                       javax.sql.DataSource dataSource) {

    public Database {
        if (url == null || url.isBlank()) {
            throw new MigrationException("No database URL: " + Advice.current().phrase(Advice.Phrase.GIVE_URL));
        }
    }

    /** A database reached by its JDBC URL (the Maven plugin's way). */
    public Database(String url, String username, String password, String schema) {
        this(url, username, password, schema, null);
    }

    /**
     * The database of an application's {@code DataSource}: which kind it is (PostgreSQL, SQLite, MariaDB or MySQL) and its
     * URL are read from a connection's metadata now. The runner borrows connections from it and gives each
     * back as it was lent (auto-commit, SQLite pragmas and transaction mode, PostgreSQL search path, MariaDB's
     * current database and session variables).
     *
     * @throws MigrationException when no connection can be had, or the database is neither kind
     */
    public static Database of(javax.sql.DataSource dataSource, String schema) {
        return DataSourceDatabase.inspect(dataSource, schema);
    }

    /**
     * What kind of database this is: the strategy for everything that differs between the databases
     * (dialect, lock, version table, session set-up). Refuses a database Entity Migrations does not support.
     */
    public DatabaseKind kind() {
        return DatabaseKind.ofUrl(url).orElseThrow(() -> new MigrationException("Unsupported database " + describe()
                + ": Entity Migrations supports PostgreSQL (jdbc:postgresql:...), SQLite (jdbc:sqlite:...), MariaDB "
                + "(jdbc:mariadb:...) and MySQL (jdbc:mysql:...)"));
    }

    /** Whether this is an SQLite database ({@link #kind()} is {@link SqliteKind}). */
    public boolean isSqlite() {
        return DatabaseKind.ofUrl(url).orElse(null) instanceof SqliteKind;
    }

    /** Whether this is a PostgreSQL database ({@link #kind()} is {@link PostgresKind}). */
    public boolean isPostgres() {
        return DatabaseKind.ofUrl(url).orElse(null) instanceof PostgresKind;
    }

    /** Whether this is a MariaDB or MySQL database, of either flavour ({@link #kind()} is {@link MariaDbKind}). */
    public boolean isMariaDb() {
        return DatabaseKind.ofUrl(url).orElse(null) instanceof MariaDbKind;
    }

    /** Whether the SQLite file exists (connecting would create it); always {@code true} for a server. */
    public boolean sqliteFileExists() {
        return DatabaseKind.ofUrl(url).map(k -> !k.notCreatedYet(this)).orElse(true);
    }

    public Dialect dialect() {
        return kind().dialect(this);
    }

    public Connection connect() {
        if (dataSource != null) {
            return BorrowedConnection.open(this);
        }
        Properties props = new Properties();
        if (username != null && !username.isBlank()) {
            props.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        // An unsupported URL goes to the driver as it is: its error is the clearest there is.
        DatabaseKind kind = DatabaseKind.ofUrl(url).orElse(null);
        if (kind != null) {
            kind.configure(props);
            kind.checkUrl(this);
        }
        try {
            return kind != null ? Drivers.connect(kind.driverClass(), url, props) : DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            String reason = scrub(String.valueOf(e.getMessage())).replaceAll("[.\\s]+$", "");
            Throwable cause = scrub(e);
            // A URL of no supported kind gets the server's advice, as before there were kinds.
            throw (kind != null ? kind : PostgresKind.INSTANCE).cannotConnect(this, reason, cause);
        }
    }

    /** The URL without credentials (user info and secret parameters masked), and the user, for messages. */
    public String describe() {
        // A DataSource's URL lists every driver property (pgjdbc's does): the address is what identifies it.
        String shown = dataSource != null && url.indexOf('?') > 0 ? url.substring(0, url.indexOf('?')) : url;
        return Secrets.maskUrl(shown) + (username == null || username.isBlank() ? "" : " as " + username);
    }

    /** The text with this database's URL masked and its password (and any secret of the URL) removed. */
    public String scrub(String text) {
        return Secrets.scrub(text, url, secrets());
    }

    /** A copy of the exception chain with every message {@link #scrub scrubbed}. */
    public Throwable scrub(Throwable error) {
        return Secrets.scrub(error, url, secrets());
    }

    private java.util.List<String> secrets() {
        java.util.List<String> secrets = new java.util.ArrayList<>(Secrets.inUrl(url));
        secrets.add(password);
        return secrets;
    }

    @Override
    public String toString() {
        return describe();
    }
}
