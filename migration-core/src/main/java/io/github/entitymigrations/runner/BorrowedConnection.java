package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A connection borrowed from an application's {@link DataSource}, set up as the runner's own connections
 * are ({@link Database#connect()}), and put back as it was lent when closed: a pool hands it to the
 * application next, which must not find migration settings on it. Changed and restored: auto-commit and
 * read-only; on SQLite IMMEDIATE transactions ({@link SqliteTransactions}), the busy timeout, foreign keys
 * and {@code legacy_alter_table}; on PostgreSQL the search path and the application name; on MariaDB and MySQL
 * the current database, the SQL mode and the lock wait timeouts.
 */
final class BorrowedConnection implements InvocationHandler {

    private static final String[] SQLITE_PRAGMAS = {"busy_timeout", "foreign_keys", "legacy_alter_table"};

    private final Connection connection;
    private final Database database;
    private final boolean autoCommit;
    private final boolean readOnly;
    private final Map<String, String> pragmas = new LinkedHashMap<>();
    private Runnable restoreTransactions = () -> {
    };
    private String searchPath;
    private String applicationName;
    private String catalog;
    private String[] mariaDbSession;

    private BorrowedConnection(Connection connection, Database database) throws SQLException {
        this.connection = connection;
        this.database = database;
        this.autoCommit = connection.getAutoCommit();
        this.readOnly = connection.isReadOnly();
    }

    /** A connection of {@code database}'s DataSource, ready for the runner. */
    static Connection open(Database database) {
        Connection c;
        try {
            c = database.dataSource().getConnection();
        } catch (SQLException e) {
            throw DataSourceDatabase.cannotConnect(database.dataSource(), e);
        }
        try {
            BorrowedConnection borrowed = new BorrowedConnection(c, database);
            borrowed.prepare();
            return (Connection) Proxy.newProxyInstance(BorrowedConnection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, borrowed);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException secondary) {
                e.addSuppressed(secondary);
            }
            throw e instanceof MigrationException m ? m : new MigrationException("Cannot prepare a connection of "
                    + database.describe() + " for migrating: " + e.getMessage(), e);
        }
    }

    private void prepare() throws SQLException {
        if (!autoCommit) {
            connection.setAutoCommit(true); // the runner commits per migration itself
        }
        if (database.isSqlite()) {
            try (Statement s = connection.createStatement()) {
                for (String pragma : SQLITE_PRAGMAS) {
                    try (ResultSet rs = s.executeQuery("pragma " + pragma)) {
                        pragmas.put(pragma, rs.next() ? rs.getString(1) : null);
                    }
                }
                s.execute("pragma busy_timeout = " + SqliteKind.BUSY_TIMEOUT_MS);
            }
            restoreTransactions = SqliteTransactions.immediate(connection, database);
        } else if (database.isMariaDb()) {
            catalog = connection.getCatalog();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select @@session.sql_mode, @@session.lock_wait_timeout, "
                         + "@@session.innodb_lock_wait_timeout")) {
                rs.next();
                mariaDbSession = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        } else if (database.isPostgres()) {
            applicationName = connection.getClientInfo("ApplicationName");
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('search_path')")) {
                searchPath = rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Puts the connection back as it was lent; then closes it (returns it to the pool). */
    private void restoreAndClose() throws SQLException {
        try {
            if (!connection.isClosed()) {
                restore();
            }
        } finally {
            connection.close();
        }
    }

    private void restore() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback(); // a failed run's open transaction, never anything to keep
            connection.setAutoCommit(true);
        }
        if (database.isSqlite()) {
            restoreTransactions.run();
            try (Statement s = connection.createStatement()) {
                for (Map.Entry<String, String> p : pragmas.entrySet()) {
                    if (p.getValue() != null && p.getValue().matches("\\d+")) {
                        s.execute("pragma " + p.getKey() + " = " + p.getValue());
                    }
                }
            }
        } else if (database.isPostgres()) {
            if (searchPath != null) {
                try (PreparedStatement p = connection.prepareStatement("select set_config('search_path', ?, false)")) {
                    p.setString(1, searchPath);
                    p.execute();
                }
            }
            connection.setClientInfo("ApplicationName", applicationName == null ? "" : applicationName);
        } else if (database.isMariaDb()) {
            if (catalog != null) {
                connection.setCatalog(catalog); // a configured schema may have been made the current database
            }
            try (PreparedStatement p = connection.prepareStatement("set session sql_mode = ?, lock_wait_timeout = "
                    + Long.parseLong(mariaDbSession[1]) + ", innodb_lock_wait_timeout = "
                    + Long.parseLong(mariaDbSession[2]))) {
                p.setString(1, mariaDbSession[0]);
                p.execute();
            }
        }
        if (connection.isReadOnly() != readOnly) {
            connection.setReadOnly(readOnly);
        }
        connection.setAutoCommit(autoCommit);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" -> {
                if (args == null) {
                    restoreAndClose();
                    return null;
                }
            }
            case "equals" -> {
                return args != null && args.length == 1 && proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "migration connection of " + database.describe();
            }
            default -> {
            }
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
