package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A downgrade that would destroy data stops before running anything and lists what would be lost, counted on
 * the database: rows of a dropped table, non-null values of a dropped column, values a narrowed type does not
 * keep; {@code allowDataLoss} runs it anyway, with a warning. With nothing at stake it runs as before.
 * <p>
 * The history: 0001 creates customer (name VARCHAR(40), amount NUMERIC(6,2), qty INTEGER); 0002 adds
 * customer.phone and creates note; 0003 widens the three columns; 0004 renames note to memo and phone to
 * mobile (the counts follow the renames back to the live names).
 */
class DowngradeDataLossTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private MigrationHistory history() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create customer", new CreateTable(table("customer", t -> {
            t.id();
            t.col("name", varchar(40));
            t.col("amount", numeric(6, 2));
            t.col("qty", INTEGER);
        })));
        h.add("phone and notes", new AddColumn(null, "customer", column("phone", varchar(30), true, null)),
                new CreateTable(table("note", t -> {
                    t.id();
                    t.col("text", varchar(100));
                })));
        h.add("widen", widen(h, "name", varchar(100)), widen(h, "amount", numeric(10, 3)), widen(h, "qty", BIGINT));
        h.add("rename", new RenameTable(null, "note", "memo"), new RenameColumn(null, "customer", "phone", "mobile"));
        return h;
    }

    private static Operation widen(MigrationHistory h, String name, io.github.entitymigrations.schema.ColumnType to) {
        var c = h.column("customer", name);
        return new AlterColumn(null, "customer", c, changed(c, to, true, null));
    }

    private static TestDatabase atHead(Kind kind, PostgresDatabase pg, Path tmp, MigrationHistory h, String... rows)
            throws SQLException {
        TestDatabase db = TestDatabase.open(kind, pg, tmp);
        db.migrator(h.chain()).upgrade("head");
        db.execute(rows);
        return db;
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aDroppedTableWithRowsStopsTheDowngrade(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into memo (id, text) values (1, 'a'), (2, 'b')");
        assertRefusedChangingNothing(db, h, "0001", "Downgrading from 0004 to 0001 would destroy data:\n"
                + "  - 0002 drops table note, which has 2 row(s)\n"
                + "Nothing was run. Back it up, or run again with .allowDataLoss(true) to proceed.");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aDroppedColumnWithValuesStopsTheDowngrade(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into customer (id, mobile) values (1, '555'), (2, null), "
                + "(3, '556')");
        assertRefusedChangingNothing(db, h, "0001", "  - 0002 drops column customer.phone, which holds 2 non-null "
                + "value(s)\n");
    }

    /** Longer than 40; NUMERIC(10,3) values too large or rounded by (6,2); a BIGINT outside INTEGER. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aNarrowingWithValuesThatNoLongerFitStopsTheDowngrade(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into customer (id, name, amount, qty) values "
                + "(1, '" + "x".repeat(41) + "', 12345.5, 3000000000), (2, '" + "y".repeat(40) + "', 1.125, 7), "
                + "(3, 'short', 9999.99, -2147483648), (4, null, null, null)");
        String message = assertRefusedChangingNothing(db, h, "-2", "Downgrading from 0004 to 0002 would destroy "
                + "data:\n");
        for (String line : List.of(
                "  - 0003 changes column customer.name from VARCHAR(100) to VARCHAR(40): 1 value(s) longer than 40",
                "  - 0003 changes column customer.amount from NUMERIC(10,3) to NUMERIC(6,2): 2 value(s) too large for "
                        + "NUMERIC(6,2) or rounded by it",
                "  - 0003 changes column customer.qty from BIGINT to INTEGER: 1 value(s) outside INTEGER")) {
            assertTrue(message.contains(line), "expected " + line + " in:\n" + message);
        }
    }

    /**
     * A change to another kind of type converts each value or fails (rolled back): not counted, so text that
     * is a number goes back to INTEGER without a word; but a number other than 0 and 1 becoming a boolean is.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aChangeOfKindIsCountedOnlyWhereItLosesValuesSilently(Kind kind) throws Exception {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("flags", new CreateTable(table("flag", t -> {
            t.id();
            t.col("code", INTEGER);
            t.col("active", io.github.entitymigrations.schema.ColumnType.of("BOOLEAN"));
        })));
        var code = h.column("flag", "code");
        var active = h.column("flag", "active");
        h.add("codes as text", new AlterColumn(null, "flag", code, changed(code, varchar(20), true, null)));
        h.add("active as a number", new AlterColumn(null, "flag", active, changed(active,
                io.github.entitymigrations.schema.ColumnType.of("SMALLINT"), true, null)));
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into flag (id, code, active) values (1, '12', 1), "
                + "(2, '7', 2)");
        assertRefusedChangingNothing(db, h, "-1", "  - 0003 changes column flag.active from SMALLINT to BOOLEAN: 1 "
                + "value(s) other than 0 and 1\n", "flag");
        db.execute("update flag set active = 0 where id = 2");
        db.migrator(h.chain()).downgrade("0001");
        assertEquals(List.of("1|12|t", "2|7|f"), db.query("select id, code, "
                + (kind == Kind.POSTGRESQL ? "active" : "case active when 1 then 't' else 'f' end") + " from flag "
                + "order by id"));
    }

    /** Several migrations: every loss listed, each under the name the column or table has now. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void everyLossOfAMultiStepDowngradeIsListed(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into customer (id, name, mobile) values (1, '"
                + "z".repeat(50) + "', '555')", "insert into memo (id, text) values (1, 'a')");
        String message = assertRefusedChangingNothing(db, h, "base", "Downgrading from 0004 to base would destroy "
                + "data:\n");
        assertEquals(List.of("  - 0003 changes column customer.name from VARCHAR(100) to VARCHAR(40): 1 value(s) "
                        + "longer than 40", "  - 0002 drops table note, which has 1 row(s)",
                "  - 0002 drops column customer.phone, which holds 1 non-null value(s)", "  - 0001 drops table customer, which has 1 row(s)"),
                message.lines().filter(l -> l.startsWith("  - ")).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void withNothingAtStakeItRunsWithoutAWord(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into customer (id, name, amount, qty) values "
                + "(1, '" + "y".repeat(40) + "', 9999.99, 2147483647)");
        RecordingConsole console = new RecordingConsole();
        db.migrator(h.chain(), console).downgrade("0002");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        assertEquals(List.of("1|" + "y".repeat(40) + "|2147483647"), db.query("select id, name, qty from customer"));
        assertEquals(0, console.count("WARNING"), console.toString());
        assertEquals(0, console.count("destroy"), console.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void allowDataLossRunsItAndSaysWhatWasLost(Kind kind) throws Exception {
        MigrationHistory h = history();
        TestDatabase db = atHead(kind, PG, tmp, h, "insert into customer (id, mobile) values (1, '555')",
                "insert into memo (id, text) values (1, 'a'), (2, 'b')");
        RecordingConsole console = new RecordingConsole();
        db.migrator(h.chain(), console).downgrade("0001", true);
        assertEquals(List.of("0001"), db.appliedIds());
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(1)), db.schema(), "at 0001");
        assertEquals(1, console.count("WARNING: Downgrading from 0004 to 0001 destroys data (allowed by "
                + "allowDataLoss):\n  - 0002 drops table note, which has 2 row(s)\n"
                + "  - 0002 drops column customer.phone, which holds 1 non-null value(s)"), console.toString());
    }

    /**
     * A column the downgrade itself adds back (0006 reverts a drop) and a sql step then fills: what it holds
     * when 0005 drops it again cannot be counted before running.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aColumnTheDowngradeRefillsCannotBeCountedSoItStops(Kind kind) throws Exception {
        MigrationHistory h = history();
        h.add("add nickname", new AddColumn(null, "customer", column("nickname", varchar(30), true, null)));
        List<Operation> up = List.of(sql(List.of("update customer set name = nickname"),
                List.of("update customer set nickname = name")),
                new io.github.entitymigrations.operations.DropColumn(null, "customer", h.column("customer", "nickname")));
        h.add("drop nickname", up, Diff.reverse(up), false);
        TestDatabase db = atHead(kind, PG, tmp, h);
        assertRefusedChangingNothing(db, h, "0004", "  - 0005 drops column customer.nickname, which this downgrade "
                + "creates earlier and a sql step after that may fill: it cannot be counted before running\n");
        h.add("noop", sql(List.of("select 1"), List.of("select 1")));
        db.migrator(h.chain()).upgrade("head");
        db.migrator(h.chain()).downgrade("0005"); // re-added column, no sql step after: nothing lost, runs
    }

    private static String assertRefusedChangingNothing(TestDatabase db, MigrationHistory h, String target,
                                                       String expected) throws SQLException {
        return assertRefusedChangingNothing(db, h, target, expected, "customer");
    }

    private static String assertRefusedChangingNothing(TestDatabase db, MigrationHistory h, String target,
                                                       String expected, String table) throws SQLException {
        List<String> schema = db.schema();
        List<Applied> versions = db.versionRows();
        List<String> rows = new ArrayList<>(db.query("select * from " + table + " order by id"));
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).downgrade(target));
        assertTrue(e.getMessage().contains(expected), "expected\n" + expected + "\nin:\n" + e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was run. Back it up, or run again with "
                + ".allowDataLoss(true) to proceed."), e.getMessage());
        assertEquals(schema, db.schema(), "a refused downgrade changes no schema");
        assertEquals(versions, db.versionRows());
        assertEquals(rows, db.query("select * from " + table + " order by id"));
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }
}
