package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.MdbScenario.named;
import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.table;
import static io.github.entitymigrations.dialect.PgModel.type;
import static io.github.entitymigrations.dialect.PgModel.varchar;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The MariaDB/MySQL golden scenarios: every operation, on tables with rows, with keyword and unusual names. */
final class MdbScenarios {

    static final ColumnType BIGINT = type("BIGINT");
    static final ColumnType INTEGER = type("INTEGER");

    /** An identity key, a NOT NULL column, a unique constraint, a STRING enum and an ORDINAL one. */
    static final Table CUSTOMER = table("customer")
            .col(col("id", BIGINT).identity(), col("email", varchar(255)).notNull(), col("name", varchar(100)),
                    col("status", varchar(255)).notNull(), col("tier", type("TINYINT")))
            .pk("pk_customer", "id").unique("uk_customer_email", "email")
            .check(CheckConstraint.in("ck_customer_status", "status", List.of("NEW", "ACTIVE", "O'Brien")))
            .check(CheckConstraint.between("ck_customer_tier", "tier", 0, 2))
            .index("ix_customer_name", "name").build();

    static final String CUSTOMER_SQL = "create table customer (id bigint not null auto_increment, "
            + "email varchar(255) not null, name varchar(100), status enum ('ACTIVE','NEW','O''Brien') not null, "
            + "tier tinyint, primary key (id), constraint uk_customer_email unique (email), "
            + "index ix_customer_name (name), constraint ck_customer_tier check (tier between 0 and 2)) engine=InnoDB";

    /** Keyword names, mixed case, a backtick in a name, a foreign key with cascade and a composite key. */
    static final Table ORDER = table("Order")
            .col(col("id", BIGINT).notNull(), col("line", INTEGER).notNull(), col("customer_id", BIGINT),
                    col("select", varchar(20)), col("we`ird", INTEGER).quoted(), col("Note", type("LONG32VARCHAR")))
            .pk("pk_order", "id", "line")
            .check(CheckConstraint.expression("ck_order_line", null, "line > 0"))
            .fk("fk_order_customer", "customer_id", "customer", OnDelete.CASCADE)
            .uniqueIndex("ux_order_select", "select").build();

    static final String ORDER_SQL = "create table `Order` (id bigint not null, line integer not null, "
            + "Note longtext, customer_id bigint, `select` varchar(20), `we``ird` integer, primary key (id, line), "
            + "unique index ux_order_select (`select`), constraint ck_order_line check (line > 0), "
            + "constraint fk_order_customer foreign key (customer_id) references customer (id) on delete cascade) "
            + "engine=InnoDB";

    static final String SEED_CUSTOMER = "insert into customer (email, name, status, tier) values "
            + "('a@x', 'Ann', 'NEW', 1), ('b@x', 'Bob', 'ACTIVE', 0)";

    static final String TRIGGER = "create trigger customer_bi before insert on customer for each row begin "
            + "if new.name is null then set new.name = 'anon'; end if; end";

    private MdbScenarios() {
    }

    static List<MdbScenario> all() {
        List<MdbScenario> all = new ArrayList<>();
        all.addAll(tables());
        all.addAll(columns());
        all.addAll(constraints());
        all.addAll(enumKeys());
        all.addAll(sequences());
        return all;
    }

    static CreateTable create(Table t) {
        return new CreateTable(t);
    }

    static List<MdbScenario> tables() {
        return List.of(
                named("create table with identity, enum, check, unique and index").when(create(CUSTOMER))
                        .expect(CUSTOMER_SQL),
                named("create table with keywords, a backtick, a composite key and a foreign key")
                        .given(create(CUSTOMER)).when(create(ORDER)).expect(ORDER_SQL),
                named("drop table with rows").given(create(CUSTOMER)).seed(SEED_CUSTOMER)
                        .when(new DropTable(CUSTOMER)).expect("drop table customer"),
                named("rename table to a keyword keeps the rows").given(create(CUSTOMER)).seed(SEED_CUSTOMER)
                        .when(new RenameTable(null, "customer", "group"))
                        .then("select count(*) from `group`", "2")
                        .expect("rename table customer to `group`"),
                named("sql step keyed by flavour").given(create(CUSTOMER)).seed(SEED_CUSTOMER)
                        .when(new Sql(Map.of("mariadb", List.of("update customer set name = 'maria' # a comment\n"
                                + "where id = 1; update customer set tier = 2 where id = 1"),
                                "mysql", List.of("update customer set name = \"mari\\a\" where id = 1 -- no ; here\n"),
                                "postgresql", List.of("update customer set name = 'pg'")),
                                Map.of("*", List.of("update customer set name = 'Ann', tier = 1 where id = 1")), false,
                                List.of()))
                        .then("select name from customer where id = 1", "maria")
                        .mariadb("update customer set name = 'maria' # a comment\nwhere id = 1",
                                "update customer set tier = 2 where id = 1")
                        .mysql("update customer set name = \"mari\\a\" where id = 1"),
                named("sql step creating a trigger whose body holds semicolons").given(create(CUSTOMER))
                        .when(new Sql(Map.of("*", List.of(TRIGGER + ";\nselect 1 -- done")),
                                Map.of("*", List.of("drop trigger customer_bi")), false, List.of()))
                        .then("select count(*) from information_schema.triggers where trigger_schema = database()", "1")
                        .expect(TRIGGER, "select 1"));
    }

