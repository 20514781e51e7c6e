package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertDiff;
import static io.github.entitymigrations.diff.DiffAssertions.assertRoundTrips;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Differ fixtures for keys, constraints, indexes and foreign keys on tables that exist on both sides. */
class ConstraintDiffTest {

    private static final Consumer<SchemaBuilder> BASE = s -> {
        s.table("users", t -> {
            t.id();
            t.col("code", varchar(20)).notNull();
            t.col("email", varchar(200));
            t.col("name", varchar(100));
            t.col("status", varchar(10));
            t.col("rating", INTEGER);
        });
        s.table("orders", t -> {
            t.id();
            t.col("user_id", BIGINT).notNull();
            t.col("total", numeric(10, 2));
        });
    };

    private static Schema base(Consumer<SchemaBuilder> extra) {
        return schema(BASE, extra);
    }

    private static final Schema PLAIN = schema(BASE);

    @Test
    void createsIndex() {
        Schema to = base(s -> s.table("users", t -> t.index("ix_users_name_email", "name", "email")));
        Diff diff = assertDiff(PLAIN, to, new CreateIndex(null, "users",
                new Index("ix_users_name_email", List.of("name", "email"), false)));
        assertEquals("create index ix_users_name_email on users (name, email)", diff.upgrade().get(0).describe());
    }

    @Test
    void createsUniqueIndex() {
        Schema to = base(s -> s.table("users", t -> t.uniqueIndex("ix_users_email", "email")));
        Diff diff = assertDiff(PLAIN, to, new CreateIndex(null, "users",
                new Index("ix_users_email", List.of("email"), true)));
        assertEquals("create unique index ix_users_email on users (email)", diff.upgrade().get(0).describe());
    }

    @Test
    void dropsIndex() {
        Schema from = base(s -> s.table("users", t -> t.uniqueIndex("ix_users_email", "email")));
        assertDiff(from, PLAIN, new DropIndex(null, "users", new Index("ix_users_email", List.of("email"), true)));
    }

    @Test
    void indexWithReorderedColumnsOrNowUniqueIsReplaced() {
        Schema from = base(s -> s.table("users", t -> t.index("ix_users_a", "name", "email")));
        Schema reordered = base(s -> s.table("users", t -> t.index("ix_users_a", "email", "name")));
        assertDiff(from, reordered,
                new DropIndex(null, "users", new Index("ix_users_a", List.of("name", "email"), false)),
                new CreateIndex(null, "users", new Index("ix_users_a", List.of("email", "name"), false)));
        Schema unique = base(s -> s.table("users", t -> t.uniqueIndex("ix_users_a", "name", "email")));
        assertDiff(from, unique,
                new DropIndex(null, "users", new Index("ix_users_a", List.of("name", "email"), false)),
                new CreateIndex(null, "users", new Index("ix_users_a", List.of("name", "email"), true)));
    }

    @Test
    void addsAndDropsUniqueConstraint() {
        Schema to = base(s -> s.table("users", t -> t.unique("uk_users_code_email", "code", "email")));
        UniqueConstraint unique = new UniqueConstraint("uk_users_code_email", List.of("code", "email"));
        Diff diff = assertDiff(PLAIN, to, new AddUnique(null, "users", unique));
        assertEquals("add unique constraint uk_users_code_email on users (code, email)",
                diff.upgrade().get(0).describe());
        assertDiff(to, PLAIN, new DropUnique(null, "users", unique));
    }

    @Test
    void addsAndDropsEnumCheck() {
        Schema to = base(s -> s.table("users", t -> t.checkIn("ck_users_status", "status", "ACTIVE", "BLOCKED")));
        CheckConstraint check = CheckConstraint.in("ck_users_status", "status", List.of("ACTIVE", "BLOCKED"));
        Diff diff = assertDiff(PLAIN, to, new AddCheck(null, "users", check));
        assertEquals("add check constraint ck_users_status on users (status in ('ACTIVE', 'BLOCKED'))",
                diff.upgrade().get(0).describe());
        assertDiff(to, PLAIN, new DropCheck(null, "users", check));
    }

    @Test
    void newEnumValueReplacesTheCheck() {
        Schema from = base(s -> s.table("users", t -> t.checkIn("ck_users_status", "status", "ACTIVE", "BLOCKED")));
        Schema to = base(s -> s.table("users", t -> t.checkIn("ck_users_status", "status", "ACTIVE", "BLOCKED",
                "DELETED")));
        assertDiff(from, to,
                new DropCheck(null, "users", CheckConstraint.in("ck_users_status", "status",
                        List.of("ACTIVE", "BLOCKED"))),
                new AddCheck(null, "users", CheckConstraint.in("ck_users_status", "status",
                        List.of("ACTIVE", "BLOCKED", "DELETED"))));
    }

    @Test
    void ordinalRangeAndExpressionChecks() {
        Schema to = base(s -> s.table("users", t -> {
            t.checkBetween("ck_users_rating", "rating", 0, 4);
            t.checkExpression("ck_users_mail", "email like '%@%'");
        }));
        assertDiff(PLAIN, to,
                new AddCheck(null, "users", CheckConstraint.expression("ck_users_mail", null, "email like '%@%'")),
                new AddCheck(null, "users", CheckConstraint.between("ck_users_rating", "rating", 0, 4)));
    }

