package io.github.entitymigrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs SQL on a test connection and reads back what PostgreSQL made of it. */
final class PgCatalog {

    /** The schemas the scenarios use. */
    static final String SCHEMAS = "('public', 'app', 'reporting')";

    /**
     * Every column (type, NOT NULL, default, identity), constraint, index and sequence in the scenario
     * schemas, one sorted line each: equal snapshots mean an equal schema.
     */
    private static final String SNAPSHOT = """
            select n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || case when a.attnotnull then ' not null' else '' end
                   || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || case a.attidentity when 'd' then ' identity' when 'a' then ' always identity' else '' end
            from pg_attribute a
            join pg_class c on c.oid = a.attrelid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attnum > 0 and not a.attisdropped and c.relkind = 'r' and n.nspname in %1$s
            union all
            select n.nspname || '.' || c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            from pg_constraint k
            join pg_class c on c.oid = k.conrelid
            join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in %1$s
            union all
            select schemaname || ' ' || indexdef from pg_indexes where schemaname in %1$s
            union all
            select schemaname || '.' || sequencename || ' start ' || start_value || ' increment ' || increment_by
                   || ' min ' || min_value || ' max ' || max_value
            from pg_sequences where schemaname in %1$s
            order by 1
            """.formatted(SCHEMAS);

    private PgCatalog() {
    }

    static List<String> snapshot(Connection c) throws SQLException {
        return query(c, SNAPSHOT);
    }

    /** Runs each statement; a failure names the statement. */
    static void execute(Connection c, List<String> statements) {
        for (String sql : statements) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError("PostgreSQL refused: " + sql + "\n  " + e.getMessage(), e);
            }
        }
    }

    static void execute(Connection c, String... statements) {
        execute(c, List.of(statements));
    }

    /** The rows of a query, columns joined with {@code |}, SQL NULL as {@code null}. */
    static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
