package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.table;
import static io.github.entitymigrations.dialect.PgModel.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact SQL of every operation, type and quoting rule on MariaDB and MySQL. */
class MariaDbDialectGoldenTest {

    private static final MariaDbDialect MARIADB = MariaDbDialect.mariadb(null);
    private static final MariaDbDialect MYSQL = MariaDbDialect.mysql(null);
    private static final Schema EMPTY = SchemaState.empty().toSchema();

    @TestFactory
    Stream<DynamicTest> everyScenarioRendersItsGoldenSqlOnBothFlavours() {
        return MdbScenarios.all().stream().flatMap(s -> Stream.of(
                DynamicTest.dynamicTest("mariadb: " + s.name(), () -> assertEquals(s.expected(false), s.render(false))),
                DynamicTest.dynamicTest("mysql: " + s.name(), () -> assertEquals(s.expected(true), s.render(true)))));
    }

    @Test
    void everyOperationTypeHasAScenario() {
        Set<String> covered = MdbScenarios.all().stream().map(s -> s.when().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, covered);
    }

    @Test
    void namesAndFlavours() {
        assertEquals("mariadb", MARIADB.name());
        assertEquals("mysql", MYSQL.name());
        assertFalse(MARIADB.isMysql());
        assertTrue(MYSQL.isMysql());
    }

