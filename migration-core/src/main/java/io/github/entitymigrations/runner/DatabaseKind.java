package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What differs between the databases the runner supports, chosen once per run (from the JDBC URL): the
 * dialect, how a connection is opened and set up, the migration lock, the schema a run works in, and the
 * parts of the version table whose SQL differs. Everything else in the runner is the same for every kind,
 * so a new database is one more implementation here rather than tests spread over the runner.
 */
public sealed interface DatabaseKind permits PostgresKind, SqliteKind, MariaDbKind {

    /** The kind a JDBC URL names, or empty for a database Entity Migrations does not support. */
    static Optional<DatabaseKind> ofUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(PostgresKind.INSTANCE);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return Optional.of(SqliteKind.INSTANCE);
        }
        if (url.startsWith(MariaDbKind.MARIADB.scheme())) {
            return Optional.of(MariaDbKind.MARIADB);
        }
        if (url.startsWith(MariaDbKind.MYSQL.scheme())) {
            return Optional.of(MariaDbKind.MYSQL);
        }
        return Optional.empty();
    }

    /**
     * The kind a connection's {@code DatabaseMetaData.getDatabaseProductName()} names ({@code PostgreSQL},
     * {@code SQLite}, {@code MariaDB}, {@code MySQL}), or empty: for a database known only by its connection (a {@code DataSource}).
     */
    static Optional<DatabaseKind> ofProductName(String productName) {
        if ("PostgreSQL".equalsIgnoreCase(productName)) {
            return Optional.of(PostgresKind.INSTANCE);
        }
        if ("SQLite".equalsIgnoreCase(productName)) {
            return Optional.of(SqliteKind.INSTANCE);
        }
        if ("MariaDB".equalsIgnoreCase(productName)) {
            return Optional.of(MariaDbKind.MARIADB);
        }
        if ("MySQL".equalsIgnoreCase(productName)) {
            return Optional.of(MariaDbKind.MYSQL);
        }
        return Optional.empty();
    }

    /**
     * The class of the JDBC driver that serves this kind's URLs, tried before {@link java.sql.DriverManager} (see
     * {@link Drivers}).
     */
    String driverClass();

    /** The dialect's name, as migration files name it ({@code postgresql}, {@code sqlite}, {@code mariadb}, {@code mysql}). */
    String name();

    /** The dialect for {@code database} (its configured schema included); refuses what this kind cannot do. */
    Dialect dialect(Database database);

    /**
     * The dialect for {@code database} as the server {@code c} is connected to needs it (MariaDB before 10.7 has no
     * {@code uuid} type); without a connection (offline scripts) it is {@link #dialect(Database)}.
     */
    default Dialect dialect(Database database, Connection c) throws SQLException {
        return dialect(database);
    }

    /** Driver properties this kind needs, added before connecting. */
    void configure(Properties properties);

    /** Refuses a URL the driver would mishandle (e.g. log its password), before the driver sees it. */
    void checkUrl(Database database);

    /** The error for a failed connection attempt, with what to check. */
    MigrationException cannotConnect(Database database, String reason, Throwable cause);

    /** Sets up a runner's new connection (its name for other sessions, how long it waits for locks). */
    void prepare(Connection c, Duration lockTimeout) throws SQLException;

    /** Whether the database does not exist yet, so that reading its status must not create it. */
    boolean notCreatedYet(Database database);

    /** Whether a connection can be switched to read-only once open (for the {@code sql} goal's reading). */
    boolean readOnlyAfterOpen();

    /** Whether {@code e} says another connection held the database's write lock too long. */
    boolean isBusy(SQLException e);

    /** The migration lock of {@code database}, not yet taken; {@code null} when it needs none. */
    DatabaseLock lock(Connection c, Database database, VersionTable versions) throws SQLException;

    /**
     * Whether the run's lock keeps every other writer out, so a step need not check inside its transaction
     * that no other run did it meanwhile (a tool that ignores the SQLite lock file can still write there).
     */
    boolean lockKeepsOtherWritersOut();

    /**
     * What keeps the database's views and triggers through a step's table rebuilds (SQLite drops them with
     * the table), or {@code null} when the kind rebuilds no tables.
     */
    SqliteDependents dependents(Step step);

    /** Whether DDL takes part in transactions (a failed migration leaves no half-made schema). */
    boolean transactionalDdl();

    /** Makes the configured schema the connection's own for the run (created when missing). */
    void useSchema(Connection c, Database database, VersionTable versions) throws SQLException;

    /** What a script starts with so that unqualified names land in the configured schema. */
    List<String> scriptPreamble(Database database);

    /** The names of the tables of the version table's schema (only {@code only} when not {@code null}). */
    List<String> tables(Connection c, VersionTable versions, String only) throws SQLException;

    /** The version table's columns, in order, each with its declared type in lower case. */
    Map<String, String> columns(Connection c, VersionTable versions) throws SQLException;

    /** The {@code applied_at} column's definition (a real time, or what stands for one). */
    String appliedAtColumn();

    /** Whether a declared type is what {@link #appliedAtColumn()} creates. */
    boolean isAppliedAtType(String declaredType);

    /** The {@code stamped} column's definition, {@code false} by default. */
    String stampedColumn();

    /** The database's current time as {@code applied_at} stores it, evaluated when a script runs. */
    String nowExpression();

    /** Binds an {@code applied_at} value. */
    void setAppliedAt(PreparedStatement p, int index, Instant at) throws SQLException;

    /** Reads an {@code applied_at} value. */
    Instant appliedAt(ResultSet rs, int index) throws SQLException;

    /**
     * Turns a version table of the first form (text {@code applied_at}, stamps marked by a suffix of
     * {@code applied_by}) into the current one, inside the caller's transaction, keeping every row.
     */
    void upgradeVersionTable(Connection c, VersionTable versions) throws SQLException;
}
