package io.github.entitymigrations.spring;

import io.github.entitymigrations.testing.MariaDbDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real, empty database of one kind for one test; {@link #close()} drops a PostgreSQL or MariaDB one. MariaDB's
 * is made by {@link MariaDbDatabase}: on the server of {@code MIGRATION_TEST_MARIADB_URL}, else one of its own.
 */
record TestDatabase(Kind kind, String url, MariaDbDatabase mariadb) implements AutoCloseable {

    enum Kind { SQLITE, POSTGRESQL, MARIADB }

    TestDatabase(Kind kind, String url) {
        this(kind, url, null);
    }

    static TestDatabase create(Kind kind, Path directory, String name) {
        if (kind == Kind.MARIADB) {
            MariaDbDatabase db = new MariaDbDatabase().open("spring_" + name);
            return new TestDatabase(kind, db.jdbcUrl(), db);
        }
        return kind == Kind.SQLITE
                ? new TestDatabase(kind, "jdbc:sqlite:" + directory.resolve(name + ".db").toAbsolutePath())
                : new TestDatabase(kind, TestPostgres.createDatabase());
    }

    /** The tables of the database's current schema, lower case, sorted. */
    List<String> tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(catalog(c), schema(), "%",
                     new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
            return names.stream().sorted().toList();
        }
    }

    /** The columns of a table, lower case, in table order. */
    List<String> columns(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getColumns(catalog(c), schema(), table, "%")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    /** MariaDB's databases are JDBC catalogs: the connection's own. */
    private String catalog(Connection c) throws SQLException {
        return kind == Kind.MARIADB ? c.getCatalog() : null;
    }

    private String schema() {
        return kind == Kind.POSTGRESQL ? "public" : null;
    }

    @Override
    public void close() {
        if (kind == Kind.POSTGRESQL) {
            TestPostgres.dropDatabase(url);
        } else if (kind == Kind.MARIADB) {
            mariadb.close();
        }
    }
}