    static Table item(PgModel.Col... columns) {
        return table("item").id().col(columns).build();
    }

    static List<MdbScenario> columns() {
        Table item = item(col("code", varchar(10)), col("qty", INTEGER));
        Column code = col("code", varchar(10)).build();
        Column qty = col("qty", INTEGER).build();
        String seed = "insert into item (id, code, qty) values (1, 'abc', 5), (2, 'de', null)";
        return List.of(
                named("add a NOT NULL column with a default fills the rows").given(create(item)).seed(seed)
                        .when(new AddColumn(null, "item", col("active", type("BOOLEAN")).notNull().defaultValue("1")
                                .build()))
                        .then("select count(*) from item where active = 1", "2")
                        .expect("alter table item add column active bit default 1 not null"),
                named("drop column").given(create(item)).seed(seed).when(new DropColumn(null, "item", qty))
                        .expect("alter table item drop column qty"),
                named("widen a varchar keeps the data").given(create(item)).seed(seed)
                        .when(new AlterColumn(null, "item", code, col("code", varchar(100)).notNull().build()))
                        .then("select code from item order by id", "abc", "de")
                        .expect("alter table item modify column code varchar(100) not null"),
                named("integer to bigint with a default").given(create(item)).seed(seed)
                        .when(new AlterColumn(null, "item", qty, col("qty", BIGINT).defaultValue("0").build()))
                        .then("select qty from item order by id", "5", "null")
                        .expect("alter table item modify column qty bigint default 0"),
                named("varchar to a timestamp with time zone stays nullable").given(create(item))
                        .when(new AlterColumn(null, "item", code, col("code", type("TIMESTAMP_WITH_TIMEZONE")).build()))
                        .expect("alter table item modify column code timestamp(6) null"),
                named("rename a column to a keyword").given(create(item)).seed(seed)
                        .when(new RenameColumn(null, "item", "code", "key"))
                        .then("select `key` from item order by id", "abc", "de")
                        .expect("alter table item rename column code to `key`"),
                named("a column becomes an identity").given(create(item)).seed(seed)
                        .when(new AlterColumn(null, "item", col("id", BIGINT).notNull().build(),
                                col("id", BIGINT).identity().build()))
                        .then("select auto_increment from information_schema.tables where table_schema = database() "
                                + "and table_name = 'item'", "3")
                        .expect("alter table item modify column id bigint not null auto_increment"));
    }

