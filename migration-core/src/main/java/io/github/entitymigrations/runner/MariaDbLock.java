package io.github.entitymigrations.runner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A named user lock ({@code get_lock}), held by the session and released by {@code release_lock}, or by the
 * server when the session ends, however its client died. Lock names are server-wide, so the name holds the
 * database and the version table's name: runs on two databases of one server do not wait for each other. A
 * waiting run finds the holder with {@code is_used_lock} and the process list.
 */
final class MariaDbLock extends DatabaseLock {

    /** The longest lock name MySQL accepts; MariaDB takes the same. */
    static final int MAX_NAME = 64;

    private static final String PREFIX = "entity_migrations.";

    private final Connection connection;
    private final String name;
    private final String database;
    private boolean held;

    private MariaDbLock(Connection connection, String name, String database) {
        this.connection = connection;
        this.name = name;
        this.database = database;
    }

    static MariaDbLock of(Connection c, Database database, VersionTable versions) throws SQLException {
        String schema = versions.schemaName() != null ? versions.schemaName() : MariaDbKind.currentDatabase(c);
        return new MariaDbLock(c, name(schema == null ? "" : schema, VersionTable.NAME), database.describe());
    }

    /**
     * {@code entity_migrations.<database>.<table>} when that fits in {@value #MAX_NAME} characters, else the prefix
     * and a SHA-256 of the same text: long names stay distinct and within the limit.
     */
    static String name(String schema, String table) {
        String plain = PREFIX + schema + "." + table;
        if (plain.length() <= MAX_NAME) {
            return plain;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((schema + '\0' + table)
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, MAX_NAME - PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String lockName() {
        return name;
    }

    @Override
    boolean tryAcquire() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("select get_lock(?, 0)")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                held = rs.getInt(1) == 1;
                return held;
            }
        }
    }

    @Override
    String what() {
        return "the migration lock of " + database;
    }

    /** The holding session: its id, user, client, program, database, what it does and for how long. */
    @Override
    String holder() throws SQLException {
        long id;
        try (PreparedStatement p = connection.prepareStatement("select is_used_lock(?)")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return "a session that has just released it";
                }
            }
        }
        StringBuilder s = new StringBuilder("session ").append(id);
        try (PreparedStatement p = connection.prepareStatement("select user, host, db, command, time, state, info "
                + "from information_schema.processlist where id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return s.append(" (whose details this user may not see: it needs the PROCESS privilege)")
                            .toString();
                }
                s.append(" (").append(program(id)).append("user ").append(rs.getString(1)).append(", from ")
                        .append(rs.getString(2)).append(rs.getString(3) == null ? "" : ", database " + rs.getString(3))
                        .append("), ");
                String info = oneLine(rs.getString(7));
                if (info.isEmpty()) {
                    return s.append(rs.getString(4).toLowerCase(java.util.Locale.ROOT)).append(" for ")
                            .append(rs.getLong(5)).append(" s").toString();
                }
                return s.append("running for ").append(rs.getLong(5)).append(" s: ").append(info)
                        .append(" (if the run that started it was killed, the server finishes the statement before it "
                                + "ends the session and releases the lock)").toString();
            }
        }
    }

    /** {@code program entity-migrations, } from the performance schema, when it is on and readable. */
    private String program(long id) {
        try (PreparedStatement p = connection.prepareStatement("select attr_value from "
                + "performance_schema.session_connect_attrs where processlist_id = ? and attr_name = 'program_name'")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? "program " + rs.getString(1) + ", " : "";
            }
        } catch (SQLException e) {
            return ""; // no performance schema, or not readable: the process list says enough
        }
    }

    @Override
    String howToFree(String holder) {
        String id = holder.replaceFirst("^session (\\d+).*", "$1");
        return "If that run is dead or stuck, end its session (which frees the lock): kill "
                + (id.matches("\\d+") ? id : "<id>") + "; (show processlist lists the sessions).";
    }

    @Override
    public void close() throws SQLException {
        if (held && !connection.isClosed()) {
            try (PreparedStatement p = connection.prepareStatement("select release_lock(?)")) {
                p.setString(1, name);
                p.execute();
            }
            held = false;
        }
    }

    private static String oneLine(String query) {
        String q = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return q.length() > 200 ? q.substring(0, 200) + "..." : q;
    }
}
