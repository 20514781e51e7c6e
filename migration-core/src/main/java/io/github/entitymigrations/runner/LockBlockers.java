package io.github.entitymigrations.runner;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who held the lock a migration's statement waited for until its {@code lock_timeout} ran out (PostgreSQL's
 * SQLState {@value #LOCK_NOT_AVAILABLE}). The waiting statement is cancelled by then, so {@code pg_blocking_pids}
 * has nothing to say; instead the sessions still holding a lock on a table the statement names are listed, each
 * with what a DBA needs to decide whether to wait or end it.
 */
final class LockBlockers {

    /** {@code lock_not_available}: a {@code lock_timeout} (or {@code nowait}) ran out. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /** A possibly schema-qualified, possibly quoted name after a keyword that introduces a table or index. */
    private static final Pattern RELATION = Pattern.compile("(?i)\\b(?:table|on|references|index(?:\\s+concurrently)?"
            + "(?:\\s+if\\s+exists)?)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)");

    private static final String QUERY = """
            with named as (select to_regclass(n) as oid from unnest(?) as n),
                 target as (select oid from named where oid is not null
                            union select i.indrelid from pg_catalog.pg_index i join named on i.indexrelid = named.oid)
            select a.pid, a.usename, a.application_name, a.state,
                   to_char(coalesce(a.xact_start, a.backend_start), 'YYYY-MM-DD HH24:MI:SS TZ'),
                   cast(extract(epoch from now() - coalesce(a.xact_start, a.backend_start)) as bigint),
                   a.query, string_agg(distinct c.relname || ' (' || l.mode || ')', ', ')
            from pg_catalog.pg_locks l
            join pg_catalog.pg_stat_activity a on a.pid = l.pid
            join pg_catalog.pg_class c on c.oid = l.relation
            where l.granted and l.pid <> pg_backend_pid() and l.relation in (select oid from target)
            group by a.pid, a.usename, a.application_name, a.state, a.xact_start, a.backend_start, a.query
            order by a.pid""";

    private LockBlockers() {
    }

    static boolean isLockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    /** The tables and indexes {@code statement} names, as written (quotes kept, for {@code to_regclass}). */
    static List<String> relations(String statement) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = RELATION.matcher(statement);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /**
     * One line per session holding a lock on a relation {@code statement} names, and the pids; no line when none
     * does any more (it ended meanwhile) or the catalog cannot be read.
     */
    static Found find(Connection c, String statement) {
        List<String> lines = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(QUERY)) {
            Array names = c.createArrayOf("text", relations(statement).toArray());
            p.setArray(1, names);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                    lines.add("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application "
                            + blankAsNone(rs.getString(3)) + ", " + details(rs) + ") holds " + rs.getString(8)
                            + "; its last query: " + abbreviate(rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            lines.add("(the sessions holding it could not be read: " + e.getMessage() + ")");
        }
        return new Found(lines, pids);
    }

    /** What was found: the lines to show, and the pids to name in the advice. */
    record Found(List<String> lines, List<Integer> pids) {
    }

    /** Its state and since when; PostgreSQL shows them only for the same role's sessions, or to a privileged one. */
    private static String details(ResultSet rs) throws SQLException {
        if (rs.getString(4) == null) {
            return "another role's session: its state, start and query are visible to a superuser or a member of "
                    + "pg_read_all_stats";
        }
        return rs.getString(4) + ", in its transaction since " + rs.getString(5) + ", " + rs.getLong(6) + " s ago";
    }

    private static String blankAsNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s;
    }

    private static String abbreviate(String query) {
        if (query == null || query.isBlank()) {
            return "(none)";
        }
        String one = query.strip().replaceAll("\\s+", " ");
        return one.length() > 100 ? one.substring(0, 97) + "..." : one;
    }
}