    static List<MdbScenario> constraints() {
        Table tag = table("tag").col(col("id", BIGINT).notNull(), col("label", varchar(40)).notNull(),
                col("customer_id", BIGINT)).build();
        String seedTag = "insert into tag (id, label, customer_id) values (1, 'x', 1), (2, 'y', null)";
        CheckConstraint status = CheckConstraint.in("ck_tag_label", "label", List.of("x", "y", "z"));
        return List.of(
                named("add primary key").given(create(tag)).seed(seedTag)
                        .when(new AddPrimaryKey(null, "tag", new PrimaryKey("pk_tag", List.of("id"))))
                        .expect("alter table tag add primary key (id)"),
                named("drop primary key").given(create(table("tag").col(col("id", BIGINT).notNull()).pk("pk_tag", "id")
                                .build()))
                        .when(new DropPrimaryKey(null, "tag", new PrimaryKey("pk_tag", List.of("id"))))
                        .expect("alter table tag drop primary key"),
                named("add unique").given(create(tag)).seed(seedTag)
                        .when(new AddUnique(null, "tag", new UniqueConstraint("uk_tag_label", List.of("label"))))
                        .expect("alter table tag add constraint uk_tag_label unique (label)"),
                named("drop unique").given(create(table("tag").col(col("label", varchar(40)))
                                .unique("uk_tag_label", "label").build()))
                        .when(new DropUnique(null, "tag", new UniqueConstraint("uk_tag_label", List.of("label"))))
                        .expect("alter table tag drop index uk_tag_label"),
                named("create index").given(create(tag)).seed(seedTag)
                        .when(new CreateIndex(null, "tag", new Index("ix_tag_label", List.of("label", "id"), false)))
                        .expect("create index ix_tag_label on tag (label, id)"),
                named("drop index").given(create(table("tag").col(col("label", varchar(40)))
                                .index("ix_tag_label", "label").build()))
                        .when(new DropIndex(null, "tag", new Index("ix_tag_label", List.of("label"), false)))
                        .expect("drop index ix_tag_label on tag"),
                named("add check").given(create(tag)).seed(seedTag)
                        .when(new AddCheck(null, "tag", CheckConstraint.expression("ck_tag_id", null, "id > 0")))
                        .expect("alter table tag add constraint ck_tag_id check (id > 0)"),
                named("drop check").given(create(table("tag").col(col("id", BIGINT))
                                .check(CheckConstraint.expression("ck_tag_id", null, "id > 0")).build()))
                        .when(new DropCheck(null, "tag", CheckConstraint.expression("ck_tag_id", null, "id > 0")))
                        .expect("alter table tag drop constraint ck_tag_id"),
                named("add a STRING enum's check makes the column an enum").given(create(tag)).seed(seedTag)
                        .when(new AddCheck(null, "tag", status))
                        .then("select label from tag order by id", "x", "y")
                        .expect("alter table tag modify column label enum ('x','y','z') not null"),
                named("drop a STRING enum's check gives the column its type back")
                        .given(create(table("tag").col(col("label", varchar(40)).notNull()).check(status).build()))
                        .when(new DropCheck(null, "tag", status))
                        .expect("alter table tag modify column label varchar(40) not null"),
                named("add foreign key").given(create(CUSTOMER), create(tag)).seed(SEED_CUSTOMER, seedTag)
                        .when(new AddForeignKey(null, "tag", new ForeignKey("fk_tag_customer", List.of("customer_id"),
                                null, "customer", List.of("id"), OnDelete.SET_NULL)))
                        .expect("alter table tag add constraint fk_tag_customer foreign key (customer_id) references "
                                + "customer (id) on delete set null"),
                named("drop foreign key, with the index InnoDB made for it").given(create(CUSTOMER), create(ORDER))
                        .when(new DropForeignKey(null, "Order", ORDER.foreignKeys().get(0)))
                        .mariadb("alter table `Order` drop foreign key fk_order_customer, drop index if exists "
                                + "fk_order_customer")
                        .mysql("alter table `Order` drop foreign key fk_order_customer, drop index fk_order_customer"));
    }

