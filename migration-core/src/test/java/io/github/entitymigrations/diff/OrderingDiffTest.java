package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertDiff;
import static io.github.entitymigrations.diff.DiffAssertions.assertRoundTrips;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.operations.TeamsAndUsers;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The one ordering step: renames, drop FKs, drops, alters, creates (tables in FK order), add FKs. */
class OrderingDiffTest {

    /** {@code a.b_id -> b} and {@code b.a_id -> a}: a cycle. */
    private static final Consumer<SchemaBuilder> CYCLE = s -> {
        s.table("a", t -> {
            t.id();
            t.col("b_id", BIGINT);
            t.fk("fk_a_b_id", "b_id", "b");
        });
        s.table("b", t -> {
            t.id();
            t.col("a_id", BIGINT);
            t.fk("fk_b_a_id", "a_id", "a");
        });
    };

    /** Table {@code a} without its foreign key, as the cycle-breaking step creates or last drops it. */
    private static final Schema A_WITHOUT_FK = schema(s -> s.table("a", t -> {
        t.id();
        t.col("b_id", BIGINT);
    }));

    private static final ForeignKey A_TO_B = new ForeignKey("fk_a_b_id", List.of("b_id"), null, "b", List.of("id"),
            OnDelete.NO_ACTION);

    @Test
    void newTableIsCreatedAfterTheNewTableItReferences() {
        Schema to = schema(s -> {
            s.table("accounts", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_accounts_user_id", "user_id", "users");
            });
            s.table("users", t -> {
                t.id();
                t.col("parent_id", BIGINT);
                t.fk("fk_users_parent_id", "parent_id", "users");
            });
        });
        assertDiff(schema(), to, new CreateTable(table(to, "users")), new CreateTable(table(to, "accounts")));
    }

    @Test
    void cycleAmongNewTablesIsBrokenByAddingOneForeignKeyAfterBothTables() {
        Schema to = schema(CYCLE);
        Diff diff = assertDiff(schema(), to, new CreateTable(table(A_WITHOUT_FK, "a")),
                new CreateTable(table(to, "b")), new AddForeignKey(null, "a", A_TO_B));
        assertEquals(List.of(new DropForeignKey(null, "a", A_TO_B), new DropTable(table(to, "b")),
                new DropTable(table(A_WITHOUT_FK, "a"))), diff.downgrade());
    }

    @Test
    void droppingTablesInACycleDropsTheForeignKeyFirst() {
        Schema from = schema(CYCLE);
        assertDiff(from, schema(), new DropForeignKey(null, "a", A_TO_B), new DropTable(table(from, "b")),
                new DropTable(table(A_WITHOUT_FK, "a")));
    }

    @Test
    void existingTableReferencingNewTableGetsItsForeignKeyAfterTheTable() {
        Consumer<SchemaBuilder> users = s -> s.table("users", t -> {
            t.id();
            t.col("team_id", BIGINT);
        });
        Schema from = schema(users);
        Schema to = schema(users, s -> {
            s.table("users", t -> t.fk("fk_users_team_id", "team_id", "teams"));
            s.table("teams", t -> {
                t.id();
                t.col("lead_id", BIGINT);
                t.fk("fk_teams_lead_id", "lead_id", "users");
            });
        });
        assertDiff(from, to, new CreateTable(table(to, "teams")), new AddForeignKey(null, "users",
                new ForeignKey("fk_users_team_id", List.of("team_id"), null, "teams", List.of("id"), OnDelete.NO_ACTION)));
    }

    /**
     * A key column changing type under a foreign key (an {@code Integer} id becoming a {@code Long}, with its
     * reference): the foreign key comes off before the columns change and back after, as PostgreSQL and MariaDB need.
     */
    @Test
    void aKeyChangingTypeTakesTheForeignKeysOnItOffAndBack() {
        ForeignKey teamOf = new ForeignKey("fk_users_team_id", List.of("team_id"), null, "teams", List.of("id"),
                OnDelete.NO_ACTION);
        Schema from = TeamsAndUsers.withIds(INTEGER);
        Schema to = TeamsAndUsers.withIds(BIGINT);
        assertDiff(from, to, new DropForeignKey(null, "users", teamOf),
                new AlterColumn(null, "teams", column(from, "teams", "id"), column(to, "teams", "id")),
                new AlterColumn(null, "users", column(from, "users", "team_id"), column(to, "users", "team_id")),
                new AddForeignKey(null, "users", teamOf));
        assertRoundTrips(from, to);
        // Only the type matters: the referencing column becoming NOT NULL keeps the key where it is.
        Schema required = TeamsAndUsers.of(INTEGER, true, true, t -> { });
        assertDiff(from, required, new AlterColumn(null, "users", column(from, "users", "team_id"),
                column(required, "users", "team_id")));
    }

    @Test
    void droppingAReferencedTableDropsTheForeignKeyOfTheSurvivingTableFirst() {
        Consumer<SchemaBuilder> orders = s -> s.table("orders", t -> {
            t.id();
            t.col("user_id", BIGINT);
        });
        Schema from = schema(orders, s -> {
            s.table("orders", t -> t.fk("fk_orders_user_id", "user_id", "users"));
            s.table("users", t -> t.id());
        });
        Schema to = schema(orders);
        assertDiff(from, to, new DropForeignKey(null, "orders", new ForeignKey("fk_orders_user_id",
                List.of("user_id"), null, "users", List.of("id"), OnDelete.NO_ACTION)), new DropTable(table(from, "users")));
    }

    @Test
    void droppingReferencingAndReferencedTablesDropsTheReferencingOneFirst() {
        Schema from = schema(s -> {
            s.table("accounts", t -> t.id());
            s.table("zones", t -> {
                t.id();
                t.col("account_id", BIGINT);
                t.fk("fk_zones_account_id", "account_id", "accounts");
            });
        });
        assertDiff(from, schema(), new DropTable(table(from, "zones")), new DropTable(table(from, "accounts")));
    }

    @Test
    void phasesComeInOneOrder() {
        Schema from = schema(s -> {
            s.table("users", t -> {
                t.id();
                t.col("name", varchar(100));
                t.col("old_name", varchar(10));
                t.col("legacy", INTEGER);
                t.col("team_id", BIGINT);
                t.index("ix_users_legacy", "legacy");
                t.fk("fk_users_team_id", "team_id", "teams");
            });
            s.table("teams", t -> t.id());
            s.sequence("gone_seq", 1, 1);
            s.sequence("users_seq", 1, 1);
        });
        Schema to = schema(s -> {
            s.table("users", t -> {
                t.id();
                t.col("name", varchar(200));
                t.col("new_name", varchar(10)).renamedFrom("old_name");
                t.col("email", varchar(100));
                t.col("group_id", BIGINT);
                t.index("ix_users_email", "email");
                t.fk("fk_users_group_id", "group_id", "groups");
            });
            s.table("groups", t -> t.id());
            s.sequence("users_seq", 1, 50);
            s.sequence("new_seq", 1, 1);
        });
        assertDiff(from, to,
                new RenameColumn(null, "users", "old_name", "new_name"),
                new DropForeignKey(null, "users", table(from, "users").foreignKeys().get(0)),
                new DropTable(table(from, "teams")),
                new DropIndex(null, "users", new Index("ix_users_legacy", List.of("legacy"), false)),
                new DropColumn(null, "users", column(from, "users", "legacy")),
                new DropColumn(null, "users", column(from, "users", "team_id")),
                new DropSequence(new Sequence(null, "gone_seq", 1, 1)),
                new AlterColumn(null, "users", column(from, "users", "name"), column(to, "users", "name")),
                new AlterSequence(new Sequence(null, "users_seq", 1, 1), new Sequence(null, "users_seq", 1, 50)),
                new CreateSequence(new Sequence(null, "new_seq", 1, 1)),
                new AddColumn(null, "users", col("email", varchar(100)).build()),
                new AddColumn(null, "users", col("group_id", BIGINT).build()),
                new CreateIndex(null, "users", new Index("ix_users_email", List.of("email"), false)),
                new CreateTable(table(to, "groups")),
                new AddForeignKey(null, "users", table(to, "users").foreignKeys().get(0)));
    }

    /**
     * A new table's foreign key may reference a column (and its unique constraint) that this same diff adds
     * to an existing table: the column and its key must exist before the table is created.
     */
    @Test
    void newTableReferencingANewColumnOfAnExistingTableIsCreatedAfterThatColumn() {
        Consumer<SchemaBuilder> users = s -> s.table("users", t -> t.id());
        Schema from = schema(users);
        Schema to = schema(users, s -> {
            s.table("users", t -> {
                t.col("code", varchar(20)).notNull().defaultValue("''");
                t.unique("uk_users_code", "code");
            });
            s.table("badges", t -> {
                t.id();
                t.col("user_code", varchar(20));
                t.fk("fk_badges_user_code", List.of("user_code"), "users", List.of("code"), OnDelete.NO_ACTION);
            });
        });
        assertRoundTrips(from, to);
    }

    /**
     * The reverse case: a dropped table's foreign key references a column (and unique constraint) that this
     * same diff drops from a surviving table: the table (or its foreign key) must go first.
     */
    @Test
    void droppedTableReferencingADroppedColumnOfASurvivingTableGoesFirst() {
        Consumer<SchemaBuilder> users = s -> s.table("users", t -> t.id());
        Schema from = schema(users, s -> {
            s.table("users", t -> {
                t.col("code", varchar(20)).notNull().defaultValue("''");
                t.unique("uk_users_code", "code");
            });
            s.table("badges", t -> {
                t.id();
                t.col("user_code", varchar(20));
                t.fk("fk_badges_user_code", List.of("user_code"), "users", List.of("code"), OnDelete.NO_ACTION);
            });
        });
        Schema to = schema(users);
        assertRoundTrips(from, to);
    }
}
