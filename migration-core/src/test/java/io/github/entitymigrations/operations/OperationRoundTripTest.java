package io.github.entitymigrations.operations;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation: applied to {@code before} it gives exactly {@code after}; its reverse is the expected
 * operation and, applied to {@code after}, gives exactly {@code before}; reversing twice is the identity.
 */
class OperationRoundTripTest {

    /** Two tables (one self-referencing, one referencing it) and a sequence; names are parameters for renames. */
    private static Consumer<SchemaBuilder> base(String users, String id, String name) {
        return s -> {
            s.table(users, t -> {
                t.col(id, BIGINT).notNull();
                t.pk("pk_users", id);
                t.col(name, varchar(100));
                t.col("code", varchar(20)).notNull();
                t.col("manager_id", BIGINT);
                t.unique("uk_users_code", "code");
                t.index("ix_users_name", name, "code");
                t.checkIn("ck_users_name", name, "a", "b");
                t.fk("fk_users_manager_id", List.of("manager_id"), users, List.of(id), OnDelete.NO_ACTION);
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.col("status", varchar(10));
                t.fk("fk_orders_user_id", List.of("user_id"), users, List.of(id), OnDelete.CASCADE);
            });
            s.sequence("order_seq", 1, 50);
        };
    }

    private static final Consumer<SchemaBuilder> BASE = base("users", "id", "name");

    private static Schema with(Consumer<SchemaBuilder> extra) {
        return schema(BASE, extra);
    }

    private static Arguments op(String describe, Schema before, Operation op, Operation reverse, Schema after) {
        return Arguments.of(describe, before, op, reverse, after);
    }

