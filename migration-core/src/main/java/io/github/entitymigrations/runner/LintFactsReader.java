package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.lint.LintFacts;
import io.github.entitymigrations.lint.Rules;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what lint asks of a database, cheaply and without changing anything: for each table the judged migrations
 * change, its rows counted up to a limit ({@code select count(*) from (select 1 from t limit N)}, so a huge table
 * costs at most N row reads, on PostgreSQL, MariaDB/MySQL and SQLite alike), and on SQLite the views and triggers
 * that name it (a rebuild drops and re-creates them: {@link SqliteDependents}).
 */
final class LintFactsReader {

    /** Counting stops here: enough to call a table large ({@link Rules#LARGE_TABLE_ROWS}). */
    static final long ROW_LIMIT = Rules.LARGE_TABLE_ROWS;

    private LintFactsReader() {
    }

    /**
     * @param tables the tables to read, as the migrations know them
     * @param schema the configured PostgreSQL schema (MariaDB/MySQL database) for unqualified names as written in
     *               SQL, or {@code null}
     */
    static LintFacts read(Connection c, Dialect dialect, List<Table> tables, String schema) throws SQLException {
        boolean sqlite = dialect.name().equals(SqliteDialect.NAME);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Table t : tables) {
            String table = dialect.identifier(t.name(), t.quoted());
            String in = t.schema() != null ? dialect.identifier(t.schema(), false) : schema;
            Long n = count(c, in == null || sqlite ? table : in + "." + table);
            if (n != null) {
                rows.put(QualifiedName.key(t.schema(), t.name()), n);
            }
        }
        Map<String, List<String>> dependents = sqlite ? dependents(c, tables) : Map.of();
        return new LintFacts(rows, ROW_LIMIT, dependents);
    }

    /** The rows up to the limit, or {@code null} when the table cannot be read (not there: the migrations say). */
    private static Long count(Connection c, String table) throws SQLException {
        boolean auto = c.getAutoCommit();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from (select 1 from "
                + table + " limit " + ROW_LIMIT + ") counted")) {
            return rs.next() ? rs.getLong(1) : null;
        } catch (SQLException e) {
            if (!auto) {
                c.rollback();
            }
            return null;
        }
    }

    private static Map<String, List<String>> dependents(Connection c, List<Table> tables) throws SQLException {
        record Dependent(String type, String name, String table, String sql) {
        }
        List<Dependent> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select type, name, tbl_name, sql from "
                + "sqlite_master where type in ('view', 'trigger') and sql is not null order by rowid")) {
            while (rs.next()) {
                all.add(new Dependent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Table t : tables) {
            Pattern named = Pattern.compile("(?i)(^|[^A-Za-z0-9_$])\"?" + Pattern.quote(t.name())
                    + "\"?($|[^A-Za-z0-9_$])");
            List<String> names = all.stream().filter(d -> d.table().equalsIgnoreCase(t.name())
                            && d.type().equals("trigger") || named.matcher(d.sql()).find() && !d.name()
                            .equalsIgnoreCase(t.name()))
                    .map(d -> d.type() + " " + d.name()).toList();
            if (!names.isEmpty()) {
                found.put(QualifiedName.key(t.schema(), t.name()), names);
            }
        }
        return found;
    }
}
