package io.github.entitymigrations.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.github.entitymigrations.testing.MariaDbDatabase;
import java.sql.DriverManager;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every golden scenario on a real MariaDB, once through the MariaDB driver with the {@code mariadb} flavour and
 * once through MySQL Connector/J with the {@code mysql} flavour: the starting schema and its rows, the operation, its
 * data effect, then the reversed operation, after which every table ({@code show create table}) and sequence must
 * read exactly as before. DDL commits at once here, so each scenario starts from an emptied database.
 */
class MariaDbDialectExecutionTest {

    @RegisterExtension
    static final MariaDbDatabase DB = new MariaDbDatabase();

    @TestFactory
    Stream<DynamicTest> everyScenarioRunsAndItsReverseRestoresTheSchema() {
        return MdbScenarios.all().stream().flatMap(s -> Stream.of(false, true).map(mysql -> DynamicTest.dynamicTest(
                (mysql ? "mysql: " : "mariadb: ") + s.name(), () -> run(s, mysql))));
    }

    private static void run(MdbScenario s, boolean mysql) throws SQLException {
        MariaDbDialect dialect = MdbScenario.dialect(mysql);
        try (Connection c = DriverManager.getConnection(mysql ? DB.mysqlUrl() : DB.jdbcUrl());
             Statement st = c.createStatement()) {
            empty(st);
            io.github.entitymigrations.schema.Schema schema = io.github.entitymigrations.operations.SchemaState.empty()
                    .toSchema();
            io.github.entitymigrations.operations.SchemaState state = io.github.entitymigrations.operations.SchemaState
                    .empty();
            for (var op : s.given()) {
                for (String sql : dialect.render(op, schema)) {
                    st.execute(sql);
                }
                state.apply(List.of(op));
                schema = state.toSchema();
            }
            for (String sql : s.seed()) {
                st.execute(sql);
            }
            boolean withRows = !s.when().isDestructive(); // a dropped table's rows are gone for good
            String before = catalog(st, withRows);
            for (String sql : s.render(mysql)) {
                st.execute(sql);
            }
            if (s.query() != null) {
                assertEquals(s.rows(), rows(st, s.query()), s.name());
            }
            for (String sql : dialect.render(s.when().reverse(), s.after())) {
                st.execute(sql);
            }
            assertEquals(before, catalog(st, withRows), "the reverse of \"" + s.name() + "\" did not restore the schema");
        }
    }

    /** Drops every table and sequence of the test database, children first (no foreign-key checks). */
    private static void empty(Statement st) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select table_name, table_type from information_schema.tables "
                + "where table_schema = database()")) {
            while (rs.next()) {
                String kind = rs.getString(2).equals("SEQUENCE") ? "sequence" : "table";
                drops.add("drop " + kind + " `" + rs.getString(1).replace("`", "``") + "`");
            }
        }
        st.execute("set foreign_key_checks = 0");
        for (String d : drops) {
            st.execute(d);
        }
        st.execute("set foreign_key_checks = 1");
    }

    /**
     * Every table's {@code show create table} (and row count) and every sequence's definition, by name. The
     * {@code AUTO_INCREMENT=} counter is left out (a dropped and re-added identity restarts it), and so is the index
     * InnoDB creates for a foreign key and keeps when the key is dropped (MySQL's own behaviour; it is harmless).
     */
    static String catalog(Statement st, boolean withRows) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select table_name, table_type from information_schema.tables "
                + "where table_schema = database() order by table_name")) {
            while (rs.next()) {
                names.add(rs.getString(2) + "\t" + rs.getString(1));
            }
        }
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            String name = "`" + n.substring(n.indexOf('\t') + 1).replace("`", "``") + "`";
            String sql = n.startsWith("SEQUENCE") ? "show create sequence " + name : "show create table " + name;
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                out.append(rs.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", "")
                        .replaceAll("(?m)^\\s*KEY `fk_[^`]*` \\([^)]*\\),?\\n", "").replaceAll(",\\n\\)", "\n)"))
                        .append('\n');
            }
            if (!n.startsWith("SEQUENCE") && withRows) {
                try (ResultSet rs = st.executeQuery("select count(*) from " + name)) {
                    rs.next();
                    out.append("rows: ").append(rs.getLong(1)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static List<String> rows(Statement st, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", cols));
            }
        }
        assertTrue(rows.size() < 1000);
        return rows;
    }
}
