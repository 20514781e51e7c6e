package io.github.entitymigrations.introspect;

import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.MariaDbDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MariaDB/MySQL catalog read from tables made by hand on a real server, through both drivers (MariaDB
 * Connector/J and MySQL Connector/J): each object with its properties in the one spelling drift compares, whatever
 * the server writes ({@code int(11)}, {@code 'NEW'}, {@code NULL}, {@code json} as a checked {@code longtext}).
 */
class MariaDbCatalogTest {

    @RegisterExtension
    static final MariaDbDatabase DB = new MariaDbDatabase();

    private static final Schema NONE = schema();

    @BeforeAll
    static void handMadeTables() throws SQLException {
        execute(DB.jdbcUrl(),
                "create table customers (id bigint not null auto_increment, email varchar(255) not null, "
                        + "active bit not null default 1, vip boolean default false, rank_no tinyint, visits integer, "
                        + "balance decimal(10,2) default 0, status varchar(20) not null default 'NEW', "
                        + "note varchar(10) default 'it''s', created datetime(6) default current_timestamp(6), "
                        + "touched timestamp null default current_timestamp, doc json, kind enum('Retail','B2B'), "
                        + "ratio float, score double precision, ref uuid, primary key (id), "
                        + "constraint uk_customers_email unique (email), constraint ck_customers_visits "
                        + "check (visits >= 0)) engine=InnoDB",
                "create table orders (id bigint not null, customer_id bigint not null, parent_id bigint, "
                        + "total numeric(12,2) not null, code varchar(20), primary key (id), "
                        + "constraint fk_orders_customer foreign key (customer_id) references customers (id) "
                        + "on delete cascade, constraint fk_orders_parent foreign key (parent_id) references "
                        + "orders (id)) engine=InnoDB",
                "create index idx_orders_total on orders (total, code)",
                "create unique index ux_orders_code on orders (code)",
                "create sequence orders_seq start with 1 increment by 50",
                "create table hibernate_style_seq (next_val bigint)");
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Map<String, SchemaObject> read(String url, boolean mysqlSequences, Schema expected)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return MariaDbCatalog.read(c, null, "", mysqlSequences, expected).stream()
                    .collect(Collectors.toMap(SchemaObject::key, o -> o, (a, b) -> a, TreeMap::new));
        }
    }

    private static String url(String driver) {
        return driver.equals("mysql") ? DB.mysqlUrl() : DB.jdbcUrl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void columnsAreReadInTheOneSpellingWhateverTheServerWrites(String driver) throws SQLException {
        Map<String, SchemaObject> objects = read(url(driver), false, NONE);
        String[][] columns = {
            {"id", "bigint", "not null", "none", "auto_increment"},
            {"email", "varchar(255)", "not null", "none", "none"},
            {"active", "bit(1)", "not null", "1", "none"},
            {"vip", "tinyint(1)", "nullable", "0", "none"},
            {"rank_no", "tinyint", "nullable", "none", "none"},
            {"visits", "int", "nullable", "none", "none"},
            {"balance", "decimal(10,2)", "nullable", "0", "none"},
            {"status", "varchar(20)", "not null", "'NEW'", "none"},
            {"note", "varchar(10)", "nullable", "'it''s'", "none"},
            {"created", "datetime(6)", "nullable", "current_timestamp", "none"},
            {"touched", "timestamp", "nullable", "current_timestamp", "none"},
            {"doc", "json", "nullable", "none", "none"},
            {"kind", "enum('Retail','B2B')", "nullable", "none", "none"},
            {"ratio", "float", "nullable", "none", "none"},
            {"score", "double", "nullable", "none", "none"},
            {"ref", "uuid", "nullable", "none", "none"}};
        for (String[] c : columns) {
            SchemaObject column = objects.get("COLUMN customers " + c[0]);
            assertEquals(Map.of("type", c[1], "nullability", c[2], "default", c[3], "identity", c[4]),
                    column.properties(), c[0]);
        }
        assertNull(objects.get("CHECK customers doc"), "MariaDB's check of a json column is the json type");
        assertEquals(new SchemaObject(SchemaObject.Kind.CHECK, "customers", "ck_customers_visits", Map.of()),
                objects.get("CHECK customers ck_customers_visits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void keysIndexesAndSequencesAreReadWithoutTheIndexesBehindThem(String driver) throws SQLException {
        Map<String, SchemaObject> objects = read(url(driver), false, NONE);
        assertEquals(Map.of("columns", "id"), objects.get("PRIMARY_KEY orders").properties());
        assertEquals(Map.of("columns", "email"), objects.get("UNIQUE customers uk_customers_email").properties());
        assertEquals(Map.of("columns", "customer_id", "references", "customers (id)", "on delete", "cascade"),
                objects.get("FOREIGN_KEY orders fk_orders_customer").properties());
        assertEquals("no action", objects.get("FOREIGN_KEY orders fk_orders_parent").properties().get("on delete"),
                "InnoDB's RESTRICT, the default, is no action");
        assertEquals(Map.of("columns", "total, code", "uniqueness", "not unique"),
                objects.get("INDEX orders idx_orders_total").properties());
        assertEquals(Map.of("columns", "code"), objects.get("UNIQUE orders ux_orders_code").properties(),
                "a unique index the migrations do not know is a unique key");
        assertEquals(Map.of("start", "1", "increment", "50"), objects.get("SEQUENCE  orders_seq").properties());
        assertEquals(List.of("INDEX orders idx_orders_total"), objects.keySet().stream()
                .filter(k -> k.startsWith("INDEX")).toList(), "no PRIMARY, unique or foreign-key index");
        assertEquals("TABLE  hibernate_style_seq", objects.get("TABLE  hibernate_style_seq").key(),
                "with the MariaDB dialect a next_val table is a table");
    }

    @Test
    void aUniqueIndexOfTheMigrationsIsAnIndexAndHibernatesNextValTableASequenceForTheMysqlDialect()
            throws SQLException {
        Schema expected = schema(s -> s.table("orders", t -> {
            t.col("code", varchar(20));
            t.uniqueIndex("ux_orders_code", "code");
        }));
        Map<String, SchemaObject> objects = read(DB.mysqlUrl(), true, expected);
        assertEquals(Map.of("columns", "code", "uniqueness", "unique"),
                objects.get("INDEX orders ux_orders_code").properties());
        assertNull(objects.get("UNIQUE orders ux_orders_code"));
        assertEquals(Map.of(), objects.get("SEQUENCE  hibernate_style_seq").properties());
        assertNull(objects.get("TABLE  hibernate_style_seq"));
        assertNull(objects.get("COLUMN hibernate_style_seq next_val"));
    }

    @Test
    void mysqlWritesLiteralDefaultsBareAndMarksExpressions() {
        assertEquals("'NEW'", MariaDbCatalog.defaultSql("NEW", "", false));
        assertEquals("'it''s'", MariaDbCatalog.defaultSql("it's", "", false));
        assertEquals("0.00", MariaDbCatalog.defaultSql("0.00", "", false));
        assertEquals("b'1'", MariaDbCatalog.defaultSql("b'1'", "", false));
        assertEquals("CURRENT_TIMESTAMP(6)", MariaDbCatalog.defaultSql("CURRENT_TIMESTAMP(6)", "default_generated",
                false));
        assertEquals("uuid()", MariaDbCatalog.defaultSql("uuid()", "default_generated", false));
        assertEquals("'NEW'", MariaDbCatalog.defaultSql("'NEW'", "", true), "MariaDB writes SQL already");
        assertNull(MariaDbCatalog.defaultSql(null, "", false));
        assertEquals("'NEW'", SqlText.mysqlDefault("'NEW'"));
        assertNull(SqlText.mysqlDefault("NULL"), "MariaDB's NULL is no default");
        assertEquals("12.5", SqlText.mysqlDefault("12.50"));
        assertEquals("1.05", SqlText.mysqlDefault("1.05"));
        assertEquals("100", SqlText.mysqlDefault("100"));
        assertEquals("current_timestamp", SqlText.mysqlDefault("current_timestamp()"));
        assertEquals("current_timestamp", SqlText.mysqlDefault("CURRENT_TIMESTAMP(6)"));
        assertEquals("current_timestamp", SqlText.mysqlDefault("now(3)"));
        assertEquals("1", SqlText.mysqlDefault("true"));
        assertEquals("5", SqlText.mysqlDefault("b'101'"));
    }

    @Test
    void typesComeToMysql8sSpelling() {
        String[][] cases = {
            {"int(11)", "int"}, {"integer", "int"}, {"bigint(20)", "bigint"}, {"int(10) unsigned", "int unsigned"},
            {"tinyint(1)", "tinyint(1)"}, {"boolean", "tinyint(1)"}, {"tinyint(4)", "tinyint"}, {"bit", "bit(1)"},
            {"numeric(10, 2)", "decimal(10,2)"}, {"decimal(10)", "decimal(10,0)"}, {"numeric", "decimal(10,0)"},
            {"double precision", "double"}, {"real", "double"}, {"float(53)", "double"}, {"float(10)", "float"},
            {"VARCHAR (255)", "varchar(255)"}, {"char", "char(1)"}, {"enum ('Retail', 'B2B')", "enum('Retail','B2B')"},
            {"datetime(6)", "datetime(6)"}, {"datetime(0)", "datetime"}, {"time(0)", "time"}, {"time(3)", "time(3)"},
            {"timestamp(0)", "timestamp"}, {"longtext", "longtext"}, {"binary(16)", "binary(16)"},
            {"char(2) character set utf8", "char(2)"}, {"varchar(9) collate utf8mb4_bin", "varchar(9)"}};
        for (String[] c : cases) {
            assertEquals(c[1], SqlText.mysqlType(c[0]), c[0]);
        }
    }

    @Test
    void aConfiguredDatabaseIsReadWhateverTheCurrentOneIs() throws SQLException {
        String database = DB.databaseName();
        String other = database + "_other";
        execute(DB.jdbcUrl(), "drop database if exists " + other, "create database " + other,
                "create table " + other + ".items (id int primary key, customer_id bigint, constraint fk_items_customer "
                        + "foreign key (customer_id) references " + database + ".customers (id))");
        try (Connection c = DriverManager.getConnection(DB.jdbcUrl())) {
            Map<String, SchemaObject> objects = MariaDbCatalog.read(c, other, "inventory.", false, NONE).stream()
                    .collect(Collectors.toMap(SchemaObject::key, o -> o));
            assertEquals(List.of("COLUMN inventory.items customer_id", "COLUMN inventory.items id",
                    "FOREIGN_KEY inventory.items fk_items_customer", "PRIMARY_KEY inventory.items",
                    "TABLE  inventory.items"), objects.keySet().stream().sorted().toList());
            assertEquals(database + ".customers (id)", objects.get(
                    "FOREIGN_KEY inventory.items fk_items_customer").properties().get("references"),
                    "a table of another database is named with it");
        } finally {
            execute(DB.jdbcUrl(), "drop database " + other);
        }
    }
}
