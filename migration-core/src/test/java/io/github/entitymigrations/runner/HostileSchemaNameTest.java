package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A configured PostgreSQL schema whose name holds quotes, capitals or SQL: upgrade, history and downgrade work
 * in exactly that schema (as PostgreSQL stores the name: unquoted names fold to lower case), including the
 * search path that unqualified names in sql steps use, and nothing else is touched.
 */
class HostileSchemaNameTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"o'hara\"x", "MySchema", "x\"; drop table victim; --", "a'; drop table victim; --"})
    void upgradeHistoryAndDowngradeWorkInExactlyThatSchema(String schema) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        db.execute("create table victim (id int)");
        List<String> schemasBefore = db.query("select nspname from pg_namespace order by 1");
        String stored = schema.toLowerCase(Locale.ROOT);
        MigrationChain chain = customerAndAlice(tmp.resolve("migrations"));
        Database database = new Database(PG.jdbcUrl(), null, null, schema);
        RecordingConsole console = new RecordingConsole();

        new Migrator(database, chain, console).upgrade("head");
        List<String> schemasAfter = new ArrayList<>(schemasBefore);
        schemasAfter.add(stored);
        schemasAfter.sort(null);
        assertEquals(schemasAfter, db.query("select nspname from pg_namespace order by 1"), "exactly that schema");
        assertEquals(List.of("customer", VersionTable.NAME), tables(stored), console.toString());
        assertEquals(List.of("1|Alice"), rows(stored), "the unqualified insert went to the configured schema");

        List<String> history = new Migrator(database, chain, console).history();
        assertEquals("current: 0002 (head)", history.get(history.size() - 1), String.join("\n", history));
        new Migrator(database, chain, console).upgrade("head");
        assertEquals(1, console.count("Nothing to do: the database is at 0002 (head)."), console.toString());

        new Migrator(database, chain, console).downgrade("base", true); // its row goes on purpose
        assertEquals(List.of(VersionTable.NAME), tables(stored));
        assertEquals("current: base", new Migrator(database, chain, console).history().get(2));
        assertEquals(List.of("0"), db.query("select count(*) from victim"), "victim is still there");
        assertEquals(List.of("victim"), tables("public"), "nothing else was touched");
    }

    /**
     * On MariaDB and MySQL a schema is a database: created when missing, with exactly that name (backticks,
     * quotes and case kept), everything of the run inside it, nothing outside touched.
     */
    @ParameterizedTest
    @ValueSource(strings = {"o'hara`x", "MySchema", "x`; drop table victim; --", "a'; drop table victim; --"})
    void onMariaDbAndMysqlTheSchemaIsExactlyThatDatabase(String schema) throws Exception {
        for (Kind kind : List.of(Kind.MARIADB, Kind.MYSQL)) {
            TestDatabase db = TestDatabase.open(kind, PG, tmp);
            db.execute("create table victim (id int)");
            String home = TestDatabase.mariaDb().databaseName();
            String databases = "select schema_name from information_schema.schemata where schema_name not like "
                    + "'em\\_%' order by 1";
            List<String> before = db.query(databases);
            MigrationChain chain = customerAndAlice(tmp.resolve("migrations-" + kind));
            Database database = new Database(db.database().url(), null, null, schema);
            RecordingConsole console = new RecordingConsole();
            try {
                new Migrator(database, chain, console).upgrade("head");
                List<String> after = new ArrayList<>(before);
                after.add(schema);
                assertEquals(after.stream().sorted().toList(), db.query(databases).stream().sorted().toList(),
                        kind + ": exactly that database");
                assertEquals(List.of("customer", VersionTable.NAME), db.query("select table_name from "
                        + "information_schema.tables where table_schema = '" + schema.replace("'", "''")
                        + "' order by 1"), kind + " " + console);
                assertEquals(List.of("1|Alice"), db.query("select concat(id, '|', name) from `"
                        + schema.replace("`", "``") + "`.customer"), "the unqualified insert went to that database");
                new Migrator(database, chain, console).upgrade("head");
                assertEquals(1, console.count("Nothing to do: the database is at 0002 (head)."), console.toString());
                new Migrator(database, chain, console).downgrade("base", true);
                assertEquals(List.of(VersionTable.NAME), db.query("select table_name from information_schema.tables "
                        + "where table_schema = '" + schema.replace("'", "''") + "'"));
                assertEquals(List.of("0"), db.query("select count(*) from victim"), "victim is still there");
                assertEquals(List.of("victim"), db.query("select table_name from information_schema.tables where "
                        + "table_schema = '" + home + "'"), "nothing else was touched");
            } finally {
                db.execute("drop database if exists `" + schema.replace("`", "``") + "`");
            }
        }
    }

    /** A customer table, then a sql step inserting Alice unqualified (so into the configured schema). */
    private static MigrationChain customerAndAlice(Path directory) {
        MigrationHistory h = new MigrationHistory(directory);
        h.add("customer", new CreateTable(table("customer", t -> {
            t.id();
            t.col("name", varchar(20));
        })));
        h.add("alice", MigrationHistory.sql(List.of("insert into customer (id, name) values (1, 'Alice')"),
                List.of("delete from customer where id = 1")));
        return h.chain();
    }

    private static List<String> tables(String schema) throws Exception {
        return select("select tablename from pg_tables where schemaname = ? order by 1", schema);
    }

    private static List<String> rows(String schema) throws Exception {
        return select("select id || '|' || name from " + quote(schema) + ".customer where ? is not null", schema);
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static List<String> select(String sql, String parameter) throws Exception {
        try (Connection c = PG.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }
}
