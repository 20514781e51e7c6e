package io.github.entitymigrations.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code create index concurrently} that fails (duplicates under a unique index, a cancelled build) leaves an
 * INVALID index behind on PostgreSQL: not used by queries, still maintained on every write, and in the way of the
 * rerun ("already exists"). The runner drops it at once, so that fixing the data and running again works.
 */
final class InvalidIndex {

    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "(?i)^\\s*create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "(\"[^\"]+\"|[\\w$]+)\\s+on\\s+(?:only\\s+)?((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)");

    /** {@code duplicate_table}: the name was taken before; that index is someone else's, never dropped here. */
    private static final String ALREADY_EXISTS = "42P07";

    private static final String FIND = "select quote_ident(n.nspname) || '.' || quote_ident(x.relname) "
            + "from pg_catalog.pg_index i join pg_catalog.pg_class x on x.oid = i.indexrelid "
            + "join pg_catalog.pg_namespace n on n.oid = x.relnamespace "
            + "where i.indrelid = to_regclass(?) and not i.indisvalid and x.relname = ?";

    private InvalidIndex() {
    }

    /**
     * Drops the invalid index {@code statement} left when it failed with {@code failure}; returns a sentence saying
     * so (or why it could not), or {@code null} when the statement is no concurrent index build or left nothing.
     */
    static String dropLeftBy(Connection c, String statement, SQLException failure) {
        Matcher m = CONCURRENT_INDEX.matcher(statement);
        if (!m.find() || ALREADY_EXISTS.equals(failure.getSQLState())) {
            return null;
        }
        String name = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1)
                : m.group(1).toLowerCase(java.util.Locale.ROOT);
        try {
            String index;
            try (PreparedStatement p = c.prepareStatement(FIND)) {
                p.setString(1, m.group(2));
                p.setString(2, name);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    index = rs.getString(1);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop index concurrently if exists " + index);
            }
            return "The failed build left the invalid index " + index + " behind; it was dropped, so the migration "
                    + "can run again once the cause is fixed.";
        } catch (SQLException e) {
            return "The failed build left an invalid index " + name + " behind, which could not be dropped ("
                    + e.getMessage() + "): drop it by hand (drop index concurrently " + name + ") before running again.";
        }
    }
}
