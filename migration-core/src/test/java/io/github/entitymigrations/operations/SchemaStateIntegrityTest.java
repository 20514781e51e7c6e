package io.github.entitymigrations.operations;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replay refuses what a database would refuse, naming what is at fault. */
class SchemaStateIntegrityTest {

    private static final Schema BASE = schema(s -> {
        s.table("users", t -> {
            t.id();
            t.col("name", varchar(100));
            t.col("code", varchar(20)).notNull();
            t.col("status", varchar(10));
            t.col("parent_id", BIGINT);
            t.unique("uk_users_code", "code");
            t.index("ix_users_name", "name");
            t.checkIn("ck_users_status", "status", "A", "B");
            t.fk("fk_users_parent_id", "parent_id", "users");
        });
        s.table("orders", t -> {
            t.id();
            t.col("user_id", BIGINT).notNull();
            t.col("user_code", varchar(20));
            t.fk("fk_orders_user_id", "user_id", "users");
            t.fk("fk_orders_user_code", List.of("user_code"), "users", List.of("code"), OnDelete.NO_ACTION);
        });
        s.sequence("order_seq", 1, 50);
    });

    private static String failure(Operation op) {
        return assertThrows(IllegalStateException.class, () -> new SchemaState(BASE).apply(List.of(op)))
                .getMessage();
    }

    @Test
    void droppingATableStillReferencedByAForeignKeyFails() {
        assertEquals("table users is still referenced by foreign key fk_orders_user_code of orders; drop that first",
                failure(new DropTable(table(BASE, "users"))));
    }

    @Test
    void aSelfReferenceDoesNotKeepATable() {
        Schema alone = schema(s -> s.table("users", t -> {
            t.id();
            t.col("parent_id", BIGINT);
            t.fk("fk_users_parent_id", "parent_id", "users");
        }));
        assertEquals(List.of(), new SchemaState(alone).apply(List.of(new DropTable(table(alone, "users"))))
                .toSchema().tables());
    }

    @Test
    void droppingAColumnUsedByAKeyConstraintOrIndexFails() {
        assertEquals("column users.name is still used by index ix_users_name; drop that first",
                failure(new DropColumn(null, "users", column(BASE, "users", "name"))));
        assertEquals("column users.id is still used by primary key pk_users; drop that first",
                failure(new DropColumn(null, "users", column(BASE, "users", "id"))));
        assertEquals("column users.code is still used by unique constraint uk_users_code; drop that first",
                failure(new DropColumn(null, "users", column(BASE, "users", "code"))));
        assertEquals("column users.status is still used by check constraint ck_users_status; drop that first",
                failure(new DropColumn(null, "users", column(BASE, "users", "status"))));
        assertEquals("column orders.user_id is still used by foreign key fk_orders_user_id; drop that first",
                failure(new DropColumn(null, "orders", column(BASE, "orders", "user_id"))));
    }

    /** A database refuses to drop the key a foreign key of another table depends on. */
    @Test
    void droppingAUniqueConstraintAForeignKeyReferencesFails() {
        String message = failure(new DropUnique(null, "users", new UniqueConstraint("uk_users_code",
                List.of("code"))));
        assertTrue(message.contains("fk_orders_user_code"), message);
    }

