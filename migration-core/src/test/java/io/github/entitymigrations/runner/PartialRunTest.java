package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run of several migrations that fails at the second: the first stays done (its own transaction), so the
 * message says where the database now is, not only that the failing one was rolled back.
 */
class PartialRunTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String BAD = "insert into no_such_table (id) values (1)";

    @TempDir
    Path tmp;

    /** 0001 person; 0002 fails on the way down; 0003 fails on the way up (until the test fixes it). */
    private MigrationHistory history(boolean badUpgrade) {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("person", new CreateTable(table("person", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
        Operation downFails = sql(List.of("insert into person (id) values (1)"), List.of(BAD));
        h.add("fails down", downFails); // its downgrade list the exact reverse, so its BAD downgrade runs
        Operation third = sql(List.of(badUpgrade ? BAD : "insert into person (id) values (3)"),
                List.of("delete from person where id = 3"));
        h.add("third", third);
        return h;
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aDowngradeFailingPartWaySaysWhereTheDatabaseIsNow(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history(false);
        db.migrator(h.chain()).upgrade("head");
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).downgrade("base", true));
        assertTrue(e.getMessage().contains("Migration 0002 fails down"), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n0003 was reverted before it and stays: " + db.database().describe()
                + " is now at 0002; 0002's revert failed and was rolled back."), e.getMessage());
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void anUpgradeFailingPartWaySaysWhereTheDatabaseIsNow(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history(true);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().endsWith("\n0001, 0002 were applied before it and stay: " + db.database().describe()
                + " is now at 0002; 0003's upgrade failed and was rolled back."), e.getMessage());
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /** The run's first migration failing: the database is where it was, as the failure already says. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void aFailureOfTheFirstMigrationSaysNothingMore(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history(true);
        db.migrator(h.chain()).upgrade("0002");
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().endsWith("and run it again."), e.getMessage());
    }
}
