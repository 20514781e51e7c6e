package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Types, names, defaults and refusals of the SQLite dialect. */
class SqliteDialectRulesTest {

    private static final SqliteDialect SQLITE = new SqliteDialect();

    /** Each logical type as Hibernate 6.6's SQLiteDialect writes it in its DDL. */
    @ParameterizedTest(name = "{0}({1},{2},{3}) -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            BOOLEAN                 | -    | -  | - | boolean
            BIT                     | -    | -  | - | boolean
            TINYINT                 | -    | -  | - | tinyint
            SMALLINT                | -    | -  | - | smallint
            INTEGER                 | -    | -  | - | integer
            BIGINT                  | -    | -  | - | bigint
            FLOAT                   | -    | 24 | - | float
            FLOAT                   | -    | 53 | - | float
            REAL                    | -    | -  | - | real
            DOUBLE                  | -    | -  | - | double precision
            NUMERIC                 | -    | 38 | 2 | numeric(38,2)
            NUMERIC                 | -    | 21 | 0 | numeric(21,0)
            DECIMAL                 | -    | 12 | 4 | decimal(12,4)
            CHAR                    | 1    | -  | - | char(1)
            NCHAR                   | 5    | -  | - | char(5)
            VARCHAR                 | 255  | -  | - | varchar(255)
            NVARCHAR                | 40   | -  | - | varchar(40)
            LONGVARCHAR             | 4000 | -  | - | varchar(4000)
            LONG32VARCHAR           | -    | -  | - | clob
            LONG32NVARCHAR          | -    | -  | - | clob
            CLOB                    | -    | -  | - | clob
            NCLOB                   | -    | -  | - | clob
            JSON                    | -    | -  | - | clob
            SQLXML                  | -    | -  | - | clob
            DATE                    | -    | -  | - | date
            TIME                    | -    | -  | - | time(6)
            TIME                    | -    | 3  | - | time(3)
            TIME_UTC                | -    | -  | - | time(6)
            TIME_WITH_TIMEZONE      | -    | -  | - | time
            TIMESTAMP               | -    | -  | - | timestamp
            TIMESTAMP_UTC           | -    | -  | - | timestamp
            TIMESTAMP_WITH_TIMEZONE | -    | -  | - | timestamp
            BINARY                  | 16   | -  | - | blob
            VARBINARY               | 255  | -  | - | blob
            LONGVARBINARY           | -    | -  | - | blob
            LONG32VARBINARY         | -    | -  | - | blob
            BLOB                    | -    | -  | - | blob
            UUID                    | -    | -  | - | blob
            INET                    | -    | -  | - | blob
            """)
    void typesAreWrittenAsHibernatesSqliteDialectWritesThem(String name, Integer length, Integer precision,
                                                             Integer scale, String expected) {
        assertEquals(expected, SqliteTypes.of(new ColumnType(name, length, precision, scale), "c"));
    }

    @Test
    void aTypeHibernateCannotMapOnSqliteIsRefusedWithTheWayOut() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> SqliteTypes.of(ColumnType.of("INTERVAL_SECOND"), "waited"));
        assertEquals("SQLite has no type for INTERVAL_SECOND (column waited), and Hibernate's SQLite dialect maps "
                + "none; give the column a columnDefinition, or map it to another type", e.getMessage());
    }

    @Test
    void identityIsAnIntegerRowidAliasWhateverItsType() {
        assertEquals("integer", SqliteTypes.declared(col("id", BIGINT).identity().build()));
        assertEquals("integer", SqliteTypes.declared(col("id", BIGINT).identity().definition("bigint").build()));
        assertEquals("text collate nocase", SqliteTypes.declared(col("c", BIGINT).definition("text collate nocase")
                .build()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(255)     | TEXT
            char(1)          | TEXT
            clob             | TEXT
            integer          | INTEGER
            bigint           | INTEGER
            tinyint          | INTEGER
            blob             | BLOB
            float            | REAL
            real             | REAL
            double precision | REAL
            numeric(38,2)    | NUMERIC
            boolean          | NUMERIC
            timestamp        | NUMERIC
            date             | NUMERIC
            """)
    void affinityFollowsSqlitesRules(String declared, SqliteTypes.Affinity expected) {
        assertEquals(expected, SqliteTypes.affinity(declared));
    }