    @Test
    void addsForeignKeyWithOnDeleteCascade() {
        Schema to = base(s -> s.table("orders", t -> t.fk("fk_orders_user_id", List.of("user_id"), "users",
                List.of("id"), OnDelete.CASCADE)));
        ForeignKey fk = new ForeignKey("fk_orders_user_id", List.of("user_id"), null, "users", List.of("id"),
                OnDelete.CASCADE);
        Diff diff = assertDiff(PLAIN, to, new AddForeignKey(null, "orders", fk));
        assertEquals("add foreign key fk_orders_user_id on orders (user_id) -> users (id) on delete CASCADE",
                diff.upgrade().get(0).describe());
        assertDiff(to, PLAIN, new DropForeignKey(null, "orders", fk));
    }

    @Test
    void changedOnDeleteReplacesTheForeignKey() {
        Schema from = base(s -> s.table("orders", t -> t.fk("fk_orders_user_id", "user_id", "users")));
        Schema to = base(s -> s.table("orders", t -> t.fk("fk_orders_user_id", List.of("user_id"), "users",
                List.of("id"), OnDelete.CASCADE)));
        assertDiff(from, to,
                new DropForeignKey(null, "orders", new ForeignKey("fk_orders_user_id", List.of("user_id"), null,
                        "users", List.of("id"), OnDelete.NO_ACTION)),
                new AddForeignKey(null, "orders", new ForeignKey("fk_orders_user_id", List.of("user_id"), null,
                        "users", List.of("id"), OnDelete.CASCADE)));
    }

    @Test
    void addsColumnThenItsConstraintsThenItsForeignKey() {
        Schema to = base(s -> s.table("orders", t -> {
            t.col("buyer_id", BIGINT);
            t.unique("uk_orders_buyer_id", "buyer_id");
            t.index("ix_orders_buyer_id", "buyer_id");
            t.fk("fk_orders_buyer_id", "buyer_id", "users");
        }));
        assertDiff(PLAIN, to,
                new AddColumn(null, "orders", col("buyer_id", BIGINT).build()),
                new AddUnique(null, "orders", new UniqueConstraint("uk_orders_buyer_id", List.of("buyer_id"))),
                new CreateIndex(null, "orders", new Index("ix_orders_buyer_id", List.of("buyer_id"), false)),
                new AddForeignKey(null, "orders", new ForeignKey("fk_orders_buyer_id", List.of("buyer_id"), null,
                        "users", List.of("id"), OnDelete.NO_ACTION)));
    }

    @Test
    void dropsForeignKeyAndConstraintsBeforeTheirColumn() {
        Schema from = base(s -> s.table("orders", t -> {
            t.col("buyer_id", BIGINT);
            t.index("ix_orders_buyer_id", "buyer_id");
            t.fk("fk_orders_buyer_id", "buyer_id", "users");
        }));
        assertDiff(from, PLAIN,
                new DropForeignKey(null, "orders", new ForeignKey("fk_orders_buyer_id", List.of("buyer_id"), null,
                        "users", List.of("id"), OnDelete.NO_ACTION)),
                new DropIndex(null, "orders", new Index("ix_orders_buyer_id", List.of("buyer_id"), false)),
                new DropColumn(null, "orders", column(from, "orders", "buyer_id")));
    }

    /**
     * Constraints are paired by content and keep their old name, so when the old name of a renamed index is
     * taken by a new index on other columns (explicit {@code @Index(name)}), the kept one must not clash with it.
     */
    @Test
    void newIndexTakingTheOldNameOfARenamedIndexDoesNotClash() {
        Schema from = base(s -> s.table("users", t -> t.index("idx_users", "email")));
        Schema to = base(s -> s.table("users", t -> {
            t.index("idx_users_email", "email");
            t.index("idx_users", "name");
        }));
        assertRoundTrips(from, to);
    }

    @Test
    void changesPrimaryKey() {
        Schema to = base(s -> s.table("users", t -> t.pk("pk_users", "code")));
        assertDiff(PLAIN, to,
                new DropPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id"))),
                new AddPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("code"))));
        Schema composite = base(s -> s.table("users", t -> t.pk("pk_users", "id", "code")));
        assertDiff(PLAIN, composite,
                new DropPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id"))),
                new AddPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id", "code"))));
    }

    @Test
    void addsAndDropsPrimaryKey() {
        Consumer<SchemaBuilder> log = s -> s.table("log", t -> t.col("line", varchar(100)).notNull());
        Schema without = schema(log);
        Schema with = schema(log, s -> s.table("log", t -> t.pk("pk_log", "line")));
        assertDiff(without, with, new AddPrimaryKey(null, "log", new PrimaryKey("pk_log", List.of("line"))));
        assertDiff(with, without, new DropPrimaryKey(null, "log", new PrimaryKey("pk_log", List.of("line"))));
    }

    @Test
    void primaryKeyMovesToNewColumn() {
        Consumer<SchemaBuilder> base = s -> s.table("tag", t -> t.col("label", varchar(50)).notNull());
        Schema from = schema(base, s -> s.table("tag", t -> {
            t.col("id", INTEGER).notNull();
            t.pk("pk_tag", "id");
        }));
        Schema to = schema(base, s -> s.table("tag", t -> {
            t.col("uuid", varchar(36)).notNull();
            t.pk("pk_tag", "uuid");
        }));
        assertDiff(from, to,
                new DropPrimaryKey(null, "tag", new PrimaryKey("pk_tag", List.of("id"))),
                new DropColumn(null, "tag", column(from, "tag", "id")),
                new AddColumn(null, "tag", col("uuid", varchar(36)).notNull().build()),
                new AddPrimaryKey(null, "tag", new PrimaryKey("pk_tag", List.of("uuid"))));
    }
}
