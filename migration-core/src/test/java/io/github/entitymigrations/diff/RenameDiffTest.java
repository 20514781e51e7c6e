package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertDiff;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Renames come from {@code @RenamedFrom} hints only; the data stays, so they are renames, never drop + add. */
class RenameDiffTest {

    private static Schema users(String table, String hint, String nameColumn, String columnHint) {
        return schema(s -> {
            s.table(table, t -> {
                t.id();
                t.renamedFrom(hint);
                t.col(nameColumn, varchar(100)).notNull().renamedFrom(columnHint);
                t.col("manager_id", BIGINT);
                t.index("ix_users_name", nameColumn);
                t.checkExpression("ck_users_name", "length(name) > 0");
                t.fk("fk_users_manager_id", "manager_id", table);
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_orders_user_id", "user_id", table);
            });
        });
    }

    @Test
    void renamesTableFromHintAndForeignKeysFollow() {
        Schema from = users("users", null, "name", null);
        Schema to = users("accounts", "users", "name", null);
        Diff diff = assertDiff(from, to, new RenameTable(null, "users", "accounts"));
        assertEquals(List.of(new RenameTable(null, "accounts", "users")), diff.downgrade());
        assertEquals(List.of(), diff.warnings());
    }

    @Test
    void renamesColumnFromHintAndKeysIndexesFollow() {
        Schema from = users("users", null, "name", null);
        Schema to = users("users", null, "full_name", "name");
        Diff diff = assertDiff(from, to, new RenameColumn(null, "users", "name", "full_name"));
        assertEquals(List.of(new RenameColumn(null, "users", "full_name", "name")), diff.downgrade());
        assertEquals("rename column users.name to full_name", diff.upgrade().get(0).describe());
    }

    @Test
    void renamesTableAndItsColumnTogether() {
        Schema from = users("users", null, "name", null);
        Schema to = users("accounts", "users", "full_name", "name");
        assertDiff(from, to, new RenameTable(null, "users", "accounts"),
                new RenameColumn(null, "accounts", "name", "full_name"));
    }