    @ParameterizedTest(name = "{0} (quoted: {1}) -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "customer      | false | customer",
        "AppSetting    | false | AppSetting",
        "price$        | false | price$",
        "_private      | false | _private",
        "order         | false | `order`",
        "Order         | false | `Order`",
        "GROUP         | false | `GROUP`",
        "key           | false | `key`",
        "value         | false | value",
        "json          | false | json",
        "2fa           | false | `2fa`",
        "e-mail        | false | `e-mail`",
        "first name    | false | `first name`",
        "Ärger         | false | `Ärger`",
        "we`ird        | false | `we``ird`",
        "customer      | true  | `customer`",
        "Mixed         | true  | `Mixed`",
    })
    void identifiersAreBacktickedOnlyWhenNeededAndKeepTheirCase(String name, boolean quoted, String expected) {
        assertEquals(expected, MARIADB.identifier(name, quoted));
        assertEquals(expected, MYSQL.identifier(name, quoted));
    }

    @Test
    void aNameLongerThan64CharactersIsRefusedNamingItAndTheLimit() {
        String name = "a".repeat(65);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MARIADB.render(new CreateTable(table(name).col(col("id", type("BIGINT"))).build()),
                        EMPTY));
        assertTrue(e.getMessage().contains(name + " is 65 characters long"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 64"), e.getMessage());
        assertEquals("`" + "b".repeat(64) + "`", MARIADB.identifier("b".repeat(64), true));
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "BOOLEAN                    | bit                 | bit",
        "BIT                        | bit                 | bit",
        "TINYINT                    | tinyint             | tinyint",
        "SMALLINT                   | smallint            | smallint",
        "INTEGER                    | integer             | integer",
        "BIGINT                     | bigint              | bigint",
        "FLOAT(24)                  | float(24)           | float(24)",
        "FLOAT                      | float               | float",
        "REAL                       | real                | real",
        "DOUBLE                     | double precision    | double precision",
        "NUMERIC(10,2)              | decimal(10,2)       | decimal(10,2)",
        "DECIMAL(38,0)              | decimal(38,0)       | decimal(38,0)",
        "NUMERIC                    | decimal             | decimal",
        "CHAR(3)                    | char(3)             | char(3)",
        "NCHAR(2)                   | char(2)             | char(2) character set utf8mb4",
        "VARCHAR(255)               | varchar(255)        | varchar(255)",
        "VARCHAR(16383)             | varchar(16383)      | varchar(16383)",
        "VARCHAR(16384)             | text                | text",
        "VARCHAR(65535)             | text                | text",
        "VARCHAR(65536)             | mediumtext          | mediumtext",
        "VARCHAR(16777216)          | longtext            | longtext",
        "NVARCHAR(100)              | varchar(100)        | varchar(100) character set utf8mb4",
        "LONGVARCHAR(1000)          | varchar(1000)       | varchar(1000)",
        "LONG32VARCHAR              | longtext            | longtext",
        "CLOB                       | longtext            | longtext",
        "CLOB(255)                  | tinytext            | tinytext",
        "CLOB(1000)                 | text                | text",
        "NCLOB                      | longtext            | longtext character set utf8mb4",
        "BLOB                       | longblob            | longblob",
        "BLOB(255)                  | tinyblob            | tinyblob",
        "BLOB(65535)                | blob                | blob",
        "BLOB(100000)               | mediumblob          | mediumblob",
        "BINARY(16)                 | binary(16)          | binary(16)",
        "VARBINARY(255)             | varbinary(255)      | varbinary(255)",
        "VARBINARY(65536)           | mediumblob          | mediumblob",
        "LONG32VARBINARY            | longblob            | longblob",
        "DATE                       | date                | date",
        "TIME                       | time(6)             | time(6)",
        "TIME_UTC                   | time(6)             | time(6)",
        "TIMESTAMP                  | datetime(6)         | datetime(6)",
        "TIMESTAMP(3)               | datetime(3)         | datetime(3)",
        "TIMESTAMP_UTC              | datetime(6)         | datetime(6)",
        "TIMESTAMP_WITH_TIMEZONE    | timestamp(6)        | timestamp(6)",
        "UUID                       | uuid                | binary(16)",
        "JSON                       | json                | json",
        "GEOMETRY                   | geometry            | geometry",
    })
    void typesAreHibernates(String logical, String mariadb, String mysql) {
        ColumnType t = ColumnType.parse(logical);
        assertEquals(mariadb, MARIADB.columnType(col("c", t).build()));
        assertEquals(mysql, MYSQL.columnType(col("c", t).build()));
    }

    @Test
    void uuidIsBinaryOnMariaDbBefore10Point7AsHibernateHasIt() {
        assertEquals("binary(16)", MARIADB.forServerVersion(10, 6).columnType(col("c", type("UUID")).build()));
        assertEquals("uuid", MARIADB.forServerVersion(10, 7).columnType(col("c", type("UUID")).build()));
        assertEquals("uuid", MARIADB.forServerVersion(11, 4).columnType(col("c", type("UUID")).build()));
        assertEquals("binary(16)", MYSQL.forServerVersion(8, 4).columnType(col("c", type("UUID")).build()));
    }

    @Test
    void aTypeWithoutAMariaDbFormNamesTheColumnAndTheWayOut() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> MARIADB.columnType(col("addr", type("INET")).build()));
        assertTrue(e.getMessage().contains("column addr has type INET"), e.getMessage());
        assertTrue(e.getMessage().contains("columnDefinition"), e.getMessage());
        assertEquals("varchar(45)", MARIADB.columnType(col("addr", type("INET")).definition("varchar(45)").build()));
    }

    @Test
    void aMappingSchemaIsDroppedAsHibernateDropsItAndTheConfiguredDatabaseQualifies() {
        CreateTable inSchema = new CreateTable(table("region").schema("reporting").col(col("id", type("BIGINT"))
                .notNull()).pk("pk_region", "id").build());
        assertEquals(List.of("create table region (id bigint not null, primary key (id)) engine=InnoDB"),
                MARIADB.render(inSchema, EMPTY));
        assertEquals(List.of("create table app.region (id bigint not null, primary key (id)) engine=InnoDB"),
                MariaDbDialect.mariadb("app").render(inSchema, EMPTY));
        assertEquals(List.of("create table `my-app`.region (id bigint not null, primary key (id)) engine=InnoDB"),
                MariaDbDialect.mysql("my-app").render(inSchema, EMPTY));
    }

    @Test
    void aStepWithoutItsFlavoursStatementsIsRefusedNamingTheMissingKey() {
        Sql pgOnly = new Sql(Map.of("postgresql", List.of("select 1")), Map.of("*", List.of()), false, List.of());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> MARIADB.render(pgOnly, EMPTY));
        assertTrue(e.getMessage().contains("no statements for mariadb"), e.getMessage());
        assertTrue(e.getMessage().contains("\"mariadb\": []"), e.getMessage());
        Sql mariadbOnly = new Sql(Map.of("mariadb", List.of("select 1")), Map.of("*", List.of()), false, List.of());
        assertEquals(List.of("select 1"), MARIADB.render(mariadbOnly, EMPTY));
        e = assertThrows(UnsupportedOperationException.class, () -> MYSQL.render(mariadbOnly, EMPTY));
        assertTrue(e.getMessage().contains("no statements for mysql"), e.getMessage());
    }

    @Test
    void anIdentityWithADefaultIsRefused() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> MARIADB.render(
                new AddColumn(null, "t", col("id", type("BIGINT")).identity().defaultValue("1").build()),
                EMPTY));
        assertTrue(e.getMessage().contains("both a default (1) and identity"), e.getMessage());
    }

    @Test
    void enumValuesAreSortedAndEscapedAsMySqlReadsStrings() {
        assertEquals("enum ('A','B\\\\C','it''s')", MariaDbTypes.enumType(List.of("it's", "B\\C", "A")));
    }
}
