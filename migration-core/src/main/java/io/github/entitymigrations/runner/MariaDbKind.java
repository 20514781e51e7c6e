package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * MariaDB and MySQL, one kind in two flavours chosen by the URL's scheme: {@code jdbc:mariadb:} (MariaDB
 * Connector/J, the {@code mariadb} dialect, what Hibernate's {@code MariaDBDialect} creates) and {@code jdbc:mysql:}
 * (MySQL Connector/J, the {@code mysql} dialect, as {@code MySQLDialect}). A {@code get_lock} per version table,
 * which the server releases when the session ends; DDL that commits by itself (no transactional DDL); a
 * configured schema that is a database of the server, made the connection's current one; {@code applied_at} as
 * {@code datetime(6)} in UTC. The session is set up so that the rendered SQL means what it says whatever the
 * server's defaults: strict mode on, ANSI quotes and the other modes that change how SQL is read off.
 */
public final class MariaDbKind implements DatabaseKind {

    /** {@code jdbc:mariadb:}: MariaDB Connector/J, the {@code mariadb} dialect. */
    public static final MariaDbKind MARIADB = new MariaDbKind(Flavour.MARIADB);

    /** {@code jdbc:mysql:}: MySQL Connector/J, the {@code mysql} dialect (also fine on a MariaDB server). */
    public static final MariaDbKind MYSQL = new MariaDbKind(Flavour.MYSQL);

    private enum Flavour {
        MARIADB("mariadb", "jdbc:mariadb:", "MariaDB", "org.mariadb.jdbc.Driver"),
        MYSQL("mysql", "jdbc:mysql:", "MySQL", "com.mysql.cj.jdbc.Driver");

        final String name;
        final String scheme;
        final String product;
        final String driver;

        Flavour(String name, String scheme, String product, String driver) {
            this.name = name;
            this.scheme = scheme;
            this.product = product;
            this.driver = driver;
        }
    }

    private final Flavour flavour;

    private MariaDbKind(Flavour flavour) {
        this.flavour = flavour;
    }

    /** The URL scheme of this flavour: {@code jdbc:mariadb:} or {@code jdbc:mysql:}. */
    public String scheme() {
        return flavour.scheme;
    }

    /** The product name its connections report: {@code MariaDB} or {@code MySQL}. */
    public String productName() {
        return flavour.product;
    }

    public boolean isMysql() {
        return flavour == Flavour.MYSQL;
    }

    @Override
    public String name() {
        return flavour.name;
    }

    @Override
    public String driverClass() {
        return flavour.driver;
    }

    @Override
    public Dialect dialect(Database database) {
        return isMysql() ? MariaDbDialect.mysql(database.schema()) : MariaDbDialect.mariadb(database.schema());
    }

    @Override
    public Dialect dialect(Database database, Connection c) throws SQLException {
        // The version the server sent when connecting (the driver keeps it): no second query.
        return MariaDbSessions.forServer((MariaDbDialect) dialect(database), c.getMetaData().getDatabaseProductVersion());
    }

    /** Names the runner's sessions for the server's performance schema ({@code session_connect_attrs}). */
    @Override
    public void configure(Properties properties) {
        if (!properties.containsKey("connectionAttributes")) {
            properties.setProperty("connectionAttributes", "program_name:" + Sessions.APPLICATION_NAME);
        }
    }

    @Override
    public void checkUrl(Database database) {
        MariaDbSessions.checkUrl(this, database);
    }

    @Override
    public MigrationException cannotConnect(Database database, String reason, Throwable cause) {
        return new MigrationException("Cannot connect to " + database.describe() + ": " + reason + ". "
                + MariaDbSessions.advice(database, reason), cause);
    }

    @Override
    public void prepare(Connection c, Duration lockTimeout) throws SQLException {
        MariaDbSessions.prepare(this, c, lockTimeout);
    }

    @Override
    public boolean notCreatedYet(Database database) {
        return false; // connecting never creates a server's database
    }

    @Override
    public boolean readOnlyAfterOpen() {
        return true;
    }

    /**
     * Statements that wait for a lock end with an error of their own (lock wait timeout), which the runner
     * reports as it is: no busy state as SQLite has.
     */
    @Override
    public boolean isBusy(SQLException e) {
        return false;
    }

