package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table that records which migrations a database has: {@value #NAME}, created on first use (in the
 * configured schema on PostgreSQL). One row per applied migration: id, message, checksum of its file,
 * when ({@code applied_at}, a time), by whom, how long it took, and whether it was only stamped. Rows change
 * only in the transaction of their migration. A table of the first form (text {@code applied_at}, stamps
 * marked by a suffix of {@code applied_by}) is still read, and {@link VersionTableForm} upgrades it.
 */
public final class VersionTable {

    public static final String NAME = "entity_migrations_history";

    /** How the first form of the table marked a stamped row: a suffix of {@code applied_by}. */
    static final String OLD_STAMP_SUFFIX = " (stamp)";

    private static final String COLUMNS = "id, message, checksum, applied_at, applied_by, execution_ms";

    private final DatabaseKind kind;
    private final Dialect dialect;
    private final String schema;

    VersionTable(DatabaseKind kind, Dialect dialect, String schema) {
        this.kind = kind;
        this.dialect = dialect;
        this.schema = schema;
    }

    /** The version table of {@code database}. */
    static VersionTable of(Database database) {
        return new VersionTable(database.kind(), database.dialect(), database.schema());
    }

    DatabaseKind kind() {
        return kind;
    }

    String qualifiedName() {
        return qualified(tableIdentifier());
    }

    /** {@code table} (unqualified) in the version table's schema. */
    String qualified(String table) {
        return schema == null ? table : schemaIdentifier() + "." + table;
    }

    /** The configured schema's name as given (unquoted), or {@code null}. */
    String schemaName() {
        return schema;
    }

    /** The configured schema as written in SQL (quoted as needed), or {@code null}. */
    String schemaIdentifier() {
        return schema == null ? null : dialect.identifier(schema, false);
    }

    String tableIdentifier() {
        return dialect.identifier(NAME, false);
    }

    /** The database's current time as {@code applied_at} stores it (for sql scripts). */
    String nowExpression() {
        return kind.nowExpression();
    }

    boolean exists(Connection c) throws SQLException {
        return !kind.tables(c, this, NAME).isEmpty();
    }

    /** The other tables of the schema, for the "existing database without a version table" check. */
    List<String> otherTables(Connection c) throws SQLException {
        return kind.tables(c, this, null).stream().filter(t -> !t.equalsIgnoreCase(NAME)).toList();
    }

    /** The statements that create the table (and the schema) when missing; also used by sql scripts. */
    List<String> createStatements() {
        List<String> statements = new ArrayList<>();
        if (schema != null) {
            statements.add("create schema if not exists " + dialect.identifier(schema, false));
        }
        statements.add(createTable(tableIdentifier(), true));
        return statements;
    }

