package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgCatalog.execute;
import static io.github.entitymigrations.dialect.PgCatalog.query;
import static io.github.entitymigrations.dialect.PgTables.CUSTOMER;
import static io.github.entitymigrations.dialect.PgTables.ORDER;
import static io.github.entitymigrations.dialect.PgTables.SETTING;
import static io.github.entitymigrations.dialect.PgTables.USER;
import static io.github.entitymigrations.dialect.PgTables.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every golden scenario on a real PostgreSQL ({@code MIGRATION_TEST_PG_URL}, else embedded): the
 * starting schema, the operation, its expected data effect, then the reversed operation, after which the
 * catalog must read exactly as before. Each scenario runs in its own transaction, rolled back afterwards
 * (PostgreSQL's DDL is transactional), so scenarios cannot disturb one another.
 */
class PostgresDialectExecutionTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static Connection connection;

    @BeforeAll
    static void connect() throws SQLException {
        connection = DB.connect();
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} in a transaction with the scenario schemas present, and rolls everything back. */
    private static void rolledBack(Body body) throws Exception {
        try {
            execute(connection, "create schema app", "create schema reporting");
            body.run();
        } finally {
            connection.rollback();
        }
    }

    /** Renders and runs {@code ops} in order, from the empty schema; returns the schema they leave. */
    private static SchemaState build(PostgresDialect dialect, List<? extends Operation> ops) {
        SchemaState state = SchemaState.empty();
        for (Operation op : ops) {
            execute(connection, dialect.render(op, state.toSchema()));
            state.apply(List.of(op));
        }
        return state;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioRunsAndItsReverseRestoresTheSchema() {
        return PgScenarios.all().stream().filter(PgScenario::runnable)
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> rolledBack(() -> run(s))));
    }

    private static void run(PgScenario s) throws SQLException {
        PostgresDialect dialect = s.dialect();
        SchemaState state = build(dialect, s.given());
        execute(connection, s.seed());
        List<String> before = PgCatalog.snapshot(connection);

        execute(connection, s.render());
        if (s.query() != null) {
            assertEquals(s.rows(), query(connection, s.query()), s.query());
        }
        state.apply(List.of(s.when()));
        execute(connection, dialect.render(s.when().reverse(), state.toSchema()));
        assertEquals(before, PgCatalog.snapshot(connection), "the schema after upgrade and downgrade");
    }

    @Test
    void everyTypeIsStoredAsHibernateDeclaresIt() throws Exception {
        rolledBack(() -> {
            PostgresDialect dialect = new PostgresDialect(null);
            List<Operation> ops = new ArrayList<>(List.of(create(PgTypeScenarios.TYPED)));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("id", "bigint");
            for (PgTypeScenarios.TypeCase c : PgTypeScenarios.CASES) {
                if (c.runnable()) {
                    ops.add(new AddColumn(null, "typed", PgModel.col(c.column(), c.type()).definition(c.definition()).build()));
                    expected.put(c.column(), c.reported());
                }
            }
            build(dialect, ops);
            Map<String, String> actual = new LinkedHashMap<>();
            for (String row : query(connection, "select attname, format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'typed'::regclass and attnum > 0 order by attnum")) {
                String[] parts = row.split("\\|", 2);
                actual.put(parts[0], parts[1]);
            }
            assertEquals(expected, actual);

            Map<String, String> jdbc = columns("public", "typed", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS");
            assertEquals("varchar|255|0", jdbc.get("c_varchar"));
            assertEquals("numeric|10|2", jdbc.get("c_numeric"));
            assertEquals("float4|8|8", jdbc.get("c_float24"));
            assertEquals("float8|17|17", jdbc.get("c_float53"));
            assertEquals("timestamptz|35|6", jdbc.get("c_timestamp_utc"));
            assertEquals("bpchar|1|0", jdbc.get("c_char"));
            assertEquals("oid|10|0", jdbc.get("c_clob"));
            assertEquals("jsonb|2147483647|0", jdbc.get("c_json"));
            assertEquals("uuid|2147483647|0", jdbc.get("c_uuid"));
        });
    }

    @Test
    void nullabilityAndIdentityAreAsDeclared() throws Exception {
        rolledBack(() -> {
            build(new PostgresDialect(null), List.of(create(CUSTOMER)));
            assertEquals(Map.of("id", "NO|YES", "email", "NO|NO", "name", "YES|NO"),
                    columns("public", "customer", "IS_NULLABLE", "IS_AUTOINCREMENT"));
            assertEquals(List.of("id|d"), query(connection, "select attname, attidentity from pg_attribute "
                    + "where attrelid = 'customer'::regclass and attidentity <> ''"));
            assertEquals(List.of("1", "2"), query(connection,
                    "insert into customer (email) values ('a'), ('b') returning id"));
        });
    }

    @Test
    void foreignKeysHaveTheirDeleteRules() throws Exception {
        rolledBack(() -> {
            PostgresDialect dialect = new PostgresDialect(null);
            SchemaState state = build(dialect, List.of(create(CUSTOMER), create(ORDER),
                    create(PgConstraintScenarios.PAYMENT)));
            assertEquals(Map.of("fk_order_customer", DatabaseMetaData.importedKeyCascade,
                    "fk_order_parent", DatabaseMetaData.importedKeySetNull), deleteRules("purchaseorder"));
            Map<String, Integer> rules = Map.of("NO_ACTION", DatabaseMetaData.importedKeyNoAction,
                    "CASCADE", DatabaseMetaData.importedKeyCascade, "SET_NULL", DatabaseMetaData.importedKeySetNull,
                    "SET_DEFAULT", DatabaseMetaData.importedKeySetDefault,
                    "RESTRICT", DatabaseMetaData.importedKeyRestrict);
            for (Map.Entry<String, Integer> rule : rules.entrySet()) {
                ForeignKey fk = new ForeignKey("fk_payment_customer", List.of("customer_id"), null, "customer",
                        List.of("id"), OnDelete.valueOf(rule.getKey()));
                AddForeignKey add = new AddForeignKey(null, "payment", fk);
                execute(connection, dialect.render(add, state.toSchema()));
                state.apply(List.of(add));
                assertEquals(Map.of("fk_payment_customer", rule.getValue()), deleteRules("payment"), rule.getKey());
                DropForeignKey drop = new DropForeignKey(null, "payment", fk);
                execute(connection, dialect.render(drop, state.toSchema()));
                state.apply(List.of(drop));
            }
        });
    }

    @Test
    void namesAreStoredFoldedOrWithTheirQuotedCase() throws Exception {
        rolledBack(() -> {
            build(new PostgresDialect(null), List.of(create(CUSTOMER), create(ORDER), create(USER), create(SETTING)));
            assertEquals(List.of("AppSetting", "customer", "purchaseorder", "user"), query(connection,
                    "select table_name from information_schema.tables where table_schema = 'public' order by 1"));
            assertEquals(List.of("2fa", "Select", "appname", "e-mail", "group", "has\"quote", "order", "value"),
                    query(connection, "select column_name from information_schema.columns where table_name = 'user' "
                            + "order by column_name collate \"C\""));
        });
    }

    @Test
    void theDefaultSchemaQualifiesTablesAndReferences() throws Exception {
        rolledBack(() -> {
            build(new PostgresDialect("app"), List.of(create(CUSTOMER), create(PgTables.REGION),
                    create(PgScenarios.invoice())));
            assertEquals(List.of("app.customer", "app.invoice", "reporting.region"), query(connection,
                    "select table_schema || '.' || table_name from information_schema.tables "
                            + "where table_schema in ('app', 'reporting') order by 1"));
            List<String> targets = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getImportedKeys(null, "app", "invoice")) {
                while (rs.next()) {
                    targets.add(rs.getString("FK_NAME") + " -> " + rs.getString("PKTABLE_SCHEM") + "."
                            + rs.getString("PKTABLE_NAME"));
                }
            }
            assertEquals(List.of("fk_invoice_customer -> app.customer", "fk_invoice_region -> reporting.region"),
                    targets.stream().sorted().toList());
        });
    }

    @Test
    void checksHoldWhatTheyList() throws Exception {
        rolledBack(() -> {
            build(new PostgresDialect(null), List.of(create(CUSTOMER), create(ORDER)));
            execute(connection, "insert into customer (id, email) values (1, 'a')",
                    "insert into purchaseorder (id, customer_id, status, state) values (1, 1, 3, 'O''Brien')");
            SQLException e = assertThrows(SQLException.class, () -> query(connection,
                    "insert into purchaseorder (id, customer_id, status) values (2, 1, 4) returning id"));
            assertEquals("23514", e.getSQLState(), e.getMessage()); // check_violation
        });
    }

    /** {@code column -> values of the given getColumns fields joined with |}. */
    private static Map<String, String> columns(String schema, String table, String... fields) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (String f : fields) {
                    values.add(rs.getString(f));
                }
                result.put(rs.getString("COLUMN_NAME"), String.join("|", values));
            }
        }
        return result;
    }

    private static Map<String, Integer> deleteRules(String table) throws SQLException {
        Map<String, Integer> result = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getImportedKeys(null, "public", table)) {
            while (rs.next()) {
                result.put(rs.getString("FK_NAME"), rs.getInt("DELETE_RULE"));
            }
        }
        return result;
    }
}
