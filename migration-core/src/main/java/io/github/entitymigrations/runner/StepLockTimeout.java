package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A migration's {@code "lockTimeout"}, set for its statements. In a transaction it is {@code set local}, which ends
 * with the transaction; outside one it is a session setting, so the session's own value (a pool's connection may
 * carry the application's) is read first and put back after the migration.
 */
final class StepLockTimeout {

    /** The session's value to put back, or {@code null} when nothing needs restoring. */
    private final String previous;

    private StepLockTimeout(String previous) {
        this.previous = previous;
    }

    /** Sets the step's lock timeout on {@code c}, if it has one and the database has such a setting. */
    static StepLockTimeout set(Connection c, Dialect dialect, Step step) throws SQLException {
        String timeout = step.file().migration().lockTimeout();
        List<String> statements = timeout == null ? List.of() : dialect.lockTimeout(timeout, step.atomic());
        if (statements.isEmpty()) {
            return new StepLockTimeout(null);
        }
        String previous = null;
        try (Statement s = c.createStatement()) {
            if (!step.atomic()) {
                try (ResultSet rs = s.executeQuery("select current_setting('lock_timeout')")) {
                    previous = rs.next() ? rs.getString(1) : "0";
                }
            }
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return new StepLockTimeout(previous);
    }

    /** Puts the session's own value back after an outside-transaction step (a transaction's setting ended with it). */
    void restore(Connection c) throws SQLException {
        if (previous == null) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("select set_config('lock_timeout', ?, false)")) {
            p.setString(1, previous);
            p.execute();
        }
    }
}
