package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
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
 * @param url      the JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:sqlite:...})
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param schema   the PostgreSQL schema for unqualified names and the version table, or {@code null}
 */
public record Database(String url, String username, String password, String schema) {

    /** How long SQLite waits for another writer (another upgrade) before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

    public Database {
        if (url == null || url.isBlank()) {
            throw new MigrationException("No database URL: " + Advice.current().phrase(Advice.Phrase.GIVE_URL));
        }
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Whether the SQLite file exists (connecting would create it). */
    public boolean sqliteFileExists() {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.isEmpty() || path.equals(":memory:") || path.startsWith("file:") || java.nio.file.Files.exists(
                java.nio.file.Path.of(path));
    }

    public Dialect dialect() {
        if (isPostgres()) {
            return new PostgresDialect(schema);
        }
        if (isSqlite()) {
            if (schema != null) {
                throw new MigrationException("SQLite has no schemas: remove "
                        + Advice.current().phrase(Advice.Phrase.SCHEMA) + " for "
                        + describe());
            }
            return new SqliteDialect();
        }
        throw new MigrationException("Unsupported database " + describe() + ": Entity Migrations supports "
                + "PostgreSQL (jdbc:postgresql:...) and SQLite (jdbc:sqlite:...)");
    }

    public Connection connect() {
        Properties props = new Properties();
        if (username != null && !username.isBlank()) {
            props.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        if (isSqlite()) {
            // Each migration takes the write lock when it begins, so two upgrades apply it once.
            props.setProperty("transaction_mode", "IMMEDIATE");
            props.setProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
        }
        if (isPostgres() && Secrets.hasUserInfo(url)) {
            // The driver cannot parse it, and would log the password in its warning ("invalid port number").
            throw new MigrationException("The URL " + describe() + " has credentials before the host, which the "
                    + "PostgreSQL driver does not accept: "
                    + Advice.current().phrase(Advice.Phrase.CREDENTIALS_OUT_OF_URL));
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            String reason = scrub(String.valueOf(e.getMessage())).replaceAll("[.\\s]+$", "");
            Throwable cause = scrub(e);
            if (isSqlite()) {
                throw new MigrationException("Cannot open the SQLite database " + describe() + ": " + reason
                        + ". Check " + Advice.current().phrase(Advice.Phrase.URL)
                        + ": its directory must exist and be writable", cause);
            }
            throw new MigrationException("Cannot connect to " + describe() + ": " + reason
                    + ". Check " + Advice.current().phrase(Advice.Phrase.URL_AND_CREDENTIALS), cause);
        }
    }

    /** The URL without credentials (user info and secret parameters masked), and the user, for messages. */
    public String describe() {
        return Secrets.maskUrl(url) + (username == null || username.isBlank() ? "" : " as " + username);
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
