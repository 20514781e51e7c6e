package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.irreversibleSql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the runner checks before it runs anything, and the targets it takes: applied files that were edited
 * or deleted, a database it did not create, stamping, {@code head}/{@code +N}/id and {@code -N}/{@code base}/id,
 * unknown targets and irreversible steps refused with the database untouched. On the {@link CatalogModel}.
 */
class MigratorChecksTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAppliedMigrationEditedAfterwardsStopsTheUpgradeNamingItsFile(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("0002");
        Path first = h.files().get(0);
        Migration m = MigrationJson.mapper().readValue(Files.readString(first), Migration.class);
        MigrationHistory.write(first, MigrationJson.write(new Migration(m.id(), m.parent(), m.message(),
                m.upgrade().subList(1, m.upgrade().size()), m.downgrade().subList(0, m.downgrade().size() - 1),
                m.warnings())));

        Snapshot before = Snapshot.of(db);
        for (Runnable goal : List.<Runnable>of(() -> db.migrator(h.chain()).upgrade("head"),
                () -> db.migrator(h.chain()).downgrade("base"))) {
            MigrationException e = assertThrows(MigrationException.class, goal::run);
            assertTrue(e.getMessage().contains(first.getFileName().toString()) && e.getMessage().contains("changed "
                    + "after it was applied"), e.getMessage());
            assertEquals(before, Snapshot.of(db), "nothing may run: " + e.getMessage());
        }
    }

    /**
     * A database that applied a branch's migration before {@code migration:merge} renumbered it: refused with
     * what happened and the way back, which works (downgrade with the old files, upgrade with the new).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMigrationRenumberedAfterItWasAppliedIsNamedWithTheWayBack(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory before = CatalogModel.write(tmp.resolve("before-merge"));
        db.migrator(before.chain()).upgrade("0003");
        // The merged history: the other branch's migration is 0003; this one's 0003.. follow it, renumbered.
        Path merged = tmp.resolve("merged");
        Files.createDirectories(merged);
        List<Migration> old = new java.util.ArrayList<>();
        for (Path f : before.files()) {
            old.add(MigrationJson.mapper().readValue(Files.readString(f), Migration.class));
        }
        Migration other = new Migration("0003", "0002", "add audit", List.of(new CreateTable(table("audit", t -> {
            t.id();
            t.col("note", varchar(50));
        }))), List.of(), List.of());
        List<Migration> chain = new java.util.ArrayList<>(old.subList(0, 2));
        chain.add(other);
        for (int i = 2; i < old.size(); i++) {
            chain.add(old.get(i).renumbered(String.format("%04d", i + 2), String.format("%04d", i + 1)));
        }
        for (Migration m : chain) {
            MigrationHistory.write(merged.resolve(m.id() + "_" + m.message().replace(' ', '_') + ".json"),
                    MigrationJson.write(m));
        }
        var mergedChain = io.github.entitymigrations.migrations.MigrationChain.load(merged);

        Snapshot untouched = Snapshot.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(mergedChain).upgrade("head"));
        String renamed = mergedChain.migrations().get(3).fileName();
        assertTrue(e.getMessage().contains("Migration 0003 in the database (\"" + old.get(2).message() + "\"")
                && e.getMessage().contains("is now " + renamed + ": it was renumbered")
                && e.getMessage().contains("downgrade(\"0002\") with .location(\"<that checkout>/"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Never edit"), e.getMessage());
        assertEquals(untouched, Snapshot.of(db), "nothing may run: " + e.getMessage());

        db.migrator(before.chain()).downgrade("0002", true);
        db.migrator(mergedChain).upgrade("head");
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005", "0006"), db.appliedIds());
    }

    /** The checksum is over the migration's content: re-indenting a file or changing line endings is no edit. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void reformattingAnAppliedFileIsNoEdit(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("0002");
        Path first = h.files().get(0);
        Files.writeString(first, Files.readString(first).replace("\n", "\r\n").replace("  ", "    "));
        db.migrator(h.chain()).upgrade("head");
        assertEquals(5, db.appliedIds().size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAppliedMigrationWhoseFileIsGoneStopsTheUpgrade(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        Files.delete(h.files().get(4));
        Snapshot before = Snapshot.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("0005") && e.getMessage().contains("clean up")
                && e.getMessage().contains("no file has it"), e.getMessage());
        assertEquals(before, Snapshot.of(db));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDatabaseWithTablesButNoVersionTableIsRefusedWithAdviceToStamp(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.execute("create table legacy_customer (id integer primary key)");
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Snapshot before = Snapshot.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("legacy_customer") && e.getMessage().contains("stamp(\"X\")"),
                e.getMessage());
        assertEquals(before, Snapshot.of(db));
        assertFalse(db.hasVersionTable());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampHeadThenUpgradeRunsNothing(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        RecordingConsole console = new RecordingConsole();
        Migrator migrator = db.migrator(h.chain(), console);
        migrator.stamp("head", true); // an empty database is not head's schema: recorded unverified
        migrator.upgrade("head");
        assertEquals(List.of(), db.schema(), "nothing ran");
        assertEquals(5, db.appliedIds().size());
        assertTrue(console.count("Nothing to do") == 1, console.toString());
        assertEquals("0005", migrator.current());
    }

    /** An existing database made by hand to match 0002 is stamped there; upgrade then runs 0003 to 0005. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void stampAnIdThenUpgradeRunsTheRest(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("0002");
        db.execute("drop table " + VersionTable.NAME);
        assertThrows(MigrationException.class, () -> migrator.upgrade("head"));

        migrator.stamp("0002");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        migrator.upgrade("head");
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005"), db.appliedIds());
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(5)), db.schema(), "after stamp 0002 and upgrade");
        assertEquals(List.of("1|ann@example.com|Ann|" + (kind == Kind.SQLITE ? "10.5" : "10.50")),
                db.query("select id, email, full_name, balance from customer where id = 1"), "0002's rows are kept");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindOfTargetGoesWhereItSays(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(h.chain());
        Object[][] steps = {
            {"upgrade", "+2", 2}, {"upgrade", "0004", 4}, {"upgrade", "+1", 5}, {"downgrade", null, 4},
            {"downgrade", "-2", 2}, {"upgrade", "head", 5}, {"downgrade", "0001", 1}, {"upgrade", "0003", 3},
            {"downgrade", "base", 0}, {"upgrade", null, 5}, {"upgrade", "head", 5}, {"downgrade", "0005", 5},
        };
        for (Object[] step : steps) {
            String target = (String) step[1];
            if (step[0].equals("upgrade")) {
                migrator.upgrade(target);
            } else {
                migrator.downgrade(target, true);
            }
            int at = (Integer) step[2];
            String where = step[0] + " " + target;
            assertEquals(h.chain().migrations().subList(0, at).stream().map(f -> f.id()).toList(), db.appliedIds(),
                    where);
            DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(at)), db.schema(), "after " + where);
            assertEquals(at == 0 ? "base" : String.format("%04d", at), migrator.current(), where);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTargetThatDoesNotExistIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("0002");
        Snapshot before = Snapshot.of(db);
        String[][] refused = {
            {"upgrade", "0009"}, {"upgrade", "+4"}, {"upgrade", "banana"}, {"upgrade", "+0"}, {"upgrade", "0001"},
            {"downgrade", "-3"}, {"downgrade", "0009"}, {"downgrade", "0004"}, {"downgrade", "head"},
            {"stamp", "0042"}, {"stamp", null},
            // A bare number is not an id (it often means steps), nor a step the wrong way.
            {"upgrade", "3"}, {"downgrade", "1"}, {"stamp", "2"}, {"upgrade", "-1"}, {"upgrade", "base"},
            {"downgrade", "+1"},
        };
        for (String[] goal : refused) {
            MigrationException e = assertThrows(MigrationException.class, () -> run(migrator, goal[0], goal[1]),
                    goal[0] + " " + goal[1]);
            assertTrue(goal[1] == null || e.getMessage().contains(goal[1]), e.getMessage());
            assertEquals(before, Snapshot.of(db), goal[0] + " " + goal[1] + " changed the database: " + e.getMessage());
        }
        String bare = assertThrows(MigrationException.class, () -> migrator.downgrade("1")).getMessage();
        assertTrue(bare.contains("Not a migration id: 1") && bare.contains("(0001)")
                && bare.contains("use downgrade(\"-1\")"), bare);
        String wrongWay = assertThrows(MigrationException.class, () -> migrator.upgrade("-1")).getMessage();
        assertTrue(wrongWay.contains("To go back, use downgrade(\"-1\")"), wrongWay);
    }

    /** current and history on an SQLite file that does not exist say base and pending, and do not create it. */
    @org.junit.jupiter.api.Test
    void statusOfAnSqliteDatabaseNotCreatedYetLeavesNoFile() {
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Path file = tmp.resolve("not-yet.db");
        Migrator migrator = new Migrator(new Database("jdbc:sqlite:" + file, null, null, null), h.chain(),
                new RecordingConsole());
        assertEquals("base", migrator.current());
        List<String> lines = migrator.history();
        assertEquals("current: base", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("0001  pending"), lines.get(0));
        assertFalse(Files.exists(file), "current/history created " + file);
    }

    /** An SQLite file that cannot be opened is about the path, not about credentials. */
    @org.junit.jupiter.api.Test
    void anSqliteFileThatCannotBeOpenedSaysToCheckThePath() {
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Path file = tmp.resolve("no-such-dir").resolve("app.db");
        Migrator migrator = new Migrator(new Database("jdbc:sqlite:" + file, null, null, null), h.chain(),
                new RecordingConsole());
        String message = assertThrows(MigrationException.class, () -> migrator.upgrade("head")).getMessage();
        assertTrue(message.startsWith("Cannot open the SQLite database jdbc:sqlite:" + file)
                && message.contains("directory must exist") && !message.contains("serverId"), message);
    }

    /** On a new database a refused target must not leave even the version table behind. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownTargetOnANewDatabaseCreatesNothing(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(CatalogModel.write(tmp.resolve("migrations")).chain());
        assertThrows(MigrationException.class, () -> migrator.upgrade("0009"));
        assertFalse(db.hasVersionTable(), "upgrade -Dtarget=0009 was refused, yet created " + VersionTable.NAME);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDowngradeThroughAnIrreversibleStepIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("people", new CreateTable(table("person", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
        h.add("fix names", List.of(irreversibleSql("update person set name = upper(name)")), List.of(), false);
        AddColumn phone = new AddColumn(null, "person", column("phone", varchar(20), true, null));
        h.add("phones", List.of(phone), List.of(new DropColumn(null, "person", phone.column())), false);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("head");
        Snapshot before = Snapshot.of(db);

        for (String target : new String[] {"base", "-2", "0001"}) {
            MigrationException e = assertThrows(MigrationException.class, () -> migrator.downgrade(target));
            assertTrue(e.getMessage().contains("0002") && e.getMessage().contains("irreversible"), e.getMessage());
            assertEquals(before, Snapshot.of(db), "downgrade " + target + " ran something: " + e.getMessage());
        }
        migrator.downgrade("-1");
        assertEquals(List.of("0001", "0002"), db.appliedIds(), "stopping before the irreversible step works");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void currentAndHistorySayWhereTheDatabaseIs(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(h.chain());
        assertEquals("base", migrator.current());
        List<String> fresh = migrator.history();
        assertEquals(6, fresh.size(), String.join("\n", fresh));
        assertTrue(fresh.subList(0, 5).stream().allMatch(l -> l.contains("pending")), String.join("\n", fresh));
        assertEquals("current: base", fresh.get(5));

        migrator.upgrade("0002");
        assertEquals("0002", migrator.current());
        List<String> lines = migrator.history();
        String appliedAt = db.versionRows().get(0).appliedAt().toString().substring(0, 10);
        assertTrue(lines.get(0).startsWith("0001") && lines.get(0).contains("applied " + appliedAt)
                && lines.get(0).endsWith("create catalog"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0002") && lines.get(1).contains("applied"), lines.get(1));
        assertTrue(lines.get(2).startsWith("0003") && lines.get(2).contains("pending")
                && lines.get(2).endsWith("alter columns"), lines.get(2));
        assertEquals("current: 0002", lines.get(5));

        migrator.upgrade("head");
        assertEquals("current: 0005 (head)", migrator.history().get(5));
        assertEquals(List.of("(no migrations)", "current: base"),
                TestDatabase.open(kind, PG, tmp).migrator(new MigrationHistory(tmp.resolve("none")).chain()).history());
    }

    private static void run(Migrator migrator, String goal, String target) {
        switch (goal) {
            case "upgrade" -> migrator.upgrade(target);
            case "downgrade" -> migrator.downgrade(target);
            default -> migrator.stamp(target);
        }
    }

    /** The schema and every version row: what a refused goal must leave as it was. */
    record Snapshot(List<String> schema, List<Applied> versions) {
        static Snapshot of(TestDatabase db) throws SQLException {
            return new Snapshot(db.schema(), db.versionRows());
        }
    }
}
