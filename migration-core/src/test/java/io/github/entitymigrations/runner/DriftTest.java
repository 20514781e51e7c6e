package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of hand change to a database the migrations built, on PostgreSQL, SQLite, MariaDB and the MySQL
 * flavour, is reported as
 * exactly one difference with its exact message; the database as the migrations left it has none (the
 * version table is not drift). On SQLite a change to a column or constraint is a table rebuild, as a person
 * must do it there.
 */
class DriftTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** A hand change: its SQL on PostgreSQL, its edit on SQLite, and the one message drift must give. */
    private record HandChange(String name, String[] postgres, SqliteEdit sqlite, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Statements, or a rebuild of {@code table} with {@code from} replaced by {@code to}. */
    private record SqliteEdit(String table, String from, String to, String... statements) {
        static SqliteEdit sql(String... statements) {
            return new SqliteEdit(null, null, null, statements);
        }

        static SqliteEdit rebuild(String table, String from, String to) {
            return new SqliteEdit(table, from, to);
        }
    }

    private static HandChange change(String name, String postgres, SqliteEdit sqlite, String message) {
        return new HandChange(name, postgres.split(";\\s*"), sqlite, message);
    }

    static Stream<Arguments> handChanges() {
        List<HandChange> changes = List.of(
                change("column added", "alter table orders add column extra text",
                        SqliteEdit.sql("alter table orders add column extra text"),
                        "column orders.extra (text) is in the database but not in the migrations"),
                change("column dropped", "alter table orders drop column note",
                        SqliteEdit.sql("alter table orders drop column note"),
                        "column orders.note (%s) is in the migrations but not in the database"
                                .formatted("%varchar100%")),
                change("index dropped", "drop index idx_orders_customer", SqliteEdit.sql("drop index idx_orders_customer"),
                        "index idx_orders_customer on orders (customer_id) is in the migrations but not in the database"),
                change("index added", "create index idx_orders_total on orders (total)",
                        SqliteEdit.sql("create index idx_orders_total on orders (total)"),
                        "index idx_orders_total on orders (total) is in the database but not in the migrations"),
                change("type changed", "alter table orders alter column total type numeric(12,2)",
                        SqliteEdit.rebuild("orders", "total numeric(10,2)", "total numeric(12,2)"),
                        "column orders.total: type numeric(12,2) in the database, numeric(10,2) in the migrations"),
                change("nullability changed", "alter table orders alter column note set not null",
                        SqliteEdit.rebuild("orders", "note varchar(100)", "note varchar(100) not null"),
                        "column orders.note: nullability not null in the database, nullable in the migrations"),
                change("default changed", "alter table orders alter column status set default 'PAID'",
                        SqliteEdit.rebuild("orders", "default 'NEW'", "default 'PAID'"),
                        "column orders.status: default 'PAID' in the database, 'NEW' in the migrations"),
                change("default dropped", "alter table orders alter column status drop default",
                        SqliteEdit.rebuild("orders", " default 'NEW'", ""),
                        "column orders.status: default none in the database, 'NEW' in the migrations"),
                change("unique missing", "alter table customers drop constraint uk_customers_email",
                        SqliteEdit.rebuild("customers", ", constraint uk_customers_email unique (email)", ""),
                        "unique constraint uk_customers_email on customers (email) is in the migrations but not in "
                                + "the database"),
                change("check missing", "alter table orders drop constraint ck_orders_status",
                        SqliteEdit.rebuild("orders", ", constraint ck_orders_status check (status in ('NEW', 'PAID'))",
                                ""),
                        "check constraint ck_orders_status on orders is in the migrations but not in the database"),
                change("foreign key missing", "alter table orders drop constraint fk_orders_customer",
                        SqliteEdit.rebuild("orders", ", constraint fk_orders_customer foreign key (customer_id) "
                                + "references customers (id) on delete cascade", ""),
                        "foreign key fk_orders_customer on orders (customer_id) is in the migrations but not in the "
                                + "database"),
                change("foreign key action changed", "alter table orders drop constraint fk_orders_customer; alter "
                                + "table orders add constraint fk_orders_customer foreign key (customer_id) references "
                                + "customers (id) on delete set null",
                        SqliteEdit.rebuild("orders", "on delete cascade", "on delete set null"),
                        "foreign key fk_orders_customer on orders: on delete set null in the database, cascade in "
                                + "the migrations"),
                change("table added as ddl-auto=update would", "create table audit_log (id bigint not null, action "
                                + "varchar(255), primary key (id))",
                        SqliteEdit.sql("create table audit_log (id bigint not null, action varchar(255), primary key (id))"),
                        "table audit_log is in the database but not in the migrations (created by hand, or by "
                                + "Hibernate's ddl-auto=update?)"),
                change("table dropped", "drop table orders", SqliteEdit.sql("drop table orders"),
                        "table orders is in the migrations but not in the database"),
                change("primary key dropped", "alter table orders drop constraint pk_orders",
                        SqliteEdit.rebuild("orders", ", constraint pk_orders primary key (id)", ""),
                        "primary key of orders (id) is in the migrations but not in the database"));
        return Stream.of(Kind.POSTGRESQL, Kind.SQLITE).flatMap(kind -> changes.stream().map(c -> Arguments.of(kind, c)));
    }

    /** A hand change on MariaDB (or the MySQL flavour) and its one message, when it differs from PostgreSQL's. */
    private record MariaDbChange(String name, String[] statements, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static MariaDbChange mariaDb(String name, String statements, String message) {
        return new MariaDbChange(name, statements.split(";\\s*"), message);
    }

    /**
     * The same kinds of change as a person makes them on MariaDB: {@code modify} for a type or nullability, a foreign
     * key's index replaced rather than dropped (InnoDB keeps one), types as MariaDB and MySQL report them
     * ({@code decimal}, {@code int}), and orders.status a native {@code enum} whose check is its type.
     */
    static Stream<Arguments> mariaDbHandChanges() {
        List<MariaDbChange> changes = List.of(
                mariaDb("column added", "alter table orders add column extra text",
                        "column orders.extra (text) is in the database but not in the migrations"),
                mariaDb("column dropped", "alter table orders drop column note",
                        "column orders.note (varchar(100)) is in the migrations but not in the database"),
                mariaDb("index dropped", "alter table orders drop index idx_orders_customer, add index "
                                + "fk_orders_customer (customer_id)",
                        "index idx_orders_customer on orders (customer_id) is in the migrations but not in the database"),
                mariaDb("index added", "create index idx_orders_total on orders (total)",
                        "index idx_orders_total on orders (total) is in the database but not in the migrations"),
                mariaDb("type changed", "alter table orders modify total numeric(12,2) not null",
                        "column orders.total: type decimal(12,2) in the database, decimal(10,2) in the migrations"),
                mariaDb("nullability changed", "alter table orders modify note varchar(100) not null",
                        "column orders.note: nullability not null in the database, nullable in the migrations"),
                mariaDb("default changed", "alter table orders alter column status set default 'PAID'",
                        "column orders.status: default 'PAID' in the database, 'NEW' in the migrations"),
                mariaDb("default dropped", "alter table orders alter column status drop default",
                        "column orders.status: default none in the database, 'NEW' in the migrations"),
                mariaDb("unique missing", "alter table customers drop index uk_customers_email",
                        "unique constraint uk_customers_email on customers (email) is in the migrations but not in "
                                + "the database"),
                mariaDb("check missing (the enum type it is)", "alter table orders modify status varchar(20) not null "
                                + "default 'NEW'",
                        "column orders.status: type varchar(20) in the database, enum('NEW','PAID') in the migrations"),
                mariaDb("check missing", "alter table orders drop constraint ck_orders_total",
                        "check constraint ck_orders_total on orders is in the migrations but not in the database"),
                mariaDb("foreign key missing", "alter table orders drop foreign key fk_orders_customer",
                        "foreign key fk_orders_customer on orders (customer_id) is in the migrations but not in the "
                                + "database"),
                mariaDb("foreign key action changed", "alter table orders drop foreign key fk_orders_customer; alter "
                                + "table orders add constraint fk_orders_customer foreign key (customer_id) references "
                                + "customers (id) on delete restrict",
                        "foreign key fk_orders_customer on orders: on delete no action in the database, cascade in "
                                + "the migrations"),
                mariaDb("table added as ddl-auto=update would", "create table audit_log (id bigint not null, action "
                                + "varchar(255), primary key (id)) engine=InnoDB",
                        "table audit_log is in the database but not in the migrations (created by hand, or by "
                                + "Hibernate's ddl-auto=update?)"),
                mariaDb("table dropped", "drop table orders",
                        "table orders is in the migrations but not in the database"),
                mariaDb("primary key dropped", "alter table orders drop primary key",
                        "primary key of orders (id) is in the migrations but not in the database"),
                mariaDb("identity dropped", "alter table customers modify id bigint not null",
                        "column customers.id: identity none in the database, auto_increment in the migrations"));
        return Stream.of(Kind.MARIADB, Kind.MYSQL).flatMap(kind -> changes.stream().map(c -> Arguments.of(kind, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mariaDbHandChanges")
    void eachHandChangeOnMariaDbIsOneDifferenceSayingWhichSideHasWhat(Kind kind, MariaDbChange change)
            throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");
        assertEquals(List.of(), messages(migrator), "before the hand change");
        db.execute(change.statements());
        assertEquals(List.of(change.message()), messages(migrator));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("handChanges")
    void eachHandChangeIsOneDifferenceSayingWhichSideHasWhat(Kind kind, HandChange change) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");
        assertEquals(List.of(), messages(migrator), "before the hand change");
        if (kind == Kind.POSTGRESQL) {
            db.execute(change.postgres());
        } else if (change.sqlite().table() == null) {
            db.execute(change.sqlite().statements());
        } else {
            DriftFixture.sqliteRebuild(db, change.sqlite().table(), change.sqlite().from(), change.sqlite().to());
        }
        String expected = change.message().replace("%varchar100%",
                kind == Kind.POSTGRESQL ? "character varying(100)" : "varchar(100)");
        assertEquals(List.of(expected), messages(migrator));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSequenceChangedOrDroppedByHandIsDrift(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");
        // MariaDB has sequences; the MySQL dialect makes Hibernate's next_val table, as on SQLite
        boolean sequences = kind == Kind.POSTGRESQL || kind == Kind.MARIADB;
        if (sequences) {
            db.execute("alter sequence orders_seq increment by 1");
            assertEquals(List.of("sequence orders_seq: increment 1 in the database, 50 in the migrations"),
                    messages(migrator));
            db.execute("alter sequence orders_seq increment by 50 start with 7 restart");
            assertEquals(List.of("sequence orders_seq: start 7 in the database, 1 in the migrations"),
                    messages(migrator));
        }
        db.execute(sequences ? "drop sequence orders_seq" : "drop table orders_seq");
        assertEquals(List.of("sequence orders_seq is in the migrations but not in the database"), messages(migrator));
    }

    /**
     * Hibernate 7 creates its helper tables for multi-table mutations ({@code HT_...}, {@code HTE_...}) as tables of
     * their own on SQLite when it starts: not drift, with their indexes. A table of another name still is.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void hibernatesHelperTablesAreNoDrift(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");
        db.execute("create table HT_orders (id bigint not null, hib_sess_id char(36) not null)",
                "create table HTE_orders (id bigint, hib_sess_id char(36) not null, hib_row_id integer not null)",
                "create index HTE_orders_idx on HTE_orders (hib_sess_id)");
        assertEquals(List.of(), messages(migrator));
        db.execute("create table hts_orders (id bigint)");
        assertEquals(List.of("table hts_orders is in the database but not in the migrations (created by hand, or by "
                + "Hibernate's ddl-auto=update?)"), messages(migrator));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void severalChangesAreAllListedInTableOrderAndTheReportSaysWhereTheDatabaseIs(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("+1");
        assertEquals(List.of(), messages(migrator));
        db.execute("create table orders (id bigint)", "alter table customers add column phone varchar(20)");
        var report = migrator.drift();
        assertEquals("0001", report.current());
        assertEquals(1, report.applied());
        assertEquals(List.of("column customers.phone (" + (kind == Kind.POSTGRESQL ? "character varying(20)"
                        : "varchar(20)") + ") is in the database but not in the migrations",
                "table orders is in the database but not in the migrations (created by hand, or by Hibernate's "
                        + "ddl-auto=update?)"), messages(migrator));
        Difference phone = report.differences().get(0);
        assertEquals(List.of("column", "customers.phone", "customers"), List.of(phone.kind(), phone.object(),
                phone.table()));
        assertEquals(null, phone.expected());
    }

    /**
     * Columns whose type an application writes itself ({@code @Column(columnDefinition = ...)}), the way real models
     * do (Apollo's {@code "Bit default '0'"} on every soft-delete flag): the catalog spells them differently
     * ({@code bit(1)}, {@code '0'::"bit"}, {@code character(1)}, {@code 'x'::bpchar}), which is no drift; a changed
     * default on such a column still is.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void columnDefinitionsAsApplicationsWriteThemAreNoDrift(Kind kind) throws Exception {
        boolean mysql = kind == Kind.MARIADB || kind == Kind.MYSQL;
        MigrationHistory history = new MigrationHistory(tmp.resolve("migrations"));
        history.add("create flags", new CreateTable(MigrationHistory.table("flags", t -> {
            t.id();
            // MariaDB and MySQL refuse '0' for a bit (it is the byte 0x30): Apollo's own scripts write b'0' there.
            t.col("is_deleted", ColumnType.of("BOOLEAN")).definition(mysql ? "bit default b'0'" : "Bit default '0'");
            t.col("deleted_at", BIGINT).definition("Bigint default '0'");
            t.col("grade", ColumnType.ofLength("CHAR", 1)).definition("char default 'x'");
            if (kind == Kind.POSTGRESQL) {
                t.col("mask", ColumnType.of("VARBINARY")).definition("bit varying(8) default B'101'");
                t.col("plain_bits", ColumnType.of("VARBINARY")).definition("varbit");
            }
        })));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(history.chain());
        migrator.upgrade("head");
        assertEquals(List.of(), messages(migrator));
        if (kind == Kind.SQLITE) {
            DriftFixture.sqliteRebuild(db, "flags", "char default 'x'", "char default 'y'");
        } else {
            db.execute("alter table flags alter column grade set default 'y'");
        }
        assertEquals(List.of("column flags.grade: default 'y' in the database, 'x' in the migrations"),
                messages(migrator));
    }

    private static List<String> messages(Migrator migrator) {
        return migrator.drift().differences().stream().map(Difference::message).toList();
    }
}