    @Test
    void identifiersAreQuotedWhenKeywordsMixedCaseUnusualOrQuoted() {
        assertEquals("users", SQLITE.identifier("users", false));
        assertEquals("USERS", SQLITE.identifier("USERS", false));
        assertEquals("_em_new_users", SQLITE.identifier("_em_new_users", false));
        assertEquals("\"order\"", SQLITE.identifier("order", false));
        assertEquals("\"Key\"", SQLITE.identifier("Key", false));
        assertEquals("\"within\"", SQLITE.identifier("within", false));
        assertEquals("\"PurchaseOrder\"", SQLITE.identifier("PurchaseOrder", false));
        assertEquals("\"line item\"", SQLITE.identifier("line item", false));
        assertEquals("\"1st\"", SQLITE.identifier("1st", false));
        assertEquals("\"a\"\"b\"", SQLITE.identifier("a\"b", false));
        assertEquals("\"users\"", SQLITE.identifier("users", true));
        assertThrows(IllegalArgumentException.class, () -> SQLITE.identifier("", false));
    }

    @Test
    void createTableQuotesWhatNeedsItAndParenthesizesExpressionDefaults() {
        Table order = new Table(null, "order", false, null, List.of(), List.of(
                col("id", BIGINT).notNull().build(),
                col("Group", varchar(10)).quoted().build(),
                col("createdAt", ColumnType.of("TIMESTAMP")).notNull().defaultValue("CURRENT_TIMESTAMP").build(),
                col("day", ColumnType.of("DATE")).defaultValue("date('now')").build(),
                col("key", varchar(10)).defaultValue("'it''s'").build(),
                col("rate", ColumnType.of("REAL")).defaultValue("-1.5e3").build(),
                col("flag", ColumnType.of("BOOLEAN")).notNull().defaultValue("true").build(),
                col("user id", BIGINT).build()),
                new PrimaryKey("pk_order", List.of("id")), List.of(new UniqueConstraint("uk_order_key", List.of("key"))),
                List.of(new Index("ix_order_Group", List.of("Group"), false)),
                List.of(CheckConstraint.in("ck_order_key", "key", List.of("a'b", "c"))),
                List.of(new ForeignKey("fk_order_user", List.of("user id"), null, "users", List.of("id"), OnDelete.RESTRICT)));
        assertEquals(List.of("create table \"order\" (id bigint not null, \"Group\" varchar(10), "
                        + "\"createdAt\" timestamp default CURRENT_TIMESTAMP not null, day date default (date('now')), "
                        + "flag boolean default true not null, \"key\" varchar(10) default 'it''s', "
                        + "rate real default -1.5e3, \"user id\" bigint, constraint pk_order primary key (id), "
                        + "constraint uk_order_key unique (\"key\"), constraint ck_order_key check (\"key\" in ('a''b', "
                        + "'c')), constraint fk_order_user foreign key (\"user id\") references users (id) "
                        + "on delete restrict)",
                "create index \"ix_order_Group\" on \"order\" (\"Group\")"),
                SQLITE.render(new CreateTable(order), SCHEMA));
    }

    @Test
    void aQuotedTableIsQuotedEverywhereItsRebuildNamesIt() {
        Table quoted = new Table(null, "log", true, null, List.of(), List.of(col("line", varchar(10)).build()),
                null, List.of(), List.of(), List.of(), List.of());
        Schema before = new Schema(null, List.of(quoted), List.of());
        assertEquals(List.of("create table \"_em_new_log\" (line varchar(10), constraint uk_log_line unique (line))",
                "insert into \"_em_new_log\" (line) select line from \"log\"", "drop table \"log\"",
                "alter table \"_em_new_log\" rename to \"log\""),
                SQLITE.render(new AddUnique(null, "log", new UniqueConstraint("uk_log_line", List.of("line"))), before));
    }

