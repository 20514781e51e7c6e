package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A stamp compares first: a legacy database whose schema is the target's is stamped; one that differs is
 * refused, listing the differences and recording nothing, unless forced (then a warning lists them).
 * {@code base} expects an empty schema. {@code verifyBefore} refuses an upgrade of a drifted database,
 * running nothing.
 */
class VerifiedStampTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** A legacy database: the migrations' schema up to 0002, made without the tool (no version table). */
    private Migrator legacy(TestDatabase db, RecordingConsole console) throws Exception {
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain(), console);
        migrator.upgrade("head");
        db.execute("drop table " + VersionTable.NAME);
        return migrator;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMatchingDatabaseIsStampedAfterTheComparison(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        RecordingConsole console = new RecordingConsole();
        Migrator migrator = legacy(db, console);
        migrator.stamp("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        assertEquals(1, console.count("Verified: the schema of"), console.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDifferentDatabaseIsRefusedListingEveryDifferenceAndNothingIsRecorded(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = legacy(db, new RecordingConsole());
        db.execute("alter table orders add column legacy_flag integer", dropIndexOfOrders(kind));

        MigrationException e = assertThrows(MigrationException.class, () -> migrator.stamp("head"));
        assertTrue(e.getMessage().contains("Refusing to stamp ") && e.getMessage().contains(" at 0002: its schema is "
                + "not the one the migrations up to there produce:\n"
                + "  - column orders.legacy_flag (" + integer(kind) + ") is in the database but not in the migrations\n"
                + "  - index idx_orders_customer on orders (customer_id) is in the migrations but not in the database\n"
                + "Stamp the migration whose schema the database has, or bring the database to that schema first; "
                + "to record the stamp anyway, .stampUnverified(true). Nothing was recorded"), e.getMessage());
        assertTrue(!db.hasVersionTable() || db.appliedIds().isEmpty(), "nothing recorded");

        // The schema is 0001's plus orders: 0001 is refused as well, for the extra table.
        MigrationException at1 = assertThrows(MigrationException.class, () -> migrator.stamp("0001"));
        assertTrue(at1.getMessage().contains("table orders is in the database but not in the migrations"),
                at1.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aForcedStampIsRecordedWithAWarningListingTheDifferences(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        RecordingConsole console = new RecordingConsole();
        Migrator migrator = legacy(db, console);
        db.execute("alter table orders add column legacy_flag integer");
        migrator.stamp("head", true);
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        assertEquals(1, console.count("WARNING: Stamping without a match: the schema of"), console.toString());
        assertEquals(1, console.count("column orders.legacy_flag (" + integer(kind) + ") is in the database but not in the "
                + "migrations"), console.toString());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampingBaseExpectsAnEmptySchema(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = legacy(db, new RecordingConsole());
        migrator.stamp("head");
        MigrationException e = assertThrows(MigrationException.class, () -> migrator.stamp("base"));
        assertTrue(e.getMessage().contains("table customers is in the database but not in the migrations"),
                e.getMessage());
        assertEquals(List.of("0001", "0002"), db.appliedIds(), "refused: the rows are as they were");
        migrator.stamp("base", true);
        assertEquals(List.of(), db.appliedIds());

        TestDatabase empty = TestDatabase.open(kind, PG, tmp);
        empty.migrator(DriftFixture.write(tmp.resolve("m2")).chain()).stamp("base");
        assertEquals(List.of(), empty.appliedIds(), "an empty database is base's schema");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void verifyBeforeRefusesToUpgradeADriftedDatabaseAndRunsNothing(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        RecordingConsole console = new RecordingConsole();
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain(), console)
                .verifyBefore(true);
        migrator.upgrade("0001");
        assertEquals(1, console.count("No drift: "), console.toString());
        db.execute("alter table customers add column phone varchar(20)");

        MigrationException e = assertThrows(MigrationException.class, () -> migrator.upgrade("head"));
        assertTrue(e.getMessage().contains(" does not match the schema its applied migrations produce (at 0001), so "
                + "the upgrade was not started:\n  - column customers.phone ("
                + (kind == Kind.POSTGRESQL ? "character varying(20)" : "varchar(20)")
                + ") is in the database but not in the migrations\n"), e.getMessage());
        assertTrue(e.getMessage().contains("generate a migration") && e.getMessage().endsWith("Nothing was run"),
                e.getMessage());
        assertEquals(List.of("0001"), db.appliedIds());

        migrator.verifyBefore(false).upgrade("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds(), "without verifyBefore the upgrade runs");
    }

    /** How the database reports an {@code integer} column: MariaDB and MySQL say {@code int}. */
    static String integer(Kind kind) {
        return kind.isMariaDb() ? "int" : "integer";
    }

    /**
     * Drops idx_orders_customer by hand. InnoDB refuses to drop the index a foreign key uses, unless another takes
     * its place in the same statement: one named as the key, as InnoDB names the index it makes for one itself.
     */
    static String dropIndexOfOrders(Kind kind) {
        return kind.isMariaDb() ? "alter table orders drop index idx_orders_customer, add index fk_orders_customer "
                + "(customer_id)" : "drop index idx_orders_customer";
    }
}
