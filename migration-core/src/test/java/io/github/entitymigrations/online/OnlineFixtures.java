package io.github.entitymigrations.online;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;

import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.function.Consumer;

/**
 * Changes to existing tables with rows, each of which the online form writes differently from the simple one: an
 * index, a unique index, a foreign key, a check, NOT NULL on an existing column, and a mix with a new table.
 */
public final class OnlineFixtures {

    /** The tables before every change; {@link #ROWS} fill them with rows every change accepts. */
    public static final Consumer<SchemaBuilder> BASE = base();

    /** The tables, with {@code notNull} columns of {@code customer} made NOT NULL. */
    private static Consumer<SchemaBuilder> base(String... notNull) {
        List<String> required = List.of(notNull);
        return s -> {
            s.table("region", t -> {
                t.id();
                t.col("name", varchar(40));
            });
            s.table("customer", t -> {
                t.id();
                column(t.col("name", varchar(50)), required);
                column(t.col("email", varchar(100)), required);
                t.col("region_id", BIGINT);
                t.col("status", INTEGER);
                column(t.col("Select", INTEGER).quoted(), required);
            });
        };
    }

    private static void column(SchemaBuilder.ColumnBuilder c, List<String> notNull) {
        if (notNull.contains(c.build().name())) {
            c.notNull();
        }
    }

    public static final List<String> ROWS = List.of("insert into region (id, name) values (1, 'North'), (2, 'South')",
            "insert into customer (id, name, email, region_id, status, \"Select\") values "
                    + "(1, 'Ann', 'ann@example.com', 1, 0, 1), (2, 'Bob', 'bob@example.com', 2, 3, 2)");

    /** A name and the schema the entities then have. */
    public record Change(String name, Schema after) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static Schema before() {
        return SchemaBuilder.schema(BASE);
    }

    public static List<Change> all() {
        return List.of(
                change("index", s -> s.table("customer", t -> t.index("ix_customer_name", "name"))),
                change("unique index", s -> s.table("customer", t -> t.uniqueIndex("ux_customer_email", "email"))),
                change("foreign key", s -> s.table("customer", t -> t.fk("fk_customer_region", "region_id", "region"))),
                change("check", s -> s.table("customer", t -> t.checkBetween("ck_customer_status", "status", 0, 3))),
                new Change("not null", SchemaBuilder.schema(base("name"))),
                new Change("not null on a quoted column", SchemaBuilder.schema(base("Select"))),
                new Change("mix with a new table", SchemaBuilder.schema(base("email"), s -> {
                    s.table("customer", t -> {
                        t.index("ix_customer_status", "status");
                        t.fk("fk_customer_region", "region_id", "region");
                    });
                    s.table("orders", t -> {
                        t.id();
                        t.col("customer_id", BIGINT).notNull();
                        t.fk("fk_orders_customer", "customer_id", "customer");
                        t.index("ix_orders_customer", "customer_id");
                    });
                })));
    }

    private static Change change(String name, Consumer<SchemaBuilder> part) {
        return new Change(name, SchemaBuilder.schema(BASE, part));
    }

    private OnlineFixtures() {
    }
}