    /**
     * A STRING enum as a primary key ({@code role}) and a foreign key column referencing it ({@code role_grant}):
     * the column has the key's {@code enum} type, as Hibernate makes it, or InnoDB refuses the key (errno 150).
     */
    static List<MdbScenario> enumKeys() {
        CheckConstraint roles = CheckConstraint.in("ck_role_name", "name", List.of("USER", "ADMIN"));
        CheckConstraint more = CheckConstraint.in("ck_role_name", "name", List.of("USER", "ADMIN", "GUEST"));
        Table role = table("role").col(col("name", varchar(20)).notNull()).pk("pk_role", "name").check(roles).build();
        Table unchecked = table("role").col(col("name", varchar(20)).notNull()).pk("pk_role", "name").build();
        ForeignKey toRole = new ForeignKey("fk_role_grant_role", List.of("role_name"), null, "role", List.of("name"),
                OnDelete.NO_ACTION);
        Table plain = table("role_grant").col(col("id", BIGINT).notNull(), col("role_name", varchar(20)))
                .pk("pk_role_grant", "id").index("ix_role_grant_role", "role_name").build();
        Table grant = table("role_grant").col(col("id", BIGINT).notNull(), col("role_name", varchar(20)))
                .pk("pk_role_grant", "id").index("ix_role_grant_role", "role_name").fk(toRole).build();
        String seed = "insert into role (name) values ('USER'), ('ADMIN')";
        String seedGrant = "insert into role_grant (id, role_name) values (1, 'USER'), (2, null)";
        return List.of(
                named("a foreign key column referencing a STRING enum key has its enum type").given(create(role))
                        .when(create(grant))
                        .expect("create table role_grant (id bigint not null, role_name enum ('ADMIN','USER'), "
                                + "primary key (id), index ix_role_grant_role (role_name), constraint "
                                + "fk_role_grant_role foreign key (role_name) references role (name)) engine=InnoDB"),
                named("adding that foreign key makes the column the enum").given(create(role), create(plain))
                        .seed(seed, seedGrant)
                        .when(new AddForeignKey(null, "role_grant", toRole))
                        .then("select role_name from role_grant where role_name is not null", "USER")
                        .expect("alter table role_grant modify column role_name enum ('ADMIN','USER'), add constraint "
                                + "fk_role_grant_role foreign key (role_name) references role (name)"),
                named("dropping it gives the column its own type back").given(create(role), create(grant))
                        .seed(seed, seedGrant)
                        .when(new DropForeignKey(null, "role_grant", toRole))
                        .then("select role_name from role_grant where role_name is not null", "USER")
                        .expect("alter table role_grant drop foreign key fk_role_grant_role, modify column role_name "
                                + "varchar(20)"),
                named("an enum check reaches the referencing column, its foreign key off and back")
                        .given(create(unchecked), create(grant)).seed(seed, seedGrant)
                        .when(new AddCheck(null, "role", more))
                        .then("select role_name from role_grant where role_name is not null", "USER")
                        .expect("alter table role_grant drop foreign key fk_role_grant_role",
                                "alter table role modify column name enum ('ADMIN','GUEST','USER') not null",
                                "alter table role_grant modify column role_name enum ('ADMIN','GUEST','USER')",
                                "alter table role_grant add constraint fk_role_grant_role foreign key (role_name) "
                                        + "references role (name)"),
                named("an enum check reaches a column of the same table referencing it")
                        .given(create(table("role").col(col("name", varchar(20)).notNull(), col("parent", varchar(20)))
                                .pk("pk_role", "name").fk(new ForeignKey("fk_role_parent", List.of("parent"), null,
                                        "role", List.of("name"), OnDelete.NO_ACTION)).build()))
                        .seed("insert into role (name, parent) values ('ADMIN', null), ('USER', 'ADMIN')")
                        .when(new AddCheck(null, "role", CheckConstraint.in("ck_role_name", "name",
                                List.of("USER", "ADMIN"))))
                        .then("select parent from role where parent is not null", "ADMIN")
                        .expect("alter table role drop foreign key fk_role_parent",
                                "alter table role modify column name enum ('ADMIN','USER') not null",
                                "alter table role modify column parent enum ('ADMIN','USER')",
                                "alter table role add constraint fk_role_parent foreign key (parent) references role "
                                        + "(name)"),
                named("a unique constraint over a composite foreign key's columns in another order does not serve it")
                        .given(create(table("pair").col(col("x", BIGINT).notNull(), col("y", BIGINT).notNull())
                                .pk("pk_pair", "x", "y").build()), create(table("link")
                                .col(col("id", BIGINT).notNull(), col("px", BIGINT), col("py", BIGINT))
                                .pk("pk_link", "id")
                                .fk(new ForeignKey("fk_link_pair", List.of("px", "py"), null, "pair", List.of("x", "y"),
                                        OnDelete.NO_ACTION)).build()))
                        .when(new AddUnique(null, "link", new UniqueConstraint("uk_link_py_px", List.of("py", "px"))))
                        .expect("alter table link add constraint uk_link_py_px unique (py, px)"));
    }

    static List<MdbScenario> sequences() {
        Sequence seq = new Sequence(null, "order_seq", 1, 50);
        return List.of(
                named("create sequence").when(new CreateSequence(seq))
                        .mariadb("create sequence order_seq start with 1 increment by 50 nocache")
                        .mysql("create table order_seq (next_val bigint) engine=InnoDB",
                                "insert into order_seq values ( 1 )"),
                named("create a sequence starting at 0").when(new CreateSequence(new Sequence(null, "zero_seq", 0, 1)))
                        .mariadb("create sequence zero_seq minvalue 0 start with 0 increment by 1 nocache")
                        .mysql("create table zero_seq (next_val bigint) engine=InnoDB",
                                "insert into zero_seq values ( 0 )"),
                named("drop sequence").given(new CreateSequence(seq)).when(new DropSequence(seq))
                        .mariadb("drop sequence order_seq").mysql("drop table order_seq"),
                named("alter sequence start and increment moves it forward").given(new CreateSequence(seq))
                        .when(new AlterSequence(seq, new Sequence(null, "order_seq", 1000, 10)))
                        .mariadb("alter sequence order_seq start with 1000 increment by 10",
                                "select setval(order_seq, 1000, 0)")
                        .mysql("update order_seq set next_val = 1000 where next_val < 1000"));
    }
}
