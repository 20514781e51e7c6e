package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * PostgreSQL: an advisory lock per version table, transactional DDL, a configured schema that is also the
 * search path, and {@code applied_at} as {@code timestamp with time zone}.
 */
public final class PostgresKind implements DatabaseKind {

    static final PostgresKind INSTANCE = new PostgresKind();

    /** What pgjdbc reports when the URL sets no ApplicationName. */
    private static final String PGJDBC_DEFAULT_NAME = "PostgreSQL JDBC Driver";

    /**
     * The version table's schema is the one the SQL names (quoted or folded as written), read by the server
     * with {@code to_regnamespace}; JDBC metadata would take the configured text as a LIKE pattern.
     */
    private static final String SCHEMA = "to_regnamespace(coalesce(?, quote_ident(current_schema())))";

    private PostgresKind() {
    }

    @Override
    public String name() {
        return PostgresDialect.NAME;
    }

    @Override
    public String driverClass() {
        return "org.postgresql.Driver";
    }

    @Override
    public Dialect dialect(Database database) {
        return new PostgresDialect(database.schema());
    }

    @Override
    public void configure(Properties properties) {
        // pgjdbc's defaults are right; the application name is set once connected (the URL may give its own).
    }

    @Override
    public void checkUrl(Database database) {
        if (Secrets.hasUserInfo(database.url())) {
            // The driver cannot parse it, and would log the password in its warning ("invalid port number").
            throw new MigrationException("The URL " + database.describe() + " has credentials before the host, which "
                    + "the PostgreSQL driver does not accept: " + Advice.current().phrase(Advice.Phrase.CREDENTIALS_OUT_OF_URL));
        }
    }

    @Override
    public MigrationException cannotConnect(Database database, String reason, Throwable cause) {
        return new MigrationException("Cannot connect to " + database.describe() + ": " + reason
                + ". Check " + Advice.current().phrase(Advice.Phrase.URL_AND_CREDENTIALS), cause);
    }

    @Override
    public void prepare(Connection c, Duration lockTimeout) throws SQLException {
        String name = c.getClientInfo("ApplicationName");
        if (name == null || name.isBlank() || name.equals(PGJDBC_DEFAULT_NAME)) {
            c.setClientInfo("ApplicationName", Sessions.APPLICATION_NAME);
        }
    }

    @Override
    public boolean notCreatedYet(Database database) {
        return false; // connecting never creates a server's database
    }

    @Override
    public boolean readOnlyAfterOpen() {
        return true;
    }

    @Override
    public boolean isBusy(SQLException e) {
        return false; // a PostgreSQL statement waits for row and table locks without a busy timeout
    }

    @Override
    public DatabaseLock lock(Connection c, Database database, VersionTable versions) throws SQLException {
        return PostgresLock.of(c, database, versions);
    }

    @Override
    public boolean lockKeepsOtherWritersOut() {
        return true;
    }

    @Override
    public SqliteDependents dependents(Step step) {
        return null; // PostgreSQL alters tables in place: views and triggers stay
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * With a configured schema, it is also the connection's current schema while migrating (as Flyway's
     * defaultSchema), so unqualified names in hand-written sql steps land there too.
     */
    @Override
    public void useSchema(Connection c, Database database, VersionTable versions) throws SQLException {
        if (database.schema() == null) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + versions.schemaIdentifier());
        }
        // The search path takes the identifier as SQL would write it, quotes and all: bound, never pasted.
        try (PreparedStatement p = c.prepareStatement("select set_config('search_path', ?, false)")) {
            p.setString(1, versions.schemaIdentifier());
            p.execute();
        }
    }

    @Override
    public List<String> scriptPreamble(Database database) {
        return database.schema() == null ? List.of()
                : List.of("set search_path to " + dialect(database).identifier(database.schema(), false));
    }

    @Override
    public List<String> tables(Connection c, VersionTable versions, String only) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select relname from pg_catalog.pg_class where relnamespace = "
                + SCHEMA + " and relkind in ('r', 'p') and (cast(? as text) is null or relname = ?) "
                + "order by relname")) {
            p.setString(1, versions.schemaIdentifier());
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

    @Override
    public Map<String, String> columns(Connection c, VersionTable versions) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("select a.attname, format_type(a.atttypid, a.atttypmod) "
                + "from pg_catalog.pg_attribute a join pg_catalog.pg_class r on r.oid = a.attrelid "
                + "where r.relnamespace = " + SCHEMA + " and r.relname = ? and a.attnum > 0 and not a.attisdropped "
                + "order by a.attnum")) {
            p.setString(1, versions.schemaIdentifier());
            p.setString(2, VersionTable.NAME);
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
        return "applied_at timestamp with time zone not null";
    }

    @Override
    public boolean isAppliedAtType(String declaredType) {
        return declaredType.equals("timestamp with time zone");
    }

    @Override
    public String stampedColumn() {
        return "stamped boolean not null default false";
    }

    @Override
    public String nowExpression() {
        return "now()";
    }

    @Override
    public void setAppliedAt(PreparedStatement p, int index, Instant at) throws SQLException {
        p.setObject(index, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    @Override
    public Instant appliedAt(ResultSet rs, int index) throws SQLException {
        OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /**
     * Transactional DDL does it in place: the stamp flag taken from the old suffix (which is then removed),
     * and the ISO-8601 text (always UTC, with its {@code Z}) cast to the real type.
     */
    @Override
    public void upgradeVersionTable(Connection c, VersionTable versions) throws SQLException {
        String table = versions.qualifiedName();
        try (Statement s = c.createStatement()) {
            s.execute("alter table " + table + " add column " + stampedColumn());
            s.execute("update " + table + " set stamped = true, applied_by = left(applied_by, length(applied_by) - "
                    + VersionTable.OLD_STAMP_SUFFIX.length() + ") where applied_by like '%"
                    + VersionTable.OLD_STAMP_SUFFIX + "'");
            s.execute("alter table " + table + " alter column applied_at type timestamp with time zone using "
                    + "cast(applied_at as timestamp with time zone)");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
