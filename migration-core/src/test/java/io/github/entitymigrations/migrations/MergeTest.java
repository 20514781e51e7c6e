package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.INTEGER;
import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.contents;
import static io.github.entitymigrations.migrations.Fixtures.fileNames;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Putting two branches of history in one line when they change different objects; refusing otherwise. */
@ExtendWith(MavenAdviceInUse.class)
class MergeTest {

    private static final Column PHONE = column("phone", varchar(20), true);
    private static final Column TOTAL = column("total", INTEGER, true);

    @TempDir
    Path dir;
    Fixtures.RecordingConsole console = new Fixtures.RecordingConsole();

    @BeforeEach
    void firstMigration() {
        Fixtures.write(dir, migration("0001", null, "create users and orders",
                new CreateTable(table("users", id())), new CreateTable(table("orders", id()))));
    }

    private List<Path> merge() {
        return Merge.run(dir, console);
    }

    private List<String> order() {
        return MigrationChain.load(dir).migrations().stream().map(MigrationFile::fileName).toList();
    }

    private static Table named(Schema schema, String name) {
        return schema.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBranchThatWouldNeedAnIdOfMoreThan18DigitsIsRefusedAndNothingChanges() {
        String last = "999999999999999999";
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, last + "_add_email.json", migration(last, "0002", "add email",
                new AddColumn(null, "users", column("email", varchar(20), true))));
        Fixtures.write(dir, migration("0003", "0001", "add total", new AddColumn(null, "orders", TOTAL)));
        List<String> before = fileNames(dir);

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().startsWith("Cannot renumber 0003_add_total.json: the next number, "
                + "1000000000000000000, has more than 18 digits. Nothing was changed"), e.getMessage());
        assertEquals(before, fileNames(dir));
    }

    /** merge validates the history it would write as check does: a step no database can run stops it. */
    @Test
    void aMergedHistoryWithAStepNoDatabaseCanRunIsRefused() {
        Column other = column("data", io.github.entitymigrations.schema.ColumnType.of("OTHER"), true);
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, migration("0002", "0001", "add data", new AddColumn(null, "orders", other)));
        List<String> before = fileNames(dir);

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().contains("cannot run on any database"), e.getMessage());
        assertEquals(before, fileNames(dir));
    }

    @Test
    void twoBranchesOnDifferentTablesPutTheSecondAfterTheFirst() {
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Migration total = migration("0002", "0001", "add total", new AddColumn(null, "orders", TOTAL));
        Fixtures.write(dir, total);

        List<Path> written = merge();

        assertEquals(List.of(dir.resolve("0003_add_total.json")), written);
        assertEquals(List.of("0001_create_users_and_orders.json", "0002_add_phone.json", "0003_add_total.json"),
                fileNames(dir));
        assertEquals(new Migration("0003", "0002", "add total", total.upgrade(), total.downgrade(), total.warnings()),
                Fixtures.read(written.get(0)));
        assertEquals(List.of("0001_create_users_and_orders.json", "0002_add_phone.json", "0003_add_total.json"),
                order());
        Schema replayed = Replay.of(MigrationChain.load(dir).migrations());
        assertNotNull(named(replayed, "users").column("phone"));
        assertNotNull(named(replayed, "orders").column("total"));
        assertEquals(List.of("Renumbered 0002_add_total.json to 0003_add_total.json (now follows 0002)",
                "The history is one line again; check it with mvn compile migration:check."), console.infos);
    }

    @Test
    void aLongerSecondBranchIsRenumberedInOrderRightAfterTheFirstHead() {
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, migration("0003", "0001", "add total", new AddColumn(null, "orders", TOTAL)));
        Fixtures.write(dir, migration("0005", "0003", "order seq", new CreateSequence(new Sequence(null, "s", 1, 1))));

        List<Path> written = merge();

        assertEquals(List.of(dir.resolve("0003_add_total.json"), dir.resolve("0004_order_seq.json")), written);
        assertEquals(List.of("0001_create_users_and_orders.json", "0002_add_phone.json", "0003_add_total.json",
                "0004_order_seq.json"), order());
        assertEquals("0002", Fixtures.read(dir.resolve("0003_add_total.json")).parent());
        assertEquals("0003", Fixtures.read(dir.resolve("0004_order_seq.json")).parent());
        Schema replayed = Replay.of(MigrationChain.load(dir).migrations());
        assertEquals(1, replayed.sequences().size());
        assertNotNull(named(replayed, "orders").column("total"));
        assertNotNull(named(replayed, "users").column("phone"));
    }

    /**
     * Renumbering must not write over a file of the branch that has not been moved yet: here 0003_fix
     * becomes 0006_fix while the old 0006_fix.json is still to be moved.
     */
    @Test
    void renumberingNeverOverwritesAFileStillToBeMoved() {
        Fixtures.write(dir, migration("0002", "0001", "add total", new AddColumn(null, "orders", TOTAL)));
        Fixtures.write(dir, migration("0005", "0002", "tags", new CreateTable(table("tags", id()))));
        Fixtures.write(dir, "0003_fix.json", migration("0003", "0001", "fix", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, "0006_fix.json", migration("0006", "0003", "fix",
                new AddColumn(null, "users", column("email", varchar(99), true))));

        merge();

        assertEquals(List.of("0001_create_users_and_orders.json", "0002_add_total.json", "0005_tags.json",
                "0006_fix.json", "0007_fix.json"), fileNames(dir), "no migration is lost");
        Schema replayed = Replay.of(MigrationChain.load(dir).migrations());
        assertNotNull(named(replayed, "users").column("phone"), "the first fix survives");
        assertNotNull(named(replayed, "users").column("email"), "the second fix survives");
    }

    @Test
    void branchesThatChangeOneTableAreRefusedNamingTheTableAndTheFiles() {
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, migration("0002", "0001", "add email",
                new AddColumn(null, "orders", TOTAL), new AddColumn(null, "USERS", column("email", varchar(99), true))));
        Map<String, String> before = contents(dir);

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().startsWith("Both branches change the same objects, so their order matters and "
                + "cannot be chosen for you:\n  - table users: 0002_add_email.json and 0002_add_phone.json\n"),
                e.getMessage());
        assertTrue(e.getMessage().contains("run mvn compile migration:generate"), e.getMessage());
        assertEquals(before, contents(dir), "nothing changed");
    }

    @Test
    void sqlStepsConflictThroughTheirDeclaredChangesAndSequencesCountToo() {
        Sql backfill = new Sql(Map.of("*", List.of("alter table users add phone varchar(20)")),
                Map.of("*", List.of("alter table users drop phone")), false, List.of(new AddColumn(null, "users", PHONE)));
        Sequence seq = new Sequence(null, "order_seq", 1, 1);
        Fixtures.write(dir, migration("0002", "0001", "phone by hand", backfill, new CreateSequence(seq)));
        Fixtures.write(dir, migration("0002", "0001", "touch users",
                new CreateSequence(seq), new AddColumn(null, "users", column("email", varchar(99), true))));

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().contains("\n  - table users: 0002_phone_by_hand.json and 0002_touch_users.json\n"
                + "  - sequence order_seq: 0002_phone_by_hand.json and 0002_touch_users.json\n"), e.getMessage());
    }

    @Test
    void aSingleHeadHasNothingToMerge() {
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Map<String, String> before = contents(dir);

        assertEquals(List.of(), merge());

        assertEquals(before, contents(dir));
        assertEquals(List.of("Nothing to merge: the history has a single head."), console.infos);
    }

    @Test
    void anEmptyDirectoryHasNothingToMerge() {
        assertEquals(List.of(), Merge.run(dir.resolve("none"), console));
    }

    @Test
    void aDuplicatedNumberWithChildrenIsAmbiguousAndRefused() {
        Fixtures.write(dir, migration("0002", "0001", "add phone", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, migration("0002", "0001", "add total", new AddColumn(null, "orders", TOTAL)));
        Fixtures.write(dir, migration("0003", "0002", "order seq", new CreateSequence(new Sequence(null, "s", 1, 1))));
        Map<String, String> before = contents(dir);

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().startsWith("Cannot tell which branch 0003_order_seq.json belong to: migration 0002 "
                + "exists twice or is followed twice. Renumber by hand: Run `mvn migration:merge`"), e.getMessage());
        assertEquals(before, contents(dir));
    }

    @Test
    void threeBranchesAreLeftToAPerson() {
        Fixtures.write(dir, migration("0002", "0001", "a", new AddColumn(null, "users", PHONE)));
        Fixtures.write(dir, migration("0003", "0001", "b", new AddColumn(null, "orders", TOTAL)));
        Fixtures.write(dir, migration("0004", "0001", "c", new CreateTable(table("tags", id()))));

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().startsWith("Three or more branches follow 0001 (0002_a.json, 0003_b.json, "
                + "0004_c.json); merge them by hand"), e.getMessage());
    }

    @Test
    void unreadableFilesAreReportedBeforeAnything() {
        Fixtures.writeText(dir.resolve("0002_broken.json"), "{");

        MigrationException e = assertThrows(MigrationException.class, this::merge);

        assertTrue(e.getMessage().startsWith("Cannot merge while files are unreadable:\n  - 0002_broken.json: cannot "
                + "be read"), e.getMessage());
    }

    /**
     * One branch drops a table that the other starts referencing: the branches depend on each other even
     * though each changes a different table, so the merge must refuse rather than write a history that
     * no longer replays.
     */
    @Test
    void aBranchReferencingATableTheOtherDropsIsRefused() {
        Fixtures.write(dir, migration("0002", "0001", "drop users", new DropTable(table("users", id()))));
        Fixtures.write(dir, migration("0002", "0001", "link orders", new AddColumn(null, "orders",
                column("user_id", Fixtures.BIGINT, true)), new AddForeignKey(null, "orders", new ForeignKey(
                "fk_orders_user", List.of("user_id"), null, "users", List.of("id"), OnDelete.NO_ACTION))));
        Map<String, String> before = contents(dir);

        MigrationException e = assertThrows(MigrationException.class, this::merge,
                () -> "merged into a history that does not replay: " + replayProblem());

        assertTrue(e.getMessage().contains("table users"), e.getMessage());
        assertEquals(before, contents(dir));
    }

    private String replayProblem() {
        try {
            Replay.of(MigrationChain.load(dir).migrations());
            return "(it replays)";
        } catch (MigrationException e) {
            return e.getMessage();
        }
    }
}