    @Override
    public DatabaseLock lock(Connection c, Database database, VersionTable versions) throws SQLException {
        return MariaDbLock.of(c, database, versions);
    }

    @Override
    public boolean lockKeepsOtherWritersOut() {
        return true;
    }

    @Override
    public SqliteDependents dependents(Step step) {
        return null; // tables are altered in place: views and triggers stay
    }

    /** Every DDL statement commits the transaction it is in, by itself. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * A configured schema is a database of the server: created when missing and made the connection's current
     * one (as Flyway's defaultSchema), so unqualified names in hand-written sql steps land there too. Without
     * one, the URL must name a database: the server has no default one.
     */
    @Override
    public void useSchema(Connection c, Database database, VersionTable versions) throws SQLException {
        if (database.schema() == null) {
            if (currentDatabase(c) == null) {
                throw new MigrationException("The URL " + database.describe() + " names no database, and no schema "
                        + "is configured: name the database in the URL (" + flavour.scheme + "//host:3306/mydb) or "
                        + "configure " + Advice.current().phrase(Advice.Phrase.SCHEMA));
            }
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create database if not exists " + versions.schemaIdentifier());
        }
        // Through the driver rather than a "use" statement: MySQL Connector/J keeps the current database itself.
        c.setCatalog(versions.schemaName());
    }

    @Override
    public List<String> scriptPreamble(Database database) {
        if (database.schema() == null) {
            return List.of();
        }
        String schema = dialect(database).identifier(database.schema(), false);
        return List.of("create database if not exists " + schema, "use " + schema);
    }

    @Override
    public List<String> tables(Connection c, VersionTable versions, String only) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select table_name from information_schema.tables "
                + "where table_schema = coalesce(?, database()) and table_type = 'BASE TABLE' order by table_name")) {
            p.setString(1, versions.schemaName());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    // Compared here: information_schema compares names without regard to case.
                    if (only == null || rs.getString(1).equals(only)) {
                        result.add(rs.getString(1));
                    }
                }
            }
        }
        return result;
    }

    @Override
    public Map<String, String> columns(Connection c, VersionTable versions) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select column_name, column_type from information_schema.columns "
                + "where table_schema = coalesce(?, database()) and table_name = ? order by ordinal_position")) {
            p.setString(1, versions.schemaName());
            p.setString(2, VersionTable.NAME);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    /** Microseconds, as PostgreSQL keeps; UTC, since {@code datetime} has no time zone. */
    @Override
    public String appliedAtColumn() {
        return "applied_at datetime(6) not null";
    }

    @Override
    public boolean isAppliedAtType(String declaredType) {
        return declaredType.equals("datetime(6)");
    }

    @Override
    public String stampedColumn() {
        return "stamped boolean not null default false";
    }

    @Override
    public String nowExpression() {
        return "utc_timestamp(6)";
    }

    /** As UTC wall-clock time: both drivers store a {@link LocalDateTime} as it is, whatever the time zones. */
    @Override
    public void setAppliedAt(PreparedStatement p, int index, Instant at) throws SQLException {
        p.setObject(index, LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    public Instant appliedAt(ResultSet rs, int index) throws SQLException {
        LocalDateTime at = rs.getObject(index, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    /**
     * DDL is not transactional, so the table is copied rather than altered: a new table filled with every row
     * converted, then swapped in by one {@code rename table} (atomic: other sessions see the old table or the new
     * one), then the old one dropped. Killed before the swap, the old table is untouched and the copy is dropped
     * by the next attempt; after it, the upgrade is done.
     */
    @Override
    public void upgradeVersionTable(Connection c, VersionTable versions) throws SQLException {
        List<Applied> rows = versions.readOldForm(c);
        String copy = "_em_new_" + VersionTable.NAME;
        String old = "_em_old_" + VersionTable.NAME;
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists " + versions.qualified(copy) + ", " + versions.qualified(old));
            s.execute(versions.createTable(copy, false));
        }
        versions.insertAll(c, copy, rows);
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("rename table " + versions.qualifiedName() + " to " + versions.qualified(old) + ", "
                    + versions.qualified(copy) + " to " + versions.qualifiedName());
            s.execute("drop table " + versions.qualified(old));
        }
    }

    /** The connection's current database, or {@code null} when it has none. */
    static String currentDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select database()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