    @Test
    void renamesReferencedPrimaryKeyColumnAndReferencingForeignKeysFollow() {
        Schema from = schema(s -> {
            s.table("users", t -> t.id());
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_orders_user_id", "user_id", "users");
            });
        });
        Schema to = schema(s -> {
            s.table("users", t -> {
                t.col("user_key", BIGINT).notNull().renamedFrom("id");
                t.pk("pk_users", "user_key");
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_orders_user_id", List.of("user_id"), "users", List.of("user_key"), OnDelete.NO_ACTION);
            });
        });
        assertDiff(from, to, new RenameColumn(null, "users", "id", "user_key"));
    }

    @Test
    void renamedTableThenAltered() {
        Schema from = users("users", null, "name", null);
        Schema to = schema(s -> {
            s.table("accounts", t -> {
                t.id();
                t.renamedFrom("users");
                t.col("name", varchar(100)).notNull();
                t.col("manager_id", BIGINT);
                t.col("email", varchar(200));
                t.index("ix_users_name", "name");
                t.checkExpression("ck_users_name", "length(name) > 0");
                t.fk("fk_users_manager_id", "manager_id", "accounts");
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_orders_user_id", "user_id", "accounts");
            });
        });
        assertDiff(from, to, new RenameTable(null, "users", "accounts"),
                new AddColumn(null, "accounts", col("email", varchar(200)).build()));
    }

    /**
     * The downgrade is replayed on the entity snapshot, whose column still carries its {@code @RenamedFrom}
     * hint: the reversed alter must accept it (a hint is no part of the column's definition).
     */
    @Test
    void renamedColumnThenAltered() {
        Schema from = users("users", null, "name", null);
        Schema to = schema(s -> {
            s.table("users", t -> {
                t.id();
                t.col("full_name", varchar(300)).notNull().renamedFrom("name");
                t.col("manager_id", BIGINT);
                t.index("ix_users_name", "full_name");
                t.checkExpression("ck_users_name", "length(name) > 0");
                t.fk("fk_users_manager_id", "manager_id", "users");
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk("fk_orders_user_id", "user_id", "users");
            });
        });
        assertDiff(from, to, new RenameColumn(null, "users", "name", "full_name"),
                new AlterColumn(null, "users", col("full_name", varchar(100)).notNull().build(),
                        col("full_name", varchar(300)).notNull().build()));
    }

    /**
     * A name that differs only in case is the same column, so the alter keeps the old spelling; its reverse
     * must still apply to the entity snapshot, which spells the column the new way.
     */
    @Test
    void reCasedColumnThenAltered() {
        Schema from = schema(s -> s.table("users", t -> t.col("status", varchar(10))));
        Schema to = schema(s -> s.table("users", t -> t.col("STATUS", varchar(20))));
        assertDiff(from, to, new AlterColumn(null, "users", col("status", varchar(10)).build(),
                col("status", varchar(20)).build()));
    }

    @Test
    void staleHintsAfterTheRenameWasAppliedAreIgnored() {
        Schema applied = users("accounts", null, "full_name", null);
        Schema snapshot = users("accounts", "users", "full_name", "name");
        assertDiff(applied, snapshot);
    }

    /**
     * A new table whose hint names a table the entities still map: renamed with a new table made under the old name,
     * or a hint copied with the class. Taking it as either would keep the rows in the wrong table; refused, saying
     * both ways out.
     */
    @Test
    void tableHintNamingTableThatIsStillMappedIsRefused() {
        Schema from = schema(s -> s.table("users", t -> t.id()));
        Schema to = schema(s -> {
            s.table("users", t -> t.id());
            s.table("accounts", t -> {
                t.id();
                t.renamedFrom("users");
            });
        });
        MigrationException e = assertThrows(MigrationException.class, () -> SchemaDiff.diff(from, to));
        assertTrue(e.getMessage().startsWith("Table accounts is new and says @RenamedFrom(\"users\"), but an entity "
                + "still maps users"), e.getMessage());
        assertTrue(e.getMessage().contains("remove @RenamedFrom(\"users\")"), e.getMessage());
        assertTrue(e.getMessage().contains("do it in two migrations"), e.getMessage());
    }

    @Test
    void columnHintNamingColumnThatIsStillMappedIsRefused() {
        Schema from = schema(s -> s.table("users", t -> t.col("name", varchar(100))));
        Schema to = schema(s -> s.table("users", t -> {
            t.col("name", varchar(100));
            t.col("display_name", varchar(100)).renamedFrom("name");
        }));
        MigrationException e = assertThrows(MigrationException.class, () -> SchemaDiff.diff(from, to));
        assertTrue(e.getMessage().startsWith("Column users.display_name is new and says @RenamedFrom(\"name\"), but "
                + "an attribute still maps users.name"), e.getMessage());
    }

    /** Renamed, then a new table of the old name in a later migration: two steps, as the refusal says. */
    @Test
    void renamedThenANewTableOfTheOldNameInTwoSteps() {
        Schema from = schema(s -> s.table("users", t -> t.id()));
        Schema renamed = schema(s -> s.table("accounts", t -> {
            t.id();
            t.renamedFrom("users");
        }));
        assertDiff(from, renamed, new RenameTable(null, "users", "accounts"));
        Schema applied = new SchemaState(from).apply(SchemaDiff.diff(from, renamed).upgrade()).toSchema();
        Schema both = schema(s -> {
            s.table("users", t -> t.id());
            s.table("accounts", t -> {
                t.id();
                t.renamedFrom("users");
            });
        });
        // The renamed table's key gives up pk_users to the new table (TakenNames).
        assertEquals(List.of("drop primary key pk_users on accounts", "add primary key pk_accounts on accounts (id)",
                        "create table users (1 columns)"),
                SchemaDiff.diff(applied, both).upgrade().stream().map(o -> o.describe()).toList());
    }

    @Test
    void columnHintNamingNothingIsIgnored() {
        Schema from = schema(s -> s.table("users", t -> t.col("name", varchar(100))));
        Schema to = schema(s -> s.table("users", t -> {
            t.col("name", varchar(100));
            t.col("email", varchar(100)).renamedFrom("mail");
        }));
        assertDiff(from, to, new AddColumn(null, "users", col("email", varchar(100)).build()));
    }

    @Test
    void tableHintNamingNothingIsIgnored() {
        Schema from = schema(s -> s.table("users", t -> t.col("name", varchar(100))));
        Schema to = schema(s -> {
            s.table("users", t -> t.col("name", varchar(100)));
            s.table("tags", t -> {
                t.id();
                t.renamedFrom("labels");
            });
        });
        assertDiff(from, to, new CreateTable(table(to, "tags")));
    }

    @Test
    void hintWithOtherCaseStillRenames() {
        Schema from = schema(s -> s.table("users", t -> t.col("name", varchar(100))));
        Schema to = schema(s -> s.table("people", t -> {
            t.renamedFrom("USERS");
            t.col("full_name", varchar(100)).renamedFrom("Name");
        }));
        assertDiff(from, to, new RenameTable(null, "users", "people"),
                new RenameColumn(null, "people", "name", "full_name"));
    }
}
