package io.github.entitymigrations.spring;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A real, empty database of one kind for one test; {@link #close()} drops a PostgreSQL one. */
record TestDatabase(Kind kind, String url) implements AutoCloseable {

    enum Kind { SQLITE, POSTGRESQL }

    static TestDatabase create(Kind kind, Path directory, String name) {
        return kind == Kind.SQLITE
                ? new TestDatabase(kind, "jdbc:sqlite:" + directory.resolve(name + ".db").toAbsolutePath())
                : new TestDatabase(kind, TestPostgres.createDatabase());
    }

    /** The tables of the database's current schema, lower case, sorted. */
    List<String> tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.getMetaData().getTables(null, kind == Kind.SQLITE ? null : "public", "%",
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
             ResultSet rs = c.getMetaData().getColumns(null, kind == Kind.SQLITE ? null : "public", table, "%")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    @Override
    public void close() {
        if (kind == Kind.POSTGRESQL) {
            TestPostgres.dropDatabase(url);
        }
    }
}
