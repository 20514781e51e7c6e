package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.runner.TestDatabase.Kind;
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
 * A generated backfill on a real database: a table with rows, some NULL; the upgrade fills them and NOT NULL holds;
 * the downgrade goes back. The table's name is a keyword and one column's name is quoted, so both must be quoted.
 */
class BackfillRoundTripTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static Schema before() {
        return SchemaBuilder.schema(s -> s.table("order", t -> {
            t.id();
            t.col("Status", varchar(10)).quoted();
        }));
    }

    private static Schema after() {
        return SchemaBuilder.schema(s -> s.table("order", t -> {
            t.id();
            t.col("Status", varchar(10)).quoted().notNull().backfill("'NEW'");
            t.col("code", varchar(20)).notNull().backfill("concat('C-', id)");
        }));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void upgradeFillsTheRowsAndDowngradeGoesBack(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Diff diff = SchemaDiff.diff(before(), after());
        assertTrue(diff.warnings().isEmpty(), diff.warnings()::toString);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"))
                .add("orders", new CreateTable(before().tables().get(0)))
                .add("backfill", diff.upgrade(), diff.downgrade(), false);
        db.migrator(h.chain()).upgrade("0001");
        db.execute(q(kind, "insert into \"order\" (id, \"Status\") values (1, 'PAID')"),
                q(kind, "insert into \"order\" (id, \"Status\") values (2, null)"));

        db.migrator(h.chain()).upgrade("head");

        assertEquals(List.of("1|PAID|C-1", "2|NEW|C-2"),
                db.query(q(kind, "select id, \"Status\", code from \"order\" order by id")));
        assertNullRefused(db, q(kind, "insert into \"order\" (id, \"Status\", code) values (3, null, 'x')"));
        assertNullRefused(db, q(kind, "insert into \"order\" (id, \"Status\") values (4, 'NEW')"));

        db.migrator(h.chain()).downgrade("0001", true);

        assertEquals(List.of("0001"), db.appliedIds());
        db.execute(q(kind, "insert into \"order\" (id, \"Status\") values (5, null)"));
        assertEquals(List.of("1|PAID", "2|NEW", "5|null"),
                db.query(q(kind, "select id, \"Status\" from \"order\" order by id")));
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("1|PAID|C-1", "2|NEW|C-2", "5|NEW|C-5"),
                db.query(q(kind, "select id, \"Status\", code from \"order\" order by id")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStepAddedToUpgradeOnlyIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Diff diff = SchemaDiff.diff(before(), after());
        // The trap: the generated downgrade list kept, the update step left out of it by hand.
        List<io.github.entitymigrations.operations.Operation> down = new java.util.ArrayList<>(diff.downgrade());
        down.remove(down.size() - 1);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"))
                .add("orders", new CreateTable(before().tables().get(0)))
                .add("backfill", diff.upgrade(), down, false);
        io.github.entitymigrations.migrations.MigrationException e = assertThrows(
                io.github.entitymigrations.migrations.MigrationException.class,
                () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("the \"downgrade\" list is not the reverse of the \"upgrade\" list: "
                + "upgrade step 1 (sql: update \"order\" set \"Status\" = 'NEW'"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was run"), e.getMessage());
        assertEquals(List.of(), db.appliedIds());
    }

    /** {@code sql} with its quoted names in MariaDB's and MySQL's backticks there. */
    private static String q(Kind kind, String sql) {
        return kind.isMariaDb() ? sql.replace('"', '`') : sql;
    }

    private static void assertNullRefused(TestDatabase db, String insert) {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(insert));
        String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        // MariaDB and MySQL: "Column 'code' cannot be null", or for a column left out "doesn't have a default value".
        assertTrue(message.contains("null") || message.contains("have a default value"), e.getMessage());
    }
}
