package io.github.entitymigrations.runner;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level advisory lock, which the server releases by itself when the session ends (also after
 * kill -9 of its client, once the server notices and the backend's statement ends). Keyed on the database,
 * the schema of the version table and its name, so runs on two schemas of one database do not wait for
 * each other. A waiting run reads the holder from {@code pg_locks} and {@code pg_stat_activity}.
 */
final class PostgresLock extends DatabaseLock {

    private final Connection connection;
    private final long key;
    private final String database;
    private boolean held;

    private PostgresLock(Connection connection, long key, String database) {
        this.connection = connection;
        this.key = key;
        this.database = database;
    }

    static PostgresLock of(Connection c, Database database, VersionTable versions) throws SQLException {
        return new PostgresLock(c, key(c, versions), database.describe());
    }

    /**
     * The lock's key: the first 8 bytes of SHA-256 over the database name, the version table's schema and
     * its name (each as written in SQL, so a configured {@code MySchema} and {@code myschema} agree).
     */
    static long key(Connection c, VersionTable versions) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select current_database(), coalesce(?, "
                + "quote_ident(current_schema()), '')")) {
            p.setString(1, versions.schemaIdentifier());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                String text = rs.getString(1) + '\0' + rs.getString(2) + '\0' + versions.tableIdentifier();
                return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(
                        text.getBytes(StandardCharsets.UTF_8))).getLong();
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    boolean tryAcquire() throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            p.setLong(1, key);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                held = rs.getBoolean(1);
                return held;
            }
        }
    }

    @Override
    String what() {
        return "the migration lock of " + database;
    }

    /** The holding session: pid, application, user, client, state since when, and its statement. */
    @Override
    String holder() throws SQLException {
        String since = "to_char(%s at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC (' "
                + "|| extract(epoch from now() - %s)::bigint || ' s ago)'";
        String sql = "select a.pid, a.application_name, a.usename, a.client_addr, a.state, "
                + since.formatted("a.state_change", "a.state_change") + ", "
                + since.formatted("a.query_start", "a.query_start") + ", a.query "
                + "from pg_catalog.pg_locks l left join pg_catalog.pg_stat_activity a on a.pid = l.pid "
                + "where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.classid::bigint = ? "
                + "and l.objid::bigint = ? and l.database = (select oid from pg_catalog.pg_database "
                + "where datname = current_database()) limit 1";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setLong(1, key >>> 32);
            p.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return "a session that has just released it";
                }
                return describe(rs);
            }
        }
    }

    private static String describe(ResultSet rs) throws SQLException {
        String state = rs.getString(5);
        StringBuilder s = new StringBuilder("PostgreSQL session pid ").append(rs.getInt(1)).append(" (application \"")
                .append(nonEmpty(rs.getString(2))).append("\", user ").append(nonEmpty(rs.getString(3)))
                .append(rs.getString(4) == null ? "" : ", from " + rs.getString(4)).append("), ");
        if (state == null) {
            return s.append("whose activity this user may not see").toString();
        }
        String query = oneLine(rs.getString(8));
        if (state.equals("active")) {
            return s.append("active, still running a statement it started ").append(rs.getString(7)).append(": ")
                    .append(query).append(" (if the run that started it was killed, the server keeps running the "
                            + "statement until it ends, and only then releases the lock)").toString();
        }
        s.append(state).append(" since ").append(rs.getString(6));
        return (query.isEmpty() ? s : s.append("; its last statement: ").append(query)).toString();
    }

    @Override
    String howToFree(String holder) {
        String pid = holder.replaceFirst("^PostgreSQL session pid (\\d+).*", "$1");
        return "If that run is dead or stuck, end its session (which frees the lock and rolls back its open "
                + "transaction): select pg_terminate_backend(" + (pid.matches("\\d+") ? pid : "<pid>") + ");"
                + " (pg_stat_activity lists the sessions).";
    }

    @Override
    public void close() throws SQLException {
        if (held && !connection.isClosed()) {
            try (PreparedStatement p = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                p.setLong(1, key);
                p.execute();
            }
            held = false;
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? "unnamed" : s;
    }

    private static String oneLine(String query) {
        String q = query == null ? "" : query.replaceAll("\\s+", " ").trim();
        return q.length() > 200 ? q.substring(0, 200) + "..." : q;
    }
}
