package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertDiff;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.CLOB;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Differ fixtures for tables, columns and sequences: each asserts the upgrade, its exact reverse, and both replays. */
class SchemaDiffTest {

    static final Consumer<SchemaBuilder> USERS = s -> s.table("users", t -> {
        t.id();
        t.col("name", varchar(100));
    });

    /** A table with every kind of part, referencing {@code users}. */
    static final Consumer<SchemaBuilder> ORDERS = s -> s.table("orders", t -> {
        t.id();
        t.sources("com.example.shop.PurchaseOrder");
        t.col("user_id", BIGINT).notNull();
        t.col("number", varchar(20)).notNull();
        t.col("total", numeric(10, 2)).notNull().defaultValue("0");
        t.col("status", varchar(10)).notNull();
        t.col("note", varchar(255));
        t.unique("uk_orders_number", "number");
        t.index("ix_orders_user_id", "user_id");
        t.uniqueIndex("ix_orders_user_number", "user_id", "number");
        t.checkIn("ck_orders_status", "status", "NEW", "PAID", "SHIPPED");
        t.checkExpression("ck_orders_total", "total >= 0");
        t.fk("fk_orders_user_id", List.of("user_id"), "users", List.of("id"), OnDelete.CASCADE);
    });

    @Test
    void sameSchemaGivesNoOperations() {
        Schema s = schema(USERS, ORDERS, x -> x.sequence("order_seq", 1, 50));
        assertDiff(s, s);
    }

    @Test
    void createsTableWithColumnsKeyConstraintsIndexesAndForeignKey() {
        Schema from = schema(USERS);
        Schema to = schema(USERS, ORDERS);
        Diff diff = assertDiff(from, to, new CreateTable(table(to, "orders")));
        assertEquals(List.of(), diff.warnings());
    }

    @Test
    void dropsTableWithColumnsKeyConstraintsIndexesAndForeignKey() {
        Schema from = schema(USERS, ORDERS);
        Schema to = schema(USERS);
        assertDiff(from, to, new DropTable(table(from, "orders")));
    }

    @Test
    void createsTableInNamedSchema() {
        Schema from = schema();
        Schema to = schema(s -> s.table("sales", "invoice", t -> t.id()));
        assertDiff(from, to, new CreateTable(table(to, "invoice")));
    }

    @Test
    void addsColumn() {
        Schema from = schema(USERS);
        Schema to = schema(USERS, s -> s.table("users", t -> t.col("email", varchar(200))));
        assertDiff(from, to, new AddColumn(null, "users", col("email", varchar(200)).build()));
    }

    @Test
    void addsColumnInNamedSchema() {
        Consumer<SchemaBuilder> invoice = s -> s.table("sales", "invoice", t -> t.id());
        Schema from = schema(invoice);
        Schema to = schema(invoice, s -> s.table("sales", "invoice", t -> t.col("paid", INTEGER).notNull()
                .defaultValue("0")));
        assertDiff(from, to, new AddColumn("sales", "invoice",
                col("paid", INTEGER).notNull().defaultValue("0").build()));
    }

    @Test
    void dropsColumn() {
        Schema from = schema(USERS, s -> s.table("users", t -> t.col("email", varchar(200)).notNull()));
        Schema to = schema(USERS);
        assertDiff(from, to, new DropColumn(null, "users", column(from, "users", "email")));
    }

    @Test
    void altersColumnLength() {
        alters(varchar(100), varchar(50), "users.name: VARCHAR(100) -> VARCHAR(50)");
    }

    @Test
    void altersColumnPrecisionAndScale() {
        alters(numeric(10, 2), numeric(12, 4), "users.name: NUMERIC(10,2) -> NUMERIC(12,4)");
    }

    @Test
    void altersColumnType() {
        alters(INTEGER, BIGINT, "users.name: INTEGER -> BIGINT");
    }

