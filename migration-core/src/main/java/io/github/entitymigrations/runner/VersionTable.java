package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The table that records which migrations a database has: {@value #NAME}, created on first use (in the
 * configured schema on PostgreSQL). One row per applied migration: id, message, checksum of its file,
 * when, by whom, and how long it took. Rows change only in the transaction of their migration.
 */
public final class VersionTable {

    public static final String NAME = "entity_migrations_history";

    private final Dialect dialect;
    private final String schema;

    VersionTable(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = schema;
    }

    String qualifiedName() {
        String table = tableIdentifier();
        return schema == null ? table : schemaIdentifier() + "." + table;
    }

    /** The configured schema as written in SQL (quoted as needed), or {@code null}. */
    String schemaIdentifier() {
        return schema == null ? null : dialect.identifier(schema, false);
    }

    String tableIdentifier() {
        return dialect.identifier(NAME, false);
    }

    private boolean postgres() {
        return !dialect.name().equals("sqlite");
    }

    /**
     * On PostgreSQL the schema is the one the SQL names (quoted or folded as written), read by the server
     * with {@code to_regnamespace}; JDBC metadata would take the configured text as a LIKE pattern.
     */
    private static final String PG_SCHEMA = "to_regnamespace(coalesce(?, quote_ident(current_schema())))";

    /** The current UTC time as ISO-8601 text, evaluated by the database (for sql scripts). */
    String nowExpression() {
        return dialect.name().equals("sqlite") ? "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                : "to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    }

    boolean exists(Connection c) throws SQLException {
        if (postgres()) {
            return !pgTables(c, NAME).isEmpty();
        }
        try (ResultSet rs = c.getMetaData().getTables(null, schemaOf(c), NAME, null)) {
            return rs.next();
        }
    }

    /** The other tables of the schema, for the "existing database without a version table" check. */
    List<String> otherTables(Connection c) throws SQLException {
        if (postgres()) {
            return pgTables(c, null).stream().filter(t -> !t.equals(NAME)).toList();
        }
        List<String> result = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, schemaOf(c), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(NAME) && !name.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")) {
                    result.add(name);
                }
            }
        }
        return result;
    }

    /** The tables (named {@code only}, or all) of the version table's schema on PostgreSQL. */
    private List<String> pgTables(Connection c, String only) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select relname from pg_catalog.pg_class where relnamespace = "
                + PG_SCHEMA + " and relkind in ('r', 'p') and (cast(? as text) is null or relname = ?) "
                + "order by relname")) {
            p.setString(1, schemaIdentifier());
            p.setString(2, only);
            p.setString(3, only);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    private String schemaOf(Connection c) throws SQLException {
        return schema != null ? schema : c.getSchema();
    }

    /** The statements that create the table (and the schema) when missing; also used by sql scripts. */
    List<String> createStatements() {
        List<String> statements = new ArrayList<>();
        if (schema != null) {
            statements.add("create schema if not exists " + dialect.identifier(schema, false));
        }
        statements.add("create table if not exists " + qualifiedName() + " ("
                + "id varchar(32) not null, "
                + "message varchar(1000), "
                + "checksum varchar(64) not null, "
                + "applied_at varchar(40) not null, "
                + "applied_by varchar(128), "
                + "execution_ms bigint not null, "
                + "constraint " + dialect.identifier("pk_" + NAME, false) + " primary key (id))");
        return statements;
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : createStatements()) {
                s.execute(sql);
            }
        }
    }

    List<Applied> read(Connection c) throws SQLException {
        List<Applied> result = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, message, checksum, applied_at, applied_by, execution_ms from "
                     + qualifiedName() + " order by id")) {
            while (rs.next()) {
                result.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)));
            }
        }
        return result;
    }

    boolean contains(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from " + qualifiedName() + " where id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    void insert(Connection c, Applied row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into " + qualifiedName()
                + " (id, message, checksum, applied_at, applied_by, execution_ms) values (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, row.id());
            p.setString(2, truncate(row.message(), 1000));
            p.setString(3, row.checksum());
            p.setString(4, row.appliedAt());
            p.setString(5, truncate(row.appliedBy(), 128));
            p.setLong(6, row.executionMs());
            p.executeUpdate();
        }
    }

    void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("delete from " + qualifiedName() + " where id = ?")) {
            p.setString(1, id);
            p.executeUpdate();
        }
    }

    void deleteAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from " + qualifiedName());
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
