package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;

import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.function.Consumer;

/**
 * The schema the SQLite tests change: {@code users} (identity key, unique, check, index, a self-reference)
 * referenced by two tables, {@code orders} (on delete cascade) and {@code reviews}, and a table without a
 * primary key, {@code log}.
 */
final class SqliteFixtures {

    static final Consumer<SchemaBuilder> BASE = s -> {
        s.table("users", t -> {
            t.col("id", BIGINT).notNull().identity();
            t.pk("pk_users", "id");
            t.col("code", varchar(20)).notNull();
            t.col("manager_id", BIGINT);
            t.col("name", varchar(100));
            t.col("status", varchar(10)).notNull().defaultValue("'NEW'");
            t.col("birth_year", INTEGER);
            t.unique("uk_users_code", "code");
            t.index("ix_users_name", "name");
            t.checkIn("ck_users_status", "status", "NEW", "DONE");
            t.fk("fk_users_manager_id", "manager_id", "users");
        });
        s.table("orders", t -> {
            t.id();
            t.col("user_id", BIGINT).notNull();
            t.col("total", numeric(10, 2));
            t.index("ix_orders_user_id", "user_id");
            t.fk("fk_orders_user_id", List.of("user_id"), "users", List.of("id"), OnDelete.CASCADE);
        });
        s.table("reviews", t -> {
            t.id();
            t.col("user_id", BIGINT);
            t.col("stars", INTEGER).notNull();
            t.checkBetween("ck_reviews_stars", "stars", 1, 5);
            t.fk("fk_reviews_user_id", "user_id", "users");
        });
        s.table("log", t -> {
            t.col("line", varchar(100)).notNull();
            t.col("level", INTEGER);
        });
    };

    static final Schema SCHEMA = schema(BASE);

    private SqliteFixtures() {
    }

    @SafeVarargs
    static Schema with(Consumer<SchemaBuilder>... extra) {
        @SuppressWarnings("unchecked")
        Consumer<SchemaBuilder>[] parts = new Consumer[extra.length + 1];
        parts[0] = BASE;
        System.arraycopy(extra, 0, parts, 1, extra.length);
        return schema(parts);
    }
}
