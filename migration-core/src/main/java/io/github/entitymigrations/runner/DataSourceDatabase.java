package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A {@link Database} for an application's {@link DataSource}: which database it is (PostgreSQL, SQLite, MariaDB or MySQL)
 * is read once from a connection's metadata, and the connections the runner borrows are handed back as
 * they were lent ({@link BorrowedConnection}).
 */
final class DataSourceDatabase {

    private DataSourceDatabase() {
    }

    static Database inspect(DataSource dataSource, String schema) {
        if (dataSource == null) {
            throw new MigrationException("No DataSource given");
        }
        String url;
        String product;
        String user;
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            url = meta.getURL();
            product = meta.getDatabaseProductName();
            user = meta.getUserName();
        } catch (SQLException e) {
            throw cannotConnect(dataSource, e);
        }
        String kind = String.valueOf(product).toLowerCase(Locale.ROOT);
        String prefix = kind.contains("sqlite") ? "jdbc:sqlite:" : kind.contains("postgresql") ? "jdbc:postgresql:"
                : kind.contains("mariadb") || kind.contains("mysql") ? mariaDbScheme(kind, url) : null;
        String shown = url == null ? "no URL" : Secrets.maskUrl(url);
        if (prefix == null) {
            throw new MigrationException("Unsupported database " + product + " (" + shown + ", from the DataSource "
                    + nameOf(dataSource) + "): Entity Migrations supports PostgreSQL, SQLite, MariaDB and MySQL");
        }
        if (url == null || !url.startsWith(prefix)) {
            // The runner picks the lock file, dialect and session settings by the URL: it must be the driver's own.
            throw new MigrationException("The DataSource " + nameOf(dataSource) + " connects to " + product
                    + " but its connections report the URL " + shown + ", not " + prefix + "...: give Entity "
                    + "Migrations a DataSource of the database's own driver (not a proxying one)");
        }
        if (prefix.equals("jdbc:sqlite:")) {
            refuseUnsharedMemory(url);
        }
        return new Database(url, user, null, schema, dataSource);
    }

    /**
     * The URL scheme a MariaDB or MySQL DataSource's URL must have: the flavour is the driver's. MySQL Connector/J
     * reports a MariaDB server as MySQL, and MariaDB Connector/J a MySQL server as MySQL, so either scheme goes
     * with the product MySQL (the MariaDB flavour refuses a MySQL server once connected).
     */
    private static String mariaDbScheme(String product, String url) {
        if (product.contains("mysql") && url != null && url.startsWith(MariaDbKind.MARIADB.scheme())) {
            return MariaDbKind.MARIADB.scheme();
        }
        return product.contains("mariadb") ? MariaDbKind.MARIADB.scheme() : MariaDbKind.MYSQL.scheme();
    }

    /**
     * Each connection to {@code jdbc:sqlite::memory:} is a database of its own, so what one run applies the next
     * connection would not see: refused, naming what works instead.
     */
    private static void refuseUnsharedMemory(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        String name = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        boolean memory = name.isEmpty() || name.equals(":memory:") || path.contains("mode=memory");
        if (memory && !path.contains("cache=shared")) {
            throw new MigrationException("The DataSource's SQLite database " + url + " is in memory and private to "
                    + "each connection: every connection opens a new, empty database, so migrations applied on one "
                    + "would be gone on the next. Use a file (jdbc:sqlite:app.db), or a shared in-memory database "
                    + "(jdbc:sqlite:file:app?mode=memory&cache=shared) kept alive by a connection the application "
                    + "holds open, or a pool that keeps a single connection");
        }
    }

    static MigrationException cannotConnect(DataSource dataSource, SQLException e) {
        String reason = String.valueOf(e.getMessage()).replaceAll("[.\\s]+$", "");
        return new MigrationException("Cannot get a connection from the DataSource " + nameOf(dataSource) + ": "
                + reason + ". Check the DataSource's URL, user and password, and that the database is running", e);
    }

    static String nameOf(DataSource dataSource) {
        return dataSource.getClass().getName();
    }
}
