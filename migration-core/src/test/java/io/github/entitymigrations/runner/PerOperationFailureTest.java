package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.runner.FailureInjectionTest.State;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.UniqueConstraint;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every operation kind: a fault right after that step (a failing statement as the next step) leaves the
 * database exactly as before the migration (schema, version table and every row of the {@link CatalogModel} at
 * head), and the migration without the fault then applies once and gives the schema it says. On PostgreSQL
 * (one database for the class) and SQLite.
 */
class PerOperationFailureTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String BAD = "insert into no_such_table (id) values (1)";

    @TempDir
    Path tmp;

    /** An operation kind and the steps that exercise it on the catalog at head, that kind last. */
    record Case(String kind, Function<MigrationHistory, List<Operation>> steps) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("create_table", h -> List.of(new CreateTable(table("note", t -> {
                t.id();
                t.col("text", varchar(100));
            })))),
            new Case("drop_table", h -> List.of(new DropTable(h.table("event_log")))),
            new Case("rename_table", h -> List.of(new RenameTable(null, "order_line", "line_item"))),
            new Case("add_column", h -> List.of(new AddColumn(null, "customer", column("phone2", varchar(30), true,
                    null)))),
            new Case("drop_column", h -> List.of(new DropColumn(null, "customer", h.column("customer", "phone")))),
            new Case("alter_column", h -> List.of(new AlterColumn(null, "purchase_order",
                    h.column("purchase_order", "total"), changed(h.column("purchase_order", "total"), numeric(16, 2),
                            true, null)))),
            new Case("rename_column", h -> List.of(new RenameColumn(null, "customer", "full_name", "display_name"))),
            new Case("drop_primary_key", h -> List.of(new DropPrimaryKey(null, "order_line",
                    h.table("order_line").primaryKey()))),
            new Case("add_primary_key", h -> List.of(new DropPrimaryKey(null, "order_line",
                    h.table("order_line").primaryKey()), new AddPrimaryKey(null, "order_line",
                    new PrimaryKey("pk_order_line_again", List.of("order_id", "line_no"))))),
            new Case("add_unique", h -> List.of(new AddUnique(null, "purchase_order",
                    new UniqueConstraint("uk_order_reference", List.of("reference"))))),
            new Case("drop_unique", h -> List.of(new DropUnique(null, "customer",
                    new UniqueConstraint("uk_customer_mail", List.of("email"))))),
            new Case("create_index", h -> List.of(new CreateIndex(null, "customer",
                    new Index("ix_customer_email", List.of("email"), false)))),
            new Case("drop_index", h -> List.of(new DropIndex(null, "purchase_order",
                    new Index("ix_order_status_total", List.of("status", "total"), false)))),
            new Case("add_check", h -> List.of(new AddCheck(null, "customer",
                    CheckConstraint.expression("ck_customer_loyalty", null, "loyalty >= 0")))),
            new Case("drop_check", h -> List.of(new DropCheck(null, "purchase_order", h.table("purchase_order")
                    .checks().stream().filter(c -> c.name().equals("ck_order_total")).findFirst().orElseThrow()))),
            new Case("add_foreign_key", h -> List.of(new AddForeignKey(null, "order_line", new ForeignKey(
                    "fk_line_order_again", List.of("order_id"), null, "purchase_order", List.of("id"), OnDelete.NO_ACTION)))),
            new Case("drop_foreign_key", h -> List.of(new DropForeignKey(null, "order_line", h.table("order_line")
                    .foreignKeys().get(0)))),
            new Case("create_sequence", h -> List.of(new CreateSequence(new Sequence(null, "note_seq", 1, 1)))),
            new Case("drop_sequence", h -> List.of(new DropSequence(new Sequence(null, "order_seq", 1, 10)))),
            new Case("alter_sequence", h -> List.of(new AlterSequence(new Sequence(null, "order_seq", 1, 10),
                    new Sequence(null, "order_seq", 1, 20)))),
            new Case("sql", h -> List.of(sql(List.of("update customer set loyalty = loyalty + 1",
                    "delete from order_line where line_no = 2"), List.of("select 1")))));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.POSTGRESQL, Kind.SQLITE}) {
            for (Case c : CASES) {
                all.add(Arguments.of(kind, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, fault after {1}")
    @MethodSource("cases")
    void aFaultRightAfterTheStepLeavesEverythingAsBeforeAndTheFixedMigrationRunsOnce(Kind kind, Case c)
            throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        List<Operation> steps = new ArrayList<>(c.steps().apply(h));
        List<Operation> faulty = new ArrayList<>(steps);
        faulty.add(sql(List.of(BAD), List.of("select 1")));
        h.add("fault after " + c.kind(), faulty, Diff.reverse(faulty), false);

        State before = State.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertEquals(before, State.of(db), "a failed migration must change nothing; it said: " + e.getMessage());
        assertTrue(e.getMessage().contains(BAD) && e.getMessage().contains("rolled back"), e.getMessage());

        Path file = h.files().get(h.files().size() - 1);
        MigrationHistory.write(file, MigrationJson.write(new Migration("0006", "0005", "fault after " + c.kind(),
                steps, Diff.reverse(steps), List.of())));
        db.migrator(h.chain()).upgrade("head");
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(6)), db.schema(), "after the fixed " + c.kind());
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"),
                db.versionRows().stream().map(Applied::id).toList());
        assertEquals(List.of(), db.foreignKeyProblems());
    }
}
