package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite: a lock file next to the database, immediate transactions with a busy timeout, no schemas. SQLite
 * has no date-time type, so {@code applied_at} is ISO-8601 UTC text of one fixed width (microseconds, as
 * PostgreSQL keeps), declared {@code text} and checked to be a time SQLite's own date functions read: it
 * sorts in time order and {@code julianday(applied_at)} works on it. (The driver's {@code setTimestamp}
 * would store milliseconds since 1970 instead, which no SQLite function reads as a time.)
 */
public final class SqliteKind implements DatabaseKind {

    static final SqliteKind INSTANCE = new SqliteKind();

    /** How long SQLite waits for another writer (another upgrade) before giving up. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    /** {@code applied_at} as stored: fixed width, so text order is time order. */
    static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private SqliteKind() {
    }

    @Override
    public String name() {
        return SqliteDialect.NAME;
    }

    @Override
    public String driverClass() {
        return "org.sqlite.JDBC";
    }

    @Override
    public Dialect dialect(Database database) {
        if (database.schema() != null) {
            throw new MigrationException("SQLite has no schemas: remove "
                    + Advice.current().phrase(Advice.Phrase.SCHEMA) + " for "
                    + database.describe());
        }
        return new SqliteDialect();
    }

    @Override
    public void configure(Properties properties) {
        // Each migration takes the write lock when it begins, so two upgrades apply it once.
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
    }

    @Override
    public void checkUrl(Database database) {
        // Nothing to refuse: the URL is a file name.
    }

    @Override
    public MigrationException cannotConnect(Database database, String reason, Throwable cause) {
        return new MigrationException("Cannot open the SQLite database " + database.describe() + ": " + reason
                + ". Check " + Advice.current().phrase(Advice.Phrase.URL)
                + ": its directory must exist and be writable", cause);
    }

    @Override
    public void prepare(Connection c, Duration lockTimeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("pragma busy_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(0, lockTimeout.toMillis())));
        }
    }

    /** Whether the database file is missing (connecting would create it); in-memory and URI names exist. */
    @Override
    public boolean notCreatedYet(Database database) {
        String path = database.url().substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return !(path.isEmpty() || path.equals(":memory:") || path.startsWith("file:") || Files.exists(Path.of(path)));
    }

    @Override
    public boolean readOnlyAfterOpen() {
        return false; // sqlite-jdbc allows read-only only when opening the connection
    }

    /** SQLITE_BUSY: another connection held the database's write lock longer than the busy timeout. */
    @Override
    public boolean isBusy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ((s.getErrorCode() & 0xff) == 5
                    || String.valueOf(s.getMessage()).contains("SQLITE_BUSY"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DatabaseLock lock(Connection c, Database database, VersionTable versions) {
        return SqliteLock.of(database);
    }

    @Override
    public boolean lockKeepsOtherWritersOut() {
        return false; // the lock file binds only runners; an application or a browser may write all the same
    }

    @Override
    public SqliteDependents dependents(Step step) {
        return SqliteDependents.of(step);
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void useSchema(Connection c, Database database, VersionTable versions) {
        // No schemas: the dialect refuses a configured one.
    }

    @Override
    public List<String> scriptPreamble(Database database) {
        return List.of();
    }

    @Override
    public List<String> tables(Connection c, VersionTable versions, String only) throws SQLException {
        List<String> result = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), only == null ? "%" : only, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("sqlite_") && (only == null || name.equals(only))) {
                    result.add(name);
                }
            }
        }
        return result;
    }

    @Override
    public Map<String, String> columns(Connection c, VersionTable versions) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select name, type from pragma_table_info(?)")) {
            p.setString(1, VersionTable.NAME);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    @Override
    public String appliedAtColumn() {
        return "applied_at text not null check (julianday(applied_at) is not null)";
    }

    @Override
    public boolean isAppliedAtType(String declaredType) {
        return declaredType.equals("text");
    }

    @Override
    public String stampedColumn() {
        return "stamped integer not null default 0 check (stamped in (0, 1))";
    }

    /** Now, in the stored format: SQLite gives milliseconds, padded to the microseconds' width. */
    @Override
    public String nowExpression() {
        return "strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')";
    }

    @Override
    public void setAppliedAt(PreparedStatement p, int index, Instant at) throws SQLException {
        p.setString(index, appliedAtText(at));
    }

    /**
     * {@code at} as {@link #APPLIED_AT} writes it, written out by hand for the years of four digits (the formatter
     * is slow in a fresh JVM, and a run writes one for every migration).
     */
    static String appliedAtText(Instant at) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(),
                ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return APPLIED_AT.format(at);
        }
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 6, t.getNano() / 1000);
        return new String(text);
    }

    private static void digits(char[] text, int from, int width, int value) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    @Override
    public Instant appliedAt(ResultSet rs, int index) throws SQLException {
        String at = rs.getString(index);
        return at == null ? null : Instant.parse(at);
    }

    /**
     * SQLite cannot change a column's type in place, so the table is rebuilt inside the caller's
     * transaction (SQLite's DDL is transactional): a new table, every row copied converting, the old one
     * dropped, the new one renamed. Killed at any point, the journal rolls it all back.
     */
    @Override
    public void upgradeVersionTable(Connection c, VersionTable versions) throws SQLException {
        List<Applied> rows = versions.readOldForm(c);
        String copy = "_em_new_" + VersionTable.NAME;
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists " + copy);
            s.execute(versions.createTable(copy, false));
        }
        versions.insertAll(c, copy, rows);
        try (Statement s = c.createStatement()) {
            s.execute("drop table " + versions.qualifiedName());
            s.execute("alter table " + copy + " rename to " + versions.tableIdentifier());
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