    private static void alters(ColumnType before, ColumnType after, String change) {
        Schema from = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", before);
        }));
        Schema to = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", after);
        }));
        Diff diff = assertDiff(from, to, new AlterColumn(null, "users", column(from, "users", "name"),
                column(to, "users", "name")));
        assertEquals("alter column " + change, diff.upgrade().get(0).describe());
    }

    @Test
    void altersNullability() {
        Schema from = schema(USERS);
        Schema to = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", varchar(100)).notNull();
        }));
        Diff diff = assertDiff(from, to, new AlterColumn(null, "users", column(from, "users", "name"),
                column(to, "users", "name")));
        assertEquals("alter column users.name: null -> not null", diff.upgrade().get(0).describe());
    }

    @Test
    void altersServerDefault() {
        Consumer<SchemaBuilder> none = s -> s.table("t", t -> t.col("n", INTEGER));
        Consumer<SchemaBuilder> zero = s -> s.table("t", t -> t.col("n", INTEGER).defaultValue("0"));
        Consumer<SchemaBuilder> one = s -> s.table("t", t -> t.col("n", INTEGER).defaultValue("1"));
        Schema a = schema(none);
        Schema b = schema(zero);
        Schema c = schema(one);
        assertDiff(a, b, new AlterColumn(null, "t", column(a, "t", "n"), column(b, "t", "n")));
        Diff change = assertDiff(b, c, new AlterColumn(null, "t", column(b, "t", "n"), column(c, "t", "n")));
        assertEquals("alter column t.n: default 0 -> 1", change.upgrade().get(0).describe());
        assertDiff(c, a, new AlterColumn(null, "t", column(c, "t", "n"), column(a, "t", "n")));
    }

    @Test
    void altersIdentity() {
        Schema from = schema(s -> s.table("t", t -> {
            t.col("id", BIGINT).notNull();
            t.pk("pk_t", "id");
        }));
        Schema to = schema(s -> s.table("t", t -> {
            t.col("id", BIGINT).notNull().identity();
            t.pk("pk_t", "id");
        }));
        Diff diff = assertDiff(from, to, new AlterColumn(null, "t", column(from, "t", "id"), column(to, "t", "id")));
        assertEquals("alter column t.id: becomes identity", diff.upgrade().get(0).describe());
    }

    @Test
    void altersColumnDefinition() {
        Schema from = schema(s -> s.table("t", t -> t.col("doc", CLOB)));
        Schema to = schema(s -> s.table("t", t -> t.col("doc", CLOB).definition("jsonb")));
        assertDiff(from, to, new AlterColumn(null, "t", column(from, "t", "doc"), column(to, "t", "doc")));
    }

    @Test
    void altersSeveralAttributesInOneOperation() {
        Schema from = schema(USERS);
        Schema to = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", varchar(200)).notNull().defaultValue("'anonymous'");
        }));
        Diff diff = assertDiff(from, to, new AlterColumn(null, "users", column(from, "users", "name"),
                column(to, "users", "name")));
        assertEquals("alter column users.name: VARCHAR(100) -> VARCHAR(200), null -> not null, "
                + "default null -> 'anonymous'", diff.upgrade().get(0).describe());
    }

    @Test
    void createsSequence() {
        Schema from = schema(USERS);
        Schema to = schema(USERS, s -> s.sequence("order_seq", 1, 50));
        assertDiff(from, to, new CreateSequence(new Sequence(null, "order_seq", 1, 50)));
    }

    @Test
    void dropsSequence() {
        Schema from = schema(USERS, s -> s.sequence("order_seq", 1, 50));
        Schema to = schema(USERS);
        assertDiff(from, to, new DropSequence(new Sequence(null, "order_seq", 1, 50)));
    }

    @Test
    void altersSequence() {
        Schema from = schema(s -> s.sequence("order_seq", 1, 50));
        Schema to = schema(s -> s.sequence("order_seq", 100, 1));
        Diff diff = assertDiff(from, to, new AlterSequence(new Sequence(null, "order_seq", 1, 50),
                new Sequence(null, "order_seq", 100, 1)));
        assertEquals("alter sequence order_seq: start 1 -> 100, increment 50 -> 1", diff.upgrade().get(0).describe());
    }
}
