package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several changes to one SQLite table in one migration run as one rebuild, through the runner, on a table with
 * rows, a view and a foreign key: every value kept and converted, the schema exactly what the migrations say
 * (types, indexes, foreign keys), the downgrade one rebuild too that restores the table exactly, and a failure
 * anywhere in the batch leaving everything as before, its message naming the column and the operation.
 */
class SqliteRebuildBatchTest {

    private static final SqliteDialect SQLITE = new SqliteDialect();

    /** What each value of every row is stored as, besides the value. */
    private static final String ROWS = "select id, code, name, typeof(name), qty, typeof(qty), legacy, typeof(legacy), "
            + "category_id from item order by id";

    @TempDir
    Path tmp;

    private TestDatabase db;
    private MigrationHistory h;

    @BeforeEach
    void itemsWithRows() throws SQLException {
        db = TestDatabase.open(Kind.SQLITE, null, tmp);
        h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create tables", new CreateTable(table("category", t -> {
            t.id();
            t.col("title", varchar(50));
        })), new CreateTable(table("item", t -> {
            t.id();
            t.col("code", varchar(20)).notNull();
            t.col("name", varchar(100));
            t.col("qty", varchar(10));
            t.col("legacy", INTEGER);
            t.col("note", varchar(200));
            t.col("category_id", BIGINT);
            t.index("ix_item_name", "name");
        })));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into category (id, title) values (1, 'tools'), (2, 'toys')",
                "insert into item (id, code, name, qty, legacy, note, category_id) values "
                        + "(1, 'a', 'hammer', '12', 7, 'heavy', 1), (2, 'b', 'kite', '0', null, null, 2), "
                        + "(3, 'c', null, null, 1234567, 'n/a', null)",
                "create view item_names as select id, name from item");
    }

    /** A batch of changes to {@code item} and the rows expected after it (of {@link #ROWS}). */
    record Case(String name, Function<MigrationHistory, List<Operation>> ops, List<String> rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static AlterColumn alter(MigrationHistory h, String column, Function<Column, Column> change) {
        Column c = h.column("item", column);
        return new AlterColumn(null, "item", c, change.apply(c));
    }

    private static AlterColumn qtyToInteger(MigrationHistory h) {
        return alter(h, "qty", c -> changed(c, INTEGER, true, null));
    }

    private static AlterColumn legacyToText(MigrationHistory h) {
        return alter(h, "legacy", c -> changed(c, varchar(20), true, null));
    }

    private static final List<String> CONVERTED = List.of(
            "1|a|hammer|text|12|integer|7|text|1",
            "2|b|kite|text|0|integer|null|null|2",
            "3|c|null|null|null|null|1234567|text|null");

    static Stream<Case> cases() {
        return Stream.of(
                new Case("three alter_columns", h -> List.of(qtyToInteger(h), legacyToText(h),
                        alter(h, "name", c -> changed(c, varchar(200), true, null))), CONVERTED),
                new Case("alter_column and drop_column", h -> List.of(qtyToInteger(h),
                        new DropColumn(null, "item", h.column("item", "note")), legacyToText(h)), CONVERTED),
                new Case("alter_column and add_foreign_key", h -> List.of(qtyToInteger(h), legacyToText(h),
                        new AddForeignKey(null, "item", new ForeignKey("fk_item_category", List.of("category_id"), null,
                                "category", List.of("id"), OnDelete.SET_NULL))), CONVERTED),
                new Case("rename_column between alter_columns", h -> List.of(qtyToInteger(h),
                        new RenameColumn(null, "item", "name", "title"),
                        new AlterColumn(null, "item", renamed(h.column("item", "name"), "title"),
                                changed(renamed(h.column("item", "name"), "title"), varchar(150), true, null)),
                        legacyToText(h)), CONVERTED),
                new Case("primary key change and alter_columns", h -> List.of(qtyToInteger(h),
                        new DropPrimaryKey(null, "item", h.table("item").primaryKey()),
                        new AddPrimaryKey(null, "item", new PrimaryKey("pk_item_id_code", List.of("id", "code"))),
                        legacyToText(h)), CONVERTED),
                new Case("alter_column and add_check on the converted values", h -> List.of(qtyToInteger(h),
                        new AddCheck(null, "item", CheckConstraint.expression("ck_item_qty", null, "qty >= 0")),
                        legacyToText(h)), CONVERTED),
                new Case("add_column, alter_columns and create_index", h -> List.of(
                        new AddColumn(null, "item", column("rank", INTEGER, true, null)), qtyToInteger(h),
                        new CreateIndex(null, "item", new Index("ix_item_qty_legacy", List.of("qty", "legacy"), false)),
                        legacyToText(h)), CONVERTED));
    }

    private static Column renamed(Column c, String name) {
        return new Column(name, c.type(), c.nullable(), c.identity(), c.defaultValue(), c.columnDefinition(),
                c.quoted(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneRebuildKeepsEveryRowAndTheDowngradeRestoresTheTableExactly(Case c) throws Exception {
        List<String> schemaBefore = db.schema();
        List<String> rowsBefore = db.query(ROWS.replace("name, typeof(name)", "name, typeof(name), note"));
        List<Operation> ops = c.ops().apply(h);
        h.add(c.name(), ops, Diff.reverse(ops), false);
        String nameColumn = c.name().startsWith("rename") ? "title" : "name";

        assertEquals(1, rebuilds(Planner.upgrade(h.chain(), SQLITE, 1, 2)), "one rebuild on the way up");
        assertEquals(1, rebuilds(Planner.downgrade(h.chain(), SQLITE, 2, 1)), "one rebuild on the way down");

        db.migrator(h.chain()).upgrade("head");
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(2)), db.schema(), "after " + c.name());
        assertEquals(c.rows(), db.query(ROWS.replace("name, typeof(name)", nameColumn + ", typeof(" + nameColumn
                + ")")), "every row, converted");
        assertEquals(List.of(), db.foreignKeyProblems());
        assertEquals(List.of("1|hammer", "2|kite", "3|null"), db.query("select * from item_names order by id"),
                "the view survives the rebuild (and follows a rename)");

        db.migrator(h.chain()).downgrade("-1", true);
        assertEquals(schemaBefore, db.schema(), "the downgrade restores the table exactly");
        List<String> restored = db.query(ROWS.replace("name, typeof(name)", "name, typeof(name), note"));
        assertEquals(c.name().contains("drop_column") ? rowsBefore.stream()
                        .map(r -> r.replace("|heavy|", "|null|").replace("|n/a|", "|null|")).toList() : rowsBefore,
                restored, "every value back as it was stored (a dropped column comes back empty)");
        assertEquals(List.of("1|hammer", "2|kite", "3|null"), db.query("select * from item_names order by id"));
    }

    @Test
    void aValueThatDoesNotConvertFailsTheWholeMigrationNamingItsColumnAndStep() throws Exception {
        db.execute("update item set qty = 'many' where id = 2");
        List<Operation> ops = List.of(legacyToText(h), qtyToInteger(h), alter(h, "name",
                c -> changed(c, varchar(200), true, null)));
        h.add("three changes", ops, Diff.reverse(ops), false);
        FailureInjectionState before = FailureInjectionState.of(db);

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertEquals(before, FailureInjectionState.of(db), "nothing of it applied: " + e.getMessage());
        for (String part : List.of("value 'many' in item.qty cannot become integer", ops.get(1).describe(),
                "steps 1 to 3", "rolled back")) {
            assertTrue(e.getMessage().contains(part), "the message should name " + part + ":\n" + e.getMessage());
        }
    }

    @Test
    void aNullInAColumnBecomingNotNullFailsTheWholeMigrationNamingTheSteps() throws Exception {
        List<Operation> ops = List.of(qtyToInteger(h), alter(h, "note", c -> changed(c, varchar(200), false, null)));
        h.add("note required", ops, Diff.reverse(ops), false);
        FailureInjectionState before = FailureInjectionState.of(db);

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertEquals(before, FailureInjectionState.of(db), "nothing of it applied: " + e.getMessage());
        for (String part : List.of("NOT NULL constraint failed", "steps 1 and 2", "Column note is changed by step 2 ("
                + ops.get(1).describe() + ")", "rolled back")) {
            assertTrue(e.getMessage().contains(part), "the message should name " + part + ":\n" + e.getMessage());
        }
    }

    @Test
    void theSqlScriptShowsTheOneRebuild() {
        List<Operation> ops = List.of(qtyToInteger(h), legacyToText(h));
        h.add("two changes", ops, Diff.reverse(ops), false);
        String script = SqlScript.render(db.database(), h.chain(), "0001", "head", Console.SILENT);
        assertEquals(1, script.split("create table _em_new_item ", -1).length - 1, script);
        assertEquals(1, script.split("-- a table rebuild", -1).length - 1, script);
        assertTrue(script.contains("insert into _em_new_item (id, category_id, code, legacy, name, note, qty) select "
                + "id, category_id, code, legacy, name, note, qty from item"), script);
        String down = SqlScript.render(db.database(), h.chain(), "0002", "0001", Console.SILENT);
        assertEquals(1, down.split("create table _em_new_item ", -1).length - 1, down);
    }

    /** Outside a transaction each step keeps its own rebuild, so each can be undone on its own. */
    @Test
    void aMigrationOutsideATransactionKeepsOneRebuildPerStep() {
        List<Operation> ops = List.of(qtyToInteger(h), legacyToText(h));
        h.add("two changes", ops, Diff.reverse(ops), true);
        assertEquals(2, rebuilds(Planner.upgrade(h.chain(), SQLITE, 1, 2)));
    }

    private static long rebuilds(List<Step> steps) {
        return steps.get(0).statements().stream().filter(SqliteDialect::beginsRebuild).count();
    }

    /** The schema, the version rows and every row of both tables. */
    record FailureInjectionState(List<String> schema, List<Applied> versions, List<String> rows) {
        static FailureInjectionState of(TestDatabase db) throws SQLException {
            List<String> rows = new java.util.ArrayList<>(db.query("select * from item order by id"));
            rows.addAll(db.query("select * from category order by id"));
            rows.addAll(db.query("select type, name, sql from sqlite_master order by name"));
            return new FailureInjectionState(db.schema(), db.versionRows(), rows);
        }
    }
}