    static Stream<Arguments> operations() {
        Schema base = schema(BASE);
        List<Arguments> cases = new ArrayList<>();

        Schema withTags = with(s -> s.table("tags", t -> {
            t.id();
            t.col("user_id", BIGINT);
            t.col("label", varchar(30)).notNull();
            t.unique("uk_tags_label", "label");
            t.fk("fk_tags_user_id", "user_id", "users");
        }));
        cases.add(op("create table tags (3 columns)", base, new CreateTable(table(withTags, "tags")),
                new DropTable(table(withTags, "tags")), withTags));
        cases.add(op("drop table tags", withTags, new DropTable(table(withTags, "tags")),
                new CreateTable(table(withTags, "tags")), base));

        cases.add(op("rename table users to accounts", base, new RenameTable(null, "users", "accounts"),
                new RenameTable(null, "accounts", "users"), schema(base("accounts", "id", "name"))));

        Column email = col("email", varchar(200)).notNull().defaultValue("''").build();
        Schema withEmail = with(s -> s.table("users", t -> t.col("email", varchar(200)).notNull().defaultValue("''")));
        cases.add(op("add column users.email VARCHAR(200) not null default ''", base,
                new AddColumn(null, "users", email), new DropColumn(null, "users", email), withEmail));
        cases.add(op("drop column users.email", withEmail, new DropColumn(null, "users", email),
                new AddColumn(null, "users", email), base));

        Column status = column(base, "orders", "status");
        Column status2 = col("status", varchar(40)).notNull().defaultValue("'NEW'").build();
        cases.add(op("alter column orders.status: VARCHAR(10) -> VARCHAR(40), null -> not null, default null -> 'NEW'",
                base, new AlterColumn(null, "orders", status, status2),
                new AlterColumn(null, "orders", status2, status),
                withColumn(base, "orders", status2)));

        cases.add(op("rename column users.id to user_id", base, new RenameColumn(null, "users", "id", "user_id"),
                new RenameColumn(null, "users", "user_id", "id"), schema(base("users", "user_id", "name"))));
        cases.add(op("rename column users.name to full_name", base,
                new RenameColumn(null, "users", "name", "full_name"),
                new RenameColumn(null, "users", "full_name", "name"), schema(base("users", "id", "full_name"))));

        Consumer<SchemaBuilder> log = s -> s.table("log", t -> t.col("line", varchar(100)).notNull());
        Schema keyed = schema(BASE, log, s -> s.table("log", t -> t.pk("pk_log", "line")));
        PrimaryKey pk = new PrimaryKey("pk_log", List.of("line"));
        cases.add(op("add primary key pk_log on log (line)", schema(BASE, log), new AddPrimaryKey(null, "log", pk),
                new DropPrimaryKey(null, "log", pk), keyed));
        cases.add(op("drop primary key pk_log on log", keyed, new DropPrimaryKey(null, "log", pk),
                new AddPrimaryKey(null, "log", pk), schema(BASE, log)));

        UniqueConstraint unique = new UniqueConstraint("uk_users_name", List.of("name", "code"));
        Schema uniqueName = with(s -> s.table("users", t -> t.unique("uk_users_name", "name", "code")));
        cases.add(op("add unique constraint uk_users_name on users (name, code)", base,
                new AddUnique(null, "users", unique), new DropUnique(null, "users", unique), uniqueName));
        cases.add(op("drop unique constraint uk_users_name on users", uniqueName,
                new DropUnique(null, "users", unique), new AddUnique(null, "users", unique), base));

        Index index = new Index("ix_orders_status", List.of("status", "user_id"), true);
        Schema indexed = with(s -> s.table("orders", t -> t.uniqueIndex("ix_orders_status", "status", "user_id")));
        cases.add(op("create unique index ix_orders_status on orders (status, user_id)", base,
                new CreateIndex(null, "orders", index), new DropIndex(null, "orders", index), indexed));
        cases.add(op("drop index ix_orders_status on orders", indexed, new DropIndex(null, "orders", index),
                new CreateIndex(null, "orders", index), base));

        CheckConstraint check = CheckConstraint.in("ck_orders_status", "status", List.of("NEW", "PAID"));
        Schema checked = with(s -> s.table("orders", t -> t.checkIn("ck_orders_status", "status", "NEW", "PAID")));
        cases.add(op("add check constraint ck_orders_status on orders (status in ('NEW', 'PAID'))", base,
                new AddCheck(null, "orders", check), new DropCheck(null, "orders", check), checked));
        cases.add(op("drop check constraint ck_orders_status on orders", checked,
                new DropCheck(null, "orders", check), new AddCheck(null, "orders", check), base));

        ForeignKey fk = new ForeignKey("fk_orders_approver_id", List.of("approver_id"), null, "users", List.of("id"),
                OnDelete.CASCADE);
        Schema approver = with(s -> s.table("orders", t -> t.col("approver_id", BIGINT)));
        Schema approverFk = schema(BASE, s -> s.table("orders", t -> {
            t.col("approver_id", BIGINT);
            t.fk("fk_orders_approver_id", List.of("approver_id"), "users", List.of("id"), OnDelete.CASCADE);
        }));
        cases.add(op("add foreign key fk_orders_approver_id on orders (approver_id) -> users (id) on delete CASCADE",
                approver, new AddForeignKey(null, "orders", fk), new DropForeignKey(null, "orders", fk), approverFk));
        cases.add(op("drop foreign key fk_orders_approver_id on orders", approverFk,
                new DropForeignKey(null, "orders", fk), new AddForeignKey(null, "orders", fk), approver));

        Sequence seq = new Sequence(null, "user_seq", 1000, 1);
        Schema sequenced = with(s -> s.sequence("user_seq", 1000, 1));
        cases.add(op("create sequence user_seq start 1000 increment 1", base, new CreateSequence(seq),
                new DropSequence(seq), sequenced));
        cases.add(op("drop sequence user_seq", sequenced, new DropSequence(seq), new CreateSequence(seq), base));
        Sequence order = new Sequence(null, "order_seq", 1, 50);
        Sequence order1 = new Sequence(null, "order_seq", 1, 1);
        Schema incrementOne = new Schema(null, base.tables(), List.of(order1));
        cases.add(op("alter sequence order_seq: start 1 -> 1, increment 50 -> 1", base,
                new AlterSequence(order, order1),
                new AlterSequence(order1, order), incrementOne));

        Index emailIndex = new Index("ix_users_email", List.of("email"), false);
        Schema emailIndexed = with(s -> s.table("users", t -> {
            t.col("email", varchar(200)).notNull().defaultValue("''");
            t.index("ix_users_email", "email");
        }));
        Sql sql = new Sql(Map.of("*", List.of("alter table users add email varchar(200) default '' not null",
                "create index ix_users_email on users (email)")), Map.of("*", List.of("drop index ix_users_email",
                "alter table users drop column email")), false, List.of(new AddColumn(null, "users", email),
                new CreateIndex(null, "users", emailIndex)));
        cases.add(op("sql: alter table users add email varchar(200) default '' not null", base, sql,
                new Sql(sql.downgrade(), sql.upgrade(), false, List.of(new DropIndex(null, "users", emailIndex),
                        new DropColumn(null, "users", email))), emailIndexed));
        return cases.stream();
    }

    /** {@code schema} with one column of one table replaced. */
    private static Schema withColumn(Schema schema, String table, Column column) {
        List<Table> tables = schema.tables().stream().map(t -> !t.name().equals(table) ? t
                : new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(),
                t.columns().stream().map(c -> c.name().equals(column.name()) ? column : c).toList(),
                t.primaryKey(), t.uniques(), t.indexes(), t.checks(), t.foreignKeys())).toList();
        return new Schema(schema.naming(), tables, schema.sequences());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void appliesAndReverses(String describe, Schema before, Operation op, Operation reverse, Schema after) {
        assertEquals(describe, op.describe());
        assertEquals(after, new SchemaState(before).apply(List.of(op)).toSchema(), "applied");
        assertEquals(reverse, op.reverse(), "reverse");
        assertEquals(before, new SchemaState(after).apply(List.of(op.reverse())).toSchema(), "reverse applied");
        assertEquals(op, op.reverse().reverse(), "reverse of reverse");
    }
}
