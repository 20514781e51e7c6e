package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * IMMEDIATE transactions on an SQLite connection the runner did not open: each migration then takes the
 * write lock when it begins (as {@link Database#connect()} asks through the driver's properties), so two
 * runs apply it once. Only loaded for SQLite, so sqlite-jdbc stays an optional dependency.
 */
final class SqliteTransactions {

    private SqliteTransactions() {
    }

    /** Sets IMMEDIATE on {@code c}'s sqlite-jdbc connection; returns what puts the previous mode back. */
    static Runnable immediate(Connection c, Database database) throws SQLException {
        if (!c.isWrapperFor(SQLiteConnection.class)) {
            throw new MigrationException("The DataSource of " + database.describe() + " gives connections that are "
                    + "not sqlite-jdbc's (org.sqlite.SQLiteConnection, also through unwrap), so migrations cannot take "
                    + "SQLite's write lock when they begin. Use org.xerial:sqlite-jdbc, or a pool whose connections "
                    + "unwrap to it");
        }
        var config = c.unwrap(SQLiteConnection.class).getConnectionConfig();
        TransactionMode before = config.getTransactionMode();
        config.setTransactionMode(TransactionMode.IMMEDIATE);
        return () -> config.setTransactionMode(before);
    }
}
