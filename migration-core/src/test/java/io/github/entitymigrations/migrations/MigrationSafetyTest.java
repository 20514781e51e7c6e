package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.snapshot;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} refuses what planning refuses: statements escaping the transaction, bad keys, bad defaults. */
class MigrationSafetyTest {

    private static final Table PEOPLE = table("people", id(), column("name", varchar(50), true));

    @TempDir
    Path project;
    Path migrations;
    Path snapshotFile;
    Workspace workspace;

    @BeforeEach
    void setUp() {
        migrations = project.resolve("migrations");
        snapshotFile = project.resolve("schema.json");
        workspace = new Workspace(migrations, snapshotFile, new Fixtures.RecordingConsole());
        snapshot(snapshotFile, Fixtures.schema(PEOPLE));
        Fixtures.write(migrations, Fixtures.migration("0001", null, "people", new CreateTable(PEOPLE)));
    }

    private void second(boolean outside, Operation... upgrade) {
        List<Operation> ops = List.of(upgrade);
        Fixtures.write(migrations, new Migration("0002", "0001", "data", ops, Diff.reverse(ops), List.of(), outside));
    }

    private static Sql any(String... upgrade) {
        return new Sql(Map.of("*", List.of(upgrade)), Map.of("*", List.of("select 1")), false, List.of());
    }

    private String refused() {
        return assertThrows(MigrationException.class, workspace::check).getMessage();
    }

    @Test
    void aCommitIsRefusedByCheckNamingFileStepKeyAndStatementOnce() {
        second(false, any("update people set name = 'x'"), any("update people set name = name || '+'; commit",
                "select 1"));
        String message = refused();
        assertEquals("The migrations cannot all run:\n  - 0002_data.json (migration 0002), \"upgrade\" step 2, "
                + "\"*\" statement 2 of 3 (commit): commit ends, starts or changes the migration's transaction: each "
                + "migration already runs in its own transaction, committed together with its version row (one marked "
                + "\"outsideTransaction\": true runs each statement on its own). Remove the statement; to commit part "
                + "of the work first, split it into two migrations", message);
    }

    @Test
    void aStatementThatCannotRunInATransactionIsRefusedUnlessTheMigrationRunsOutsideOne() {
        Sql vacuum = new Sql(Map.of("postgresql", List.of("vacuum analyze people"), "sqlite", List.of("vacuum")),
                Map.of("*", List.of("select 1")), false, List.of());
        second(false, vacuum);
        String message = refused();
        assertTrue(message.contains("\"postgresql\" statement 1 of 1 (vacuum analyze people): vacuum cannot run "
                + "inside a transaction") && message.contains("\"sqlite\" statement 1 of 1 (vacuum)")
                && message.contains("\"outsideTransaction\": true"), message);
        second(true, vacuum);
        assertEquals(List.of(), workspace.check());
    }

    @Test
    void lookAlikesAndAStepNamingOnlyOneDatabasePassCheck() {
        Sql pgOnly = new Sql(Map.of("postgresql", List.of("create function f() returns void language plpgsql as $$ "
                + "begin commit; end $$")), Map.of("postgresql", List.of("drop function f()")), false, List.of());
        second(false, any("update people set name = 'commit; rollback' -- begin"), pgOnly);
        assertEquals(List.of(), workspace.check());
    }

    /** Issue 10, item 4: the key used to be ignored, so the step ran nothing and check passed. */
    @Test
    void anUnknownDialectKeyFailsCheck() {
        Fixtures.writeText(migrations.resolve("0002_data.json"), """
                { "id" : "0002", "parent" : "0001", "message" : "data",
                  "upgrade" : [ { "op" : "sql", "upgrade" : { "postgres" : [ "update people set name = 'x'" ] },
                                  "irreversible" : true } ],
                  "downgrade" : [ ] }
                """);
        String message = assertThrows(MigrationException.class, workspace::check).getMessage();
        assertTrue(message.contains("0002_data.json") && message.contains("unknown database \"postgres\" (did you "
                + "mean \"postgresql\"?)"), message);
    }

    /** Issue 10, item 8: a default is written into the DDL as it is. */
    @Test
    void aServerDefaultThatIsNotOneExpressionFailsCheck() {
        Column bad = new Column("note", varchar(20), true, false, "'x'; drop table victim; --", null, false, null);
        second(false, new AddColumn(null, "people", bad));
        snapshot(snapshotFile, Fixtures.schema(table("people", id(), column("name", varchar(50), true), bad)));
        String message = refused();
        assertTrue(message.contains("0002_data.json (migration 0002), \"upgrade\" step 1: the default of column note "
                + "('x'; drop table victim; --) has a ; outside quotes"), message);
    }

    @Test
    void legitimateDefaultsPassCheck() {
        Operation[] adds = List.of("'it''s'", "current_timestamp", "(1 + 2)", "'a;b'", "lower('A, B')").stream()
                .map(d -> (Operation) new AddColumn(null, "people", new Column("c" + d.length(), varchar(20), true,
                        false, d, null, false, null))).toArray(Operation[]::new);
        second(false, adds);
        assertTrue(MigrationSafety.problems(workspace.chain().migrations().get(1)).isEmpty());
    }

    @Test
    void aConcurrentIndexInATransactionalMigrationFailsCheckSayingToMarkOrSplitIt() {
        Index byName = new Index("ix_people_name", List.of("name"), false);
        second(false, new CreateIndex(null, "people", byName, true));
        String message = refused();
        assertTrue(message.contains("0002_data.json (migration 0002), \"upgrade\" step 1 (create index ix_people_name on "
                + "people (name) concurrently)"), message);
        assertTrue(message.contains("\"outsideTransaction\": true"), message);
        assertTrue(message.contains("\"downgrade\" step 1 (drop index ix_people_name on people concurrently)"), message);
    }

    @Test
    void aConcurrentIndexInAnOutsideTransactionMigrationPassesCheck() {
        Index byName = new Index("ix_people_name", List.of("name"), false);
        second(true, new CreateIndex(null, "people", byName, true));
        // no refusal: only the difference from the entities, which do not declare the index
        assertEquals(List.of("drop index ix_people_name on people"), workspace.check());
    }
}
