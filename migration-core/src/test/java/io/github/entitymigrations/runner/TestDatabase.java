package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.MariaDbDatabase;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One empty, real database for one test: PostgreSQL (the class's {@link PostgresDatabase}, its
 * {@code public} schema dropped and created again), a new SQLite file, or MariaDB (one database per JVM, see
 * {@link #mariaDb()}, dropped and created again) through either driver. Tests that must hold on several take a
 * {@link Kind} parameter and open one of these.
 */
final class TestDatabase {

    /**
     * The databases runner tests run on. {@code MYSQL} is the MySQL flavour ({@code jdbc:mysql:}, MySQL
     * Connector/J, the mysql dialect) against the MariaDB server, since no MySQL server is installable here.
     */
    enum Kind {
        POSTGRESQL, SQLITE, MARIADB, MYSQL;

        /** MariaDB or MySQL: the server is MariaDB's either way. */
        boolean isMariaDb() {
            return this == MARIADB || this == MYSQL;
        }
    }

    private static MariaDbDatabase mariaDb;

    private static final AtomicInteger FILES = new AtomicInteger();

    private final Kind kind;
    private final String url;
    private final String schema;

    private TestDatabase(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    /** An empty database of that kind; {@code dir} holds SQLite files. */
    static TestDatabase open(Kind kind, PostgresDatabase postgres, Path dir) throws SQLException {
        if (kind.isMariaDb()) {
            MariaDbDatabase server = mariaDb();
            String url = kind == Kind.MARIADB ? server.jdbcUrl() : server.mysqlUrl();
            TestDatabase db = new TestDatabase(kind, url, null);
            db.execute("drop database if exists " + server.databaseName(), "create database " + server.databaseName()
                    + " character set utf8mb4 collate utf8mb4_general_ci");
            return db;
        }
        if (kind == Kind.POSTGRESQL) {
            TestDatabase db = new TestDatabase(kind, postgres.jdbcUrl(), null);
            db.execute("drop schema if exists public cascade", "create schema public");
            return db;
        }
        return new TestDatabase(kind, "jdbc:sqlite:" + dir.resolve("test-" + FILES.incrementAndGet() + ".db"), null);
    }

    /**
     * The MariaDB database of this JVM's runner tests: opened on first use, dropped when the JVM exits (and by a
     * later run's clean-up of day-old test databases, should this JVM be killed).
     */
    static synchronized MariaDbDatabase mariaDb() {
        if (mariaDb == null) {
            MariaDbDatabase db = new MariaDbDatabase().open("runner");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.close();
                } catch (RuntimeException e) {
                    // A server the tests started stops at exit too, taking the database with it.
                }
            }, "mariadb-test-database-drop"));
            mariaDb = db;
        }
        return mariaDb;
    }

    /**
     * The same PostgreSQL database with {@code <schema>} configured (on MariaDB: another database of the server,
     * so give it a name of this run's, e.g. after {@code mariaDb().databaseName()}): the runner and the readers use
     * that schema.
     */
    TestDatabase inSchema(String name) throws SQLException {
        execute(kind.isMariaDb() ? "drop database if exists " + name : "drop schema if exists " + name + " cascade");
        return new TestDatabase(kind, url, name);
    }

    /** The same database with {@code <schema>} configured, as it is (nothing dropped): to read a fleet member. */
    TestDatabase at(String name) {
        return new TestDatabase(kind, url, name);
    }

    /** A PostgreSQL database as it is, by its URL (a server of the test's own, say). */
    static TestDatabase postgresAt(String url) {
        return new TestDatabase(Kind.POSTGRESQL, url, null);
    }

    /** An SQLite file as it is. */
    static TestDatabase sqliteFile(Path file) {
        return new TestDatabase(Kind.SQLITE, "jdbc:sqlite:" + file, null);
    }

    /** An SQLite database by its URL, which may set pragmas ({@code jdbc:sqlite:file.db?max_page_count=100}). */
    static TestDatabase sqliteUrl(String url) {
        return new TestDatabase(Kind.SQLITE, url, null);
    }

    String url() {
        return url;
    }

    Kind kind() {
        return kind;
    }

    boolean isSqlite() {
        return kind == Kind.SQLITE;
    }

    /** What the runner is given: the URL, no credentials (they are in the test URL), the default schema. */
    Database database() {
        return new Database(url, null, null, schema);
    }

    Migrator migrator(MigrationChain chain) {
        return new Migrator(database(), chain, Console.SILENT);
    }

    Migrator migrator(MigrationChain chain, Console console) {
        return new Migrator(database(), chain, console);
    }

    /** A plain connection, as an application has it: on SQLite with foreign keys enforced. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (isSqlite()) {
            try (Statement s = c.createStatement()) {
                s.execute("pragma foreign_keys = on");
                s.execute("pragma busy_timeout = 60000");
            }
        }
        return c;
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The rows of a query, columns joined with {@code |}, SQL NULL as {@code null}. */
    List<String> query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** The schema as JDBC metadata reports it, without the version table. */
    List<String> schema() throws SQLException {
        try (Connection c = connect()) {
            return DatabaseSchemaReader.read(c, kind, schema);
        }
    }

    /** The lines {@link #schema()} must equal for a database holding {@code model}. */
    List<String> expected(Schema model) {
        return ExpectedSchema.of(model, kind);
    }

    boolean hasVersionTable() throws SQLException {
        try (Connection c = connect();
             ResultSet rs = kind.isMariaDb()
                     ? c.getMetaData().getTables(schema != null ? schema : c.getCatalog(), null, VersionTable.NAME, null)
                     : c.getMetaData().getTables(null, schema != null ? schema : c.getSchema(), VersionTable.NAME,
                     null)) {
            return rs.next();
        }
    }

    /** Every version row, oldest first; none when there is no version table. */
    List<Applied> versionRows() throws SQLException {
        if (!hasVersionTable()) {
            return List.of();
        }
        try (Connection c = connect()) {
            return VersionTable.of(database()).read(c);
        }
    }

    /** The applied ids, oldest first. */
    List<String> appliedIds() throws SQLException {
        return versionRows().stream().map(Applied::id).toList();
    }

    /** PostgreSQL's tables named {@code t} and a number ({@code t1}, {@code t2}, ...), in their numbers' order. */
    List<String> numberedTables() throws SQLException {
        return query("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_name ~ '^t[0-9]+$' order by length(table_name), table_name");
    }

    /** Rows breaking a foreign key: {@code pragma foreign_key_check} on SQLite; PostgreSQL enforces them always. */
    List<String> foreignKeyProblems() throws SQLException {
        return isSqlite() ? query("pragma foreign_key_check") : List.of();
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
