package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertDiff;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What must not produce any operation. */
class NoChurnDiffTest {

    /** The same tables, with every constraint name given by {@code prefix}. */
    private static Schema named(String prefix) {
        return schema(s -> {
            s.table("users", t -> {
                t.col("id", BIGINT).notNull();
                t.pk(prefix + "pk", "id");
                t.col("email", varchar(200)).notNull();
                t.col("status", varchar(10));
                t.col("rating", INTEGER);
                t.col("manager_id", BIGINT);
                t.unique(prefix + "uk", "email");
                t.index(prefix + "ix", "status", "email");
                t.uniqueIndex(prefix + "uix", "rating");
                t.checkIn(prefix + "ck_status", "status", "A", "B");
                t.checkBetween(prefix + "ck_rating", "rating", 0, 5);
                t.fk(prefix + "fk", "manager_id", "users");
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT).notNull();
                t.fk(prefix + "fk_user", List.of("user_id"), "users", List.of("id"), OnDelete.CASCADE);
            });
        });
    }

    @Test
    void sameSchemaGivesEmptyDiff() {
        Diff diff = assertDiff(named("a_"), named("a_"));
        assertEquals(List.of(), diff.warnings());
    }

    @Test
    void renamingOnlyConstraintsGivesEmptyDiff() {
        assertDiff(named("old_"), named("new_"));
    }

    @Test
    void columnOrderAndJavaSourcesGiveEmptyDiff() {
        Table users = named("a_").tables().stream().filter(t -> t.name().equals("users")).findFirst().orElseThrow();
        List<Column> shuffled = new ArrayList<>(users.columns());
        Collections.reverse(shuffled);
        Table reordered = new Table(null, "users", false, null, List.of("com.example.User", "com.example.Base"),
                shuffled, users.primaryKey(), users.uniques(), users.indexes(), users.checks(), users.foreignKeys());
        Schema from = named("a_");
        List<Table> tables = new ArrayList<>(from.tables());
        tables.replaceAll(t -> t.name().equals("users") ? reordered : t);
        assertDiff(from, new Schema(NamingStrategy.SPRING, tables, from.sequences()));
    }

    @Test
    void uniqueConstraintColumnOrderGivesEmptyDiff() {
        Schema from = schema(s -> s.table("t", t -> {
            t.col("a", INTEGER);
            t.col("b", INTEGER);
            t.unique("uk_t", "a", "b");
        }));
        Schema to = schema(s -> s.table("t", t -> {
            t.col("b", INTEGER);
            t.col("a", INTEGER);
            t.unique("uk_t", "b", "a");
        }));
        assertDiff(from, to);
    }

    @Test
    void caseOnlyNameDifferencesGiveEmptyDiff() {
        Schema lower = schema(s -> {
            s.table("users", t -> {
                t.id();
                t.col("email", varchar(200));
                t.unique("uk_users_email", "email");
                t.index("ix_users_email", "email");
                t.checkExpression("ck_users_email", "email like '%@%'");
            });
            s.table("orders", t -> {
                t.id();
                t.col("user_id", BIGINT);
                t.fk("fk_orders_user_id", "user_id", "users");
            });
            s.sequence("order_seq", 1, 50);
        });
        Schema upper = schema(s -> {
            s.table("Users", t -> {
                t.col("ID", BIGINT).notNull();
                t.pk("PK_USERS", "ID");
                t.col("Email", varchar(200));
                t.unique("UK_Users_Email", "Email");
                t.index("IX_Users_Email", "EMAIL");
                t.checkExpression("CK_USERS_EMAIL", "email like '%@%'");
            });
            s.table("ORDERS", t -> {
                t.col("Id", BIGINT).notNull();
                t.pk("pk_orders", "Id");
                t.col("User_Id", BIGINT);
                t.fk("FK_orders_user_id", List.of("USER_ID"), "USERS", List.of("Id"), OnDelete.NO_ACTION);
            });
            s.sequence("ORDER_SEQ", 1, 50);
        });
        assertDiff(lower, upper);
        assertDiff(upper, lower);
    }

    @Test
    void staleRenameHintsGiveEmptyDiff() {
        Schema applied = schema(s -> s.table("accounts", t -> {
            t.id();
            t.col("full_name", varchar(100));
        }));
        Schema snapshot = schema(s -> s.table("accounts", t -> {
            t.id();
            t.renamedFrom("users");
            t.col("full_name", varchar(100)).renamedFrom("name");
        }));
        assertDiff(applied, snapshot);
    }
}