    @Test
    void droppingAPrimaryKeyAForeignKeyReferencesFails() {
        String message = failure(new DropPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id"))));
        assertTrue(message.contains("fk_orders_user_id"), message);
    }

    @Test
    void addingAForeignKeyToAMissingTableFails() {
        assertEquals("foreign key fk_orders_customer_id references customers, which does not exist",
                failure(new AddForeignKey(null, "orders", new ForeignKey("fk_orders_customer_id", List.of("user_id"),
                        null, "customers", List.of("id"), OnDelete.NO_ACTION))));
        Schema to = schema(s -> s.table("payments", t -> {
            t.id();
            t.col("invoice_id", BIGINT);
            t.fk("fk_payments_invoice_id", "invoice_id", "invoices");
        }));
        assertEquals("foreign key fk_payments_invoice_id of new table payments references invoices, which does not "
                + "exist (yet)", failure(new CreateTable(table(to, "payments"))));
    }

    @Test
    void addingAForeignKeyToAMissingColumnFails() {
        String message = failure(new AddForeignKey(null, "orders", new ForeignKey("fk_orders_user_ref",
                List.of("user_id"), null, "users", List.of("uuid"), OnDelete.NO_ACTION)));
        assertTrue(message.contains("uuid"), message);
    }

    @Test
    void alteringAColumnWhoseDefinitionDiffersFromTheStepsFails() {
        assertEquals("column users.name is VARCHAR(100) null, but this step expects VARCHAR(80) null",
                failure(new AlterColumn(null, "users", col("name", varchar(80)).build(),
                        col("name", varchar(120)).build())));
        assertEquals("table users has no column nickname", failure(new AlterColumn(null, "users",
                col("nickname", varchar(80)).build(), col("nickname", varchar(120)).build())));
    }

    @Test
    void creatingWhatExistsFails() {
        assertEquals("table users already exists", failure(new CreateTable(table(BASE, "users"))));
        Table upper = new Table(null, "USERS", false, null, List.of(), List.of(col("x", BIGINT).build()), null,
                List.of(), List.of(), List.of(), List.of());
        assertEquals("table USERS already exists", failure(new CreateTable(upper)));
        assertEquals("table users already has column NAME", failure(new AddColumn(null, "users",
                col("NAME", varchar(5)).build())));
        assertEquals("table users already has index ix_users_name", failure(new CreateIndex(null, "users",
                new Index("ix_users_name", List.of("code"), false))));
        assertEquals("table users already has primary key pk_users", failure(new AddPrimaryKey(null, "users",
                new PrimaryKey("pk_other", List.of("code")))));
        assertEquals("sequence order_seq already exists", failure(new CreateSequence(new Sequence(null, "order_seq",
                1, 1))));
        assertEquals("cannot rename users to orders: orders exists", failure(new RenameTable(null, "users", "orders")));
        assertEquals("table users already has column code", failure(new RenameColumn(null, "users", "name", "code")));
    }

    @Test
    void constraintsNamingMissingColumnsFail() {
        assertEquals("unique constraint uk_x names column nope, which table users does not have",
                failure(new AddUnique(null, "users", new UniqueConstraint("uk_x", List.of("nope")))));
        assertEquals("index ix_x names column nope, which table users does not have",
                failure(new CreateIndex(null, "users", new Index("ix_x", List.of("name", "nope"), true))));
        assertEquals("check constraint ck_x names column nope, which table users does not have",
                failure(new AddCheck(null, "users", CheckConstraint.in("ck_x", "nope", List.of("a")))));
        assertEquals("foreign key fk_x names column nope, which table orders does not have",
                failure(new AddForeignKey(null, "orders", new ForeignKey("fk_x", List.of("nope"), null, "users",
                        List.of("id"), OnDelete.NO_ACTION))));
    }

    @Test
    void droppingWhatIsMissingFails() {
        assertEquals("there is no table nope", failure(new DropTable(new Table(null, "nope", false, null, List.of(),
                List.of(), null, List.of(), List.of(), List.of(), List.of()))));
        assertEquals("table users has no column nope", failure(new DropColumn(null, "users", col("nope", BIGINT)
                .build())));
        assertEquals("table users has no index ix_nope", failure(new DropIndex(null, "users",
                new Index("ix_nope", List.of("name"), false))));
        assertEquals("table users has no unique constraint uk_nope", failure(new DropUnique(null, "users",
                new UniqueConstraint("uk_nope", List.of("name")))));
        assertEquals("table users has no check constraint ck_nope", failure(new DropCheck(null, "users",
                CheckConstraint.expression("ck_nope", null, "1 = 1"))));
        assertEquals("table users has no foreign key fk_nope", failure(new DropForeignKey(null, "users",
                new ForeignKey("fk_nope", List.of("parent_id"), null, "users", List.of("id"), OnDelete.NO_ACTION))));
        assertEquals("table orders has no primary key pk_other", failure(new DropPrimaryKey(null, "orders",
                new PrimaryKey("pk_other", List.of("id")))));
        assertEquals("there is no sequence nope_seq", failure(new DropSequence(new Sequence(null, "nope_seq", 1, 1))));
        assertEquals("there is no table nope", failure(new RenameTable(null, "nope", "other")));
        assertEquals("table users has no column nope", failure(new RenameColumn(null, "users", "nope", "other")));
    }

    /** A drop keeps what it drops for its downgrade, so it refuses to drop something else. */
    @Test
    void droppingAColumnOrTableWhoseKeptDefinitionDiffersFails() {
        String column = failure(new DropColumn(null, "users", col("name", varchar(80)).build()));
        assertTrue(column.startsWith("column users.name is VARCHAR(100) null, but this step records it as "
                + "VARCHAR(80) null"), column);
        Table other = new Table(null, "orders", false, null, List.of(), List.of(col("id", BIGINT).notNull().build()),
                null, List.of(), List.of(), List.of(), List.of());
        String table = failure(new DropTable(other));
        assertTrue(table.startsWith("table orders is not as this step records it"), table);
    }

    @Test
    void aStepWithoutARequiredFieldNamesIt() {
        assertEquals("add_column needs \"table\"", assertThrows(IllegalArgumentException.class,
                () -> new AddColumn(null, null, col("x", BIGINT).build())).getMessage());
        assertEquals("add_column needs \"column\"", assertThrows(IllegalArgumentException.class,
                () -> new AddColumn(null, "users", null)).getMessage());
        assertEquals("alter_column needs \"to\"", assertThrows(IllegalArgumentException.class,
                () -> new AlterColumn(null, "users", col("x", BIGINT).build(), null)).getMessage());
        assertEquals("create_table needs \"table\"", assertThrows(IllegalArgumentException.class,
                () -> new CreateTable(null)).getMessage());
    }

    @Test
    void alteringASequenceWhoseDefinitionDiffersFails() {
        String message = failure(new AlterSequence(new Sequence(null, "order_seq", 1, 10),
                new Sequence(null, "order_seq", 1, 1)));
        assertTrue(message.startsWith("sequence order_seq is "), message);
    }

    @Test
    void alterOperationsCannotRename() {
        assertEquals("alter_column cannot rename (a -> b); use rename_column", assertThrows(
                IllegalArgumentException.class, () -> new AlterColumn(null, "t", col("a", BIGINT).build(),
                        col("b", BIGINT).build())).getMessage());
        assertEquals("alter_sequence cannot rename s1", assertThrows(IllegalArgumentException.class,
                () -> new AlterSequence(new Sequence(null, "s1", 1, 1), new Sequence(null, "s2", 1, 1))).getMessage());
    }

    @Test
    void namesMatchCaseInsensitively() {
        Schema after = new SchemaState(BASE).apply(List.of(new AddColumn(null, "USERS", col("email", varchar(9))
                .build()), new RenameTable(null, "Users", "Users"), new DropIndex(null, "users",
                new Index("IX_USERS_NAME", List.of("name"), false)))).toSchema();
        Table users = after.tables().stream().filter(t -> t.name().equals("Users")).findFirst().orElseThrow();
        assertNotNull(users.column("EMAIL"));
        assertEquals(List.of(), users.indexes());
    }

    @Test
    void operationsKeepNeitherJavaSourcesNorRenameHints() {
        Column hinted = col("full_name", varchar(10)).renamedFrom("name").build();
        Table table = new Table(null, "people", false, "persons", List.of("com.example.Person"), List.of(hinted),
                null, List.of(), List.of(), List.of(), List.of());
        Table created = new CreateTable(table).table();
        assertEquals(List.of(), created.sources());
        assertNull(created.renamedFrom());
        assertNull(created.columns().get(0).renamedFrom());
        assertNull(new AddColumn(null, "people", hinted).column().renamedFrom());
        assertNull(new DropColumn(null, "people", hinted).column().renamedFrom());
        assertNull(new AlterColumn(null, "people", hinted, hinted).from().renamedFrom());
    }

    @Test
    void destructiveOperationsSayYes() {
        assertTrue(new DropTable(table(BASE, "orders")).isDestructive());
        assertTrue(new DropColumn(null, "users", column(BASE, "users", "name")).isDestructive());
        assertTrue(new AlterColumn(null, "users", col("name", varchar(100)).build(), col("name", varchar(10)).build())
                .isDestructive());
        assertEquals(false, new AlterColumn(null, "users", col("name", varchar(10)).build(),
                col("name", varchar(100)).build()).isDestructive());
        assertEquals(false, new AddColumn(null, "users", col("x", BIGINT).build()).isDestructive());
        assertEquals(false, new RenameTable(null, "a", "b").isDestructive());
    }
}