    /** The table's current form, under {@code table} (unqualified) in the version table's schema. */
    String createTable(String table, boolean ifNotExists) {
        return "create table " + (ifNotExists ? "if not exists " : "") + qualified(table) + " ("
                + "id varchar(32) not null, "
                + "message varchar(1000), "
                + "checksum varchar(64) not null, "
                + kind.appliedAtColumn() + ", "
                + "applied_by varchar(128), "
                + "execution_ms bigint not null, "
                + kind.stampedColumn() + ", "
                + "constraint " + dialect.identifier("pk_" + NAME, false) + " primary key (id))";
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : createStatements()) {
                s.execute(sql);
            }
        }
    }

    /** Every row, oldest first, from a table of either form. */
    List<Applied> read(Connection c) throws SQLException {
        if (VersionTableForm.of(c, this) == VersionTableForm.FIRST) {
            return readOldForm(c);
        }
        List<Applied> result = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select " + COLUMNS + ", stamped from " + qualifiedName() + " order by id")) {
            while (rs.next()) {
                result.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3), kind.appliedAt(rs, 4),
                        rs.getString(5), rs.getLong(6), rs.getBoolean(7)));
            }
        }
        return result;
    }

    /** The rows of a table of the first form: ISO-8601 text times, stamps marked by their suffix. */
    List<Applied> readOldForm(Connection c) throws SQLException {
        List<Applied> result = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select " + COLUMNS + " from " + qualifiedName() + " order by id")) {
            while (rs.next()) {
                String by = rs.getString(5);
                boolean stamped = by != null && by.endsWith(OLD_STAMP_SUFFIX);
                result.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3),
                        VersionTableForm.parseOldTime(rs.getString(1), rs.getString(4)),
                        stamped ? by.substring(0, by.length() - OLD_STAMP_SUFFIX.length()) : by, rs.getLong(6), stamped));
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
        insertAll(c, tableIdentifier(), List.of(row));
    }

    /** Inserts rows into {@code table} (unqualified) of the version table's schema, in one batch. */
    void insertAll(Connection c, String table, List<Applied> rows) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(insertSql(table))) {
            for (Applied row : rows) {
                bind(p, row);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /**
     * The insert of one row, prepared once for a run that records many (one per migration): the database parses
     * it once, not for every migration. {@link #insert(PreparedStatement, Applied)} runs it.
     */
    PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement(insertSql(tableIdentifier()));
    }

    /** Inserts {@code row} with a statement from {@link #prepareInsert}. */
    void insert(PreparedStatement insert, Applied row) throws SQLException {
        bind(insert, row);
        insert.executeUpdate();
    }

    private String insertSql(String table) {
        return "insert into " + qualified(table) + " (" + COLUMNS + ", stamped) values (?, ?, ?, ?, ?, ?, ?)";
    }

    private void bind(PreparedStatement p, Applied row) throws SQLException {
        p.setString(1, row.id());
        p.setString(2, truncate(row.message(), 1000));
        p.setString(3, row.checksum());
        kind.setAppliedAt(p, 4, row.appliedAt());
        p.setString(5, truncate(row.appliedBy(), 128));
        p.setLong(6, row.executionMs());
        p.setBoolean(7, row.stamped());
    }

    /**
     * PostgreSQL: the insert of an applied migration's row as one statement of literals, sent in one batch with the
     * migration's statements (one round trip for both). Its time and duration are the server's, taken as the row is
     * written: {@code clock_timestamp()}, and the time since the migration's transaction began, with its first
     * statement. Text goes in escape-string literals ({@code E'...'}), which read the same whatever
     * {@code standard_conforming_strings} says. {@code null} when a text holds a zero character, which no
     * statement's text can carry: the row is then inserted on its own, with parameters.
     */
    String insertStatement(String id, String message, String checksum, String appliedBy) {
        return insertStatement(id, message, checksum, appliedBy, null);
    }

    /**
     * As {@link #insertStatement(String, String, String, String)}, for a migration that shares its transaction with
     * the one before it, whose row is {@code after}'s: its duration counts from that row's time, not from the
     * transaction's start ({@code null}: from the transaction's start).
     */
    String insertStatement(String id, String message, String checksum, String appliedBy, String after) {
        if ((id + message + checksum + appliedBy + (after == null ? "" : after)).indexOf('\0') >= 0) {
            return null;
        }
        String since = after == null ? "transaction_timestamp()"
                : "(select applied_at from " + qualifiedName() + " where id = " + text(after) + ")";
        return "insert into " + qualifiedName() + " (" + COLUMNS + ", stamped) values (" + text(id) + ", "
                + text(truncate(message, 1000)) + ", " + text(checksum) + ", clock_timestamp(), "
                + text(truncate(appliedBy, 128)) + ", cast(floor(extract(epoch from clock_timestamp() - "
                + since + ") * 1000) as bigint), false)";
    }

    /** PostgreSQL: the delete of a reverted migration's row, as one statement, like {@link #insertStatement}. */
    String deleteStatement(String id) {
        return "delete from " + qualifiedName() + " where id = " + text(id);
    }

    /** A PostgreSQL escape-string literal, or {@code null}. */
    static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(value.length() + 3).append("E'");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\'') {
                b.append(ch);
            }
            b.append(ch);
        }
        return b.append('\'').toString();
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

    /** Now, as precise as {@code applied_at} keeps it (microseconds), so a row reads back as it was written. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
