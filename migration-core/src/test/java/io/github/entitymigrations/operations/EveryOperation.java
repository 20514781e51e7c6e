package io.github.entitymigrations.operations;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import java.util.Map;

/**
 * One instance of every concrete operation type, each with a schema it applies to: the fixture of
 * {@code OperationDispatchTest}. A new operation type fails that test until it is added here, and then every
 * dispatch point is proved to handle it.
 */
public final class EveryOperation {

    private EveryOperation() {
    }

    /** users (with a unique, an index, a check), orders (with a foreign key to users), one sequence. */
    public static Schema base() {
        return SchemaBuilder.schema(s -> s
                .table("users", t -> {
                    t.id();
                    t.col("phone", varchar(20));
                    t.col("price", numeric(10, 2));
                    t.col("nick", varchar(20));
                    t.col("age", INTEGER);
                    t.col("note", varchar(50));
                    t.unique("uk_users_phone", "phone");
                    t.index("ix_users_nick", "nick");
                    t.checkExpression("ck_users_age", "age > 0");
                })
                .table("orders", t -> {
                    t.id();
                    t.col("user_id", BIGINT);
                    t.fk("fk_orders_users", "user_id", "users");
                })
                .sequence("invoice_seq", 1, 50));
    }

    /** One of each concrete type, in {@link OperationTypes#ALL}'s order of names. */
    public static List<Operation> instances() {
        Schema base = base();
        Table users = table(base, "users");
        Table orders = table(base, "orders");
        Table invoices = SchemaBuilder.schema(s -> s.table("invoices", t -> {
            t.id();
            t.col("total", numeric(12, 2)).notNull();
        })).tables().get(0);
        Column price = column(base, "users", "price");
        Sequence seq = base.sequences().get(0);
        UniqueConstraint unique = users.uniques().get(0);
        Index index = users.indexes().get(0);
        CheckConstraint check = users.checks().get(0);
        ForeignKey fk = orders.foreignKeys().get(0);
        PrimaryKey ordersKey = orders.primaryKey();
        return List.of(
                new AddCheck(null, "users", check),
                new AddColumn(null, "users", col("email", varchar(100)).build()),
                new AddForeignKey(null, "orders", fk),
                new AddPrimaryKey(null, "orders", ordersKey),
                new AddUnique(null, "users", unique),
                new AlterColumn(null, "users", price, col("price", numeric(12, 2)).build()),
                new AlterSequence(seq, new Sequence(null, "invoice_seq", 1, 1, false)),
                new CreateIndex(null, "users", index),
                new CreateSequence(new Sequence(null, "other_seq", 1, 50, false)),
                new CreateTable(invoices),
                new DropCheck(null, "users", check),
                new DropColumn(null, "users", column(base, "users", "note")),
                new DropForeignKey(null, "orders", fk),
                new DropIndex(null, "users", index),
                new DropPrimaryKey(null, "orders", ordersKey),
                new DropSequence(seq),
                new DropTable(invoices),
                new DropUnique(null, "users", unique),
                new RenameColumn(null, "users", "nick", "nickname"),
                new RenameTable(null, "orders", "purchases"),
                new Sql(Map.of(Sql.ANY_DIALECT, List.of("update users set note = 'x'")),
                        Map.of(Sql.ANY_DIALECT, List.of("update users set note = null")), false,
                        List.of(new AddColumn(null, "users", col("tag", varchar(10)).build()))));
    }

    /** A schema {@code op} applies to: the base, or the base with {@code op}'s reverse applied first. */
    public static Schema before(Operation op) {
        try {
            new SchemaState(base()).apply(List.of(op));
            return base();
        } catch (RuntimeException notHere) {
            return new SchemaState(base()).apply(List.of(op.reverse())).toSchema();
        }
    }
}
