package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A STRING enum as a primary key, referenced by a {@code @ManyToOne} ({@code Role} with an {@code @Id
 * @Enumerated(STRING)}, {@code Member.role}). On MariaDB and MySQL, Hibernate makes the key a native {@code enum} and
 * gives the foreign key column the same type; a {@code varchar} column cannot reference an {@code enum} one (errno
 * 150), and neither side changes type under the key. Created, given an enum value, given the foreign key later, each
 * up, down and up again with rows, on every database, checked against what the migrations say.
 */
class EnumKeyReferencesTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** A {@code role} table keyed by its name, a STRING enum, and {@code member} rows referencing it. */
    static Schema rolesAndMembers(boolean foreignKey, String... roles) {
        return schema(s -> s
                .table("role", t -> {
                    t.col("name", varchar(20)).notNull();
                    t.pk("pk_role", "name");
                    t.checkIn("ck_role_name", "name", roles);
                })
                .table("member", t -> {
                    t.id();
                    t.col("role_name", varchar(20));
                    if (foreignKey) {
                        t.index("ix_member_role_name", "role_name");
                        t.fk("fk_member_role_name", List.of("role_name"), "role", List.of("name"),
                                io.github.entitymigrations.schema.OnDelete.NO_ACTION);
                    }
                }));
    }

    private void run(Kind kind, Schema from, Schema to, boolean enforcedAfter) throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"), from, to);
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "created");
        db.execute("insert into role (name) values ('ADMIN'), ('USER')",
                "insert into member (id, role_name) values (1, 'ADMIN'), (2, 'USER'), (3, null)");
        List<String> rows = List.of("1|ADMIN", "2|USER", "3|null");
        for (int i = 0; i < 2; i++) {
            migrator.upgrade("head");
            LiveSchemaAssert.holds(db, migrator, h.schemaAt(2), "changed");
            assertEquals(rows, db.query("select id, role_name from member order by id"));
            if (enforcedAfter) {
                assertThrows(SQLException.class, () -> db.execute(
                        "insert into member (id, role_name) values (9, 'USER2')"), "the foreign key holds");
            }
            migrator.downgrade("0001", true);
            LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "back");
            assertEquals(rows, db.query("select id, role_name from member order by id"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEnumValueIsAddedToAReferencedEnumKey(Kind kind) throws Exception {
        run(kind, rolesAndMembers(true, "ADMIN", "USER"), rolesAndMembers(true, "ADMIN", "GUEST", "USER"), true);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aForeignKeyToAnEnumKeyIsAddedAndDropped(Kind kind) throws Exception {
        run(kind, rolesAndMembers(false, "ADMIN", "USER"), rolesAndMembers(true, "ADMIN", "USER"), true);
    }

    /**
     * An enum value removed while a row still uses it: the upgrade fails, naming it, and leaves the database at the
     * migration before, foreign key and all (on MariaDB and MySQL the change is several statements: the key dropped,
     * both columns changed, the key added back; a failure in their middle must not leave the key dropped).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEnumValueStillInUseIsNotRemoved(Kind kind) throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"),
                rolesAndMembers(true, "ADMIN", "GUEST", "USER"), rolesAndMembers(true, "ADMIN", "USER"));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");
        db.execute("insert into role (name) values ('ADMIN'), ('GUEST'), ('USER')",
                "insert into member (id, role_name) values (1, 'ADMIN'), (2, 'GUEST'), (3, null)");
        Exception failed = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));
        // PostgreSQL and SQLite roll the migration back; MariaDB and MySQL undo what ran, statement by statement.
        assertTrue(failed.getMessage().contains(!kind.isMariaDb() ? "nothing of it was applied"
                : "The database is as before the migration"), failed.getMessage());
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "left as it was");
        assertThrows(SQLException.class, () -> db.execute("insert into member (id, role_name) values (9, 'NONE')"),
                "the foreign key holds");
        db.execute("delete from member where id = 2", "delete from role where name = 'GUEST'");
        migrator.upgrade("head");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(2), "changed once the value is unused");
        assertEquals(List.of("1|ADMIN", "3|null"), db.query("select id, role_name from member order by id"));
    }

    /**
     * A failed run undoing an applied step of several statements statement by statement, one of whose inverses
     * fails (a data step after it wrote a role the old {@code enum} does not hold, and its undo leaves the row): the
     * error names the statements still in effect and gives their inverses, not the step's whole reverse, whose first
     * statements were already undone and would fail.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void anInverseFailingWhileAFailedRunUndoesNamesTheStatementsLeft(Kind kind) throws Exception {
        Schema from = rolesAndMembers(true, "ADMIN", "USER");
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        Diff create = SchemaDiff.diff(new Schema(NamingStrategy.JPA, List.of(), List.of()), from);
        h.add("create", create.upgrade(), create.downgrade(), false);
        Operation dropCheck = SchemaDiff.diff(from, rolesAndMembers(true, "ADMIN", "GUEST", "USER")).upgrade().get(0);
        assertTrue(dropCheck instanceof DropCheck, dropCheck.describe());
        List<Operation> upgrade = List.of(dropCheck,
                MigrationHistory.sql(List.of("insert into role (name) values ('OTHER')"), List.of("select 1")),
                MigrationHistory.sql(List.of("insert into no_such_table values (1)"), List.of("select 1")));
        h.add("change", upgrade, Diff.reverse(upgrade), false);
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");

        String message = assertThrows(MigrationException.class, () -> migrator.upgrade("head")).getMessage();
        assertTrue(message.contains("Undoing stopped at step 1 (drop check constraint ck_role_name on role): undoing "
                + "its statements one by one, newest first, failed at the inverse of statement 2 ("), message);
        assertTrue(message.contains("Still applied: statements 1 to 2 of step 1 (drop check constraint ck_role_name on "
                + "role) (its other statements were undone one by one). The version table does not record 0002. "
                + "Their generated undo, newest first:\n"
                + "    alter table role modify column name enum ('ADMIN','USER') not null;\n"
                + "    alter table member add constraint fk_member_role_name foreign key (role_name) references role "
                + "(name);\nTo finish: "), message);

        // As the error says: the row removed, the two inverses run; the database is then as before the migration.
        db.execute("delete from role where name = 'OTHER'",
                "alter table role modify column name enum ('ADMIN','USER') not null",
                "alter table member add constraint fk_member_role_name foreign key (role_name) references role (name)");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "as before the migration once the error's fix is run");
        assertEquals(1, db.appliedIds().size(), "0002 not recorded");
    }
}