    @Test
    void identityOutsideASingleColumnPrimaryKeyIsRefused() {
        Operation add = new AddColumn(null, "log", col("seq", BIGINT).notNull().identity().build());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> SQLITE.render(add, SCHEMA));
        assertEquals("SQLite generates values only for a table's single-column integer primary key, but identity "
                + "column log.seq is not in a primary key; make it the only primary-key column, or use a sequence "
                + "(GenerationType.SEQUENCE) instead of IDENTITY", e.getMessage());
        Schema composite = schema(s -> s.table("pair", t -> {
            t.col("a", BIGINT).notNull().identity();
            t.col("b", BIGINT).notNull();
            t.pk("pk_pair", "a", "b");
        }));
        assertEquals("SQLite generates values only for a table's single-column integer primary key, but identity "
                        + "column pair.a is not the whole primary key pk_pair; make it the only primary-key column, "
                        + "or use a sequence (GenerationType.SEQUENCE) instead of IDENTITY",
                assertThrows(UnsupportedOperationException.class,
                        () -> SQLITE.render(new CreateTable(table(composite, "pair")), schema())).getMessage());
    }

    @Test
    void schemaQualifiedNamesAreRefusedNamingTheOperation() {
        Schema sales = schema(s -> s.table("sales", "orders", t -> t.id()));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> SQLITE.render(new CreateTable(table(sales, "orders")), schema()));
        assertEquals("SQLite has no schemas, so it cannot create table sales.orders (1 columns) (schema sales); "
                + "remove the schema from the mapping (@Table(schema), @SequenceGenerator(schema)) for SQLite, "
                + "or use PostgreSQL", e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> SQLITE.render(new DropIndex("sales", "orders",
                new Index("ix", List.of("id"), false)), sales));
        assertThrows(UnsupportedOperationException.class, () -> SQLITE.render(new CreateSequence(
                new Sequence("sales", "seq", 1, 1)), SCHEMA));
        assertThrows(UnsupportedOperationException.class, () -> SQLITE.render(new AddForeignKey(null, "log",
                new ForeignKey("fk", List.of("level"), "sales", "orders", List.of("id"), null)), SCHEMA));
    }

    @Test
    void theMainSchemaIsTheDatabaseItself() {
        Schema main = schema(s -> s.table("main", "orders", t -> t.id()));
        assertEquals(List.of("create table orders (id bigint not null, constraint pk_orders primary key (id))"),
                SQLITE.render(new CreateTable(table(main, "orders")), schema()));
    }

    @Test
    void aRebuildRefusesWhenItsCopyNameIsTaken() {
        Schema taken = schema(s -> s.table("log", t -> t.col("line", varchar(10))),
                s -> s.table("_em_new_log", t -> t.col("x", varchar(10))));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> SQLITE.render(
                new AddUnique(null, "log", new UniqueConstraint("uk", List.of("line"))), taken));
        assertEquals("cannot rebuild table log on SQLite: the name it copies through, _em_new_log, is taken by "
                + "another table; rename that table", e.getMessage());
    }

    @Test
    void addColumnRulesFollowSqlitesAlterTable() {
        assertEquals(true, SqliteAlterRules.canAddColumn(col("a", BIGINT).build()));
        assertEquals(true, SqliteAlterRules.canAddColumn(col("a", BIGINT).notNull().defaultValue("0").build()));
        assertEquals(false, SqliteAlterRules.canAddColumn(col("a", BIGINT).notNull().build()));
        assertEquals(false, SqliteAlterRules.canAddColumn(col("a", BIGINT).notNull().defaultValue("NULL").build()));
        assertEquals(false, SqliteAlterRules.canAddColumn(col("a", BIGINT).defaultValue("current_date").build()));
        assertEquals(false, SqliteAlterRules.canAddColumn(col("a", BIGINT).defaultValue("abs(-1)").build()));
        assertEquals(false, SqliteAlterRules.canAddColumn(col("a", BIGINT).identity().build()));
    }

    @Test
    void dropColumnRulesFollowSqlitesAlterTable() {
        Table users = table(SCHEMA, "users");
        assertEquals(true, SqliteAlterRules.canDropColumn(users, "birth_year"));
        for (String used : List.of("id", "code", "name", "status", "manager_id")) {
            assertEquals(false, SqliteAlterRules.canDropColumn(users, used), used);
        }
    }

    @Test
    void tableOperationsNeedTheSchemaBefore() {
        Column c = col("a", BIGINT).build();
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> SQLITE.render(new AddColumn(null, "log", c), null));
        assertEquals("the SQLite dialect needs the schema before add column log.a BIGINT", e.getMessage());
    }
}
