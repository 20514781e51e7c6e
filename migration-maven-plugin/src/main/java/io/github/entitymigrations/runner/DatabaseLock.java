package io.github.entitymigrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps two runners from migrating one database at once. On PostgreSQL: a session-level advisory lock,
 * which the server releases by itself if the process dies, so it can never go stale. On SQLite, each
 * migration's transaction takes the database's write lock as it begins ({@code BEGIN IMMEDIATE}) and
 * re-checks the version table inside it, which gives the same guarantee.
 */
final class DatabaseLock implements AutoCloseable {

    /** Fixed key: one migration runner per PostgreSQL database at a time ("entmig" in ASCII). */
    static final long KEY = 0x656E746D6967L;

    private final Connection connection;
    private final boolean held;

    private DatabaseLock(Connection connection, boolean held) {
        this.connection = connection;
        this.held = held;
    }

    static DatabaseLock acquire(Connection c, Database database) throws SQLException {
        if (!database.isPostgres()) {
            return new DatabaseLock(c, false);
        }
        try (PreparedStatement p = c.prepareStatement("select pg_advisory_lock(?)")) {
            p.setLong(1, KEY);
            p.execute();
        }
        return new DatabaseLock(c, true);
    }

    @Override
    public void close() throws SQLException {
        if (held && !connection.isClosed()) {
            try (PreparedStatement p = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                p.setLong(1, KEY);
                p.execute();
            }
        }
    }
}
