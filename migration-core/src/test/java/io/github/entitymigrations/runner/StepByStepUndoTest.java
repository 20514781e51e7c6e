package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.irreversibleSql;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.StepByStepFailureTest.Where;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a step-by-step migration (see {@link StepByStepFailureTest}) does when undoing cannot finish: an undo that
 * fails, a step with no reverse, a step that ran in part; a failing downgrade undone back to the migration; data
 * steps undone by their own downgrade. Each error says exactly what stays applied and how to finish; the version
 * table never records the migration and no undo journal is left behind.
 */
class StepByStepUndoTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String BAD = "insert into no_such_table (id) values (1)";

    @TempDir
    Path tmp;

    static Stream<Where> where() {
        return StepByStepFailureTest.WHERE.stream();
    }

    private static final Table NOTE = table("note", t -> {
        t.id();
        t.col("text", varchar(100));
    });

    private static final AddColumn NICK = new AddColumn(null, "person", column("nick", varchar(20), true, null));

    @ParameterizedTest
    @MethodSource("where")
    void anUndoThatFailsStopsThereAndSaysWhatStays(Where where) throws Exception {
        TestDatabase db = TestDatabase.open(where.kind(), PG, tmp);
        MigrationHistory h = people(where);
        List<Operation> steps = List.of(new CreateTable(NOTE), sql(List.of("insert into note (id, text) values (1, 'a')"),
                List.of("delete from no_such_note")), NICK, sql(List.of(BAD), List.of("select 1")));
        h.add("undo fails", steps, Diff.reverse(steps), where.outside());
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        String m = e.getMessage();
        assertTrue(m.contains("undone: " + NICK.describe()), m);
        assertTrue(m.contains("Undoing stopped at step 2 (sql: insert into note (id, text) values (1, 'a')): its undo "
                + "failed") && m.contains("no_such_note"), m);
        assertTrue(m.contains("Still applied: step 1 (create table note (2 columns)), step 2 (sql: insert into note"), m);
        assertTrue(m.contains("delete from no_such_note;") && m.contains("drop table note;"), m);
        assertTrue(m.contains("The version table does not record 0002") && m.contains("stamp"), m);
        SQLException cause = assertInstanceOf(SQLException.class, e.getCause());
        assertTrue(cause.getMessage().contains("no_such_table"), "the cause is the original error: " + cause);
        assertTrue(Stream.of(cause.getSuppressed()).anyMatch(s -> s.getMessage().contains("no_such_note")),
                "the undo's error is kept as suppressed");
        assertEquals(List.of("1|a"), db.query("select id, text from note"));
        assertFalse(SchemaLines.of(db).contains("column person.nick varchar(20) null"), SchemaLines.of(db).toString());
        assertEquals(List.of("0001"), db.appliedIds());
        assertNoJournal(db);
    }

    @ParameterizedTest
    @MethodSource("where")
    void aStepWithoutReverseIsNamedBeforeRunningAndStaysApplied(Where where) throws Exception {
        TestDatabase db = TestDatabase.open(where.kind(), PG, tmp);
        MigrationHistory h = people(where);
        List<Operation> steps = List.of(new CreateTable(NOTE), irreversibleSql("insert into note (id, text) values (1, "
                + "'a')"), NICK, sql(List.of(BAD), List.of("select 1")));
        h.add("irreversible", steps, List.of(), where.outside());
        RecordingConsole console = new RecordingConsole();
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain(), console)
                .upgrade("head"));
        int warned = indexOf(console, "WARNING: Migration 0002 irreversible (0002_irreversible.json) runs step by step");
        assertTrue(warned >= 0 && console.lines().get(warned).contains("but not step 2 (sql: insert into note (id, "
                + "text) values (1, 'a') (irreversible)): it is a sql step marked irreversible"), console.toString());
        assertTrue(warned < indexOf(console, "Applying 0002"), "the warning comes before anything runs: " + console);
        String m = e.getMessage();
        assertTrue(m.contains("undone: " + NICK.describe()) && m.contains("Undoing stopped at step 2")
                && m.contains("cannot be undone automatically (it is a sql step marked irreversible)"), m);
        assertTrue(m.contains("Still applied: step 1 (create table note (2 columns)), step 2"), m);
        assertEquals(List.of("1|a"), db.query("select id, text from note"));
        assertEquals(List.of("0001"), db.appliedIds());
        assertNoJournal(db);
    }

    /** A statement that must run outside a transaction (PostgreSQL, SQLite) or that is DDL (MariaDB), then a failure. */
    @ParameterizedTest
    @MethodSource("where")
    void aStepThatRanInPartIsReportedAndTheOnesBeforeItAreUndone(Where where) throws Exception {
        TestDatabase db = TestDatabase.open(where.kind(), PG, tmp);
        MigrationHistory h = people(where);
        String partial = where.kind() == Kind.POSTGRESQL ? "create index concurrently ix_person_name on person (name)"
                : where.kind() == Kind.SQLITE ? "vacuum" : "create table extra (id int)";
        List<Operation> steps = List.of(new CreateTable(NOTE), sql(List.of(partial, BAD), List.of("select 1")));
        h.add("in part", steps, Diff.reverse(steps), where.outside());
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        String m = e.getMessage();
        assertTrue(m.contains("failed at statement 3 of 3, in step 2") && m.contains("undone: create table note"), m);
        assertTrue(m.contains("Still applied: statement 1 of step 2 (sql: " + partial + ") (a step run in part "
                + "is not undone"), m);
        assertFalse(SchemaLines.of(db).stream().anyMatch(l -> l.startsWith("table note")), SchemaLines.of(db).toString());
        if (where.kind().isMariaDb()) {
            assertTrue(SchemaLines.of(db).contains("table extra BASE TABLE"), "what the message says stays, stays");
        }
        if (where.kind() == Kind.POSTGRESQL) {
            assertEquals(List.of("ix_person_name"), db.query("select indexname from pg_indexes where indexname = "
                    + "'ix_person_name'"), "what the message says stays, stays");
        }
        assertEquals(List.of("0001"), db.appliedIds());
        assertNoJournal(db);
    }

    @ParameterizedTest
    @MethodSource("where")
    void aFailingDowngradeIsUndoneBackToTheMigration(Where where) throws Exception {
        TestDatabase db = TestDatabase.open(where.kind(), PG, tmp);
        MigrationHistory h = people(where);
        Index index = new Index("ix_person_nick", List.of("nick"), false);
        List<Operation> up = List.of(new CreateTable(NOTE), NICK, sql(List.of("select 1"), List.of(BAD)),
                new CreateIndex(null, "person", index));
        List<Operation> down = Diff.reverse(up);
        h.add("three things", up, down, where.outside());
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into note (id, text) values (7, 'kept')", "insert into person (id, name, nick) values (1, "
                + "'Ann', 'A')");
        List<String> schema = SchemaLines.of(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).downgrade("-1", true));
        String m = e.getMessage();
        assertTrue(m.contains("failed at statement 2 of 4 of its downgrade, in step 2"), m);
        assertTrue(m.contains("undone: " + down.get(0).describe() + ".") && m.contains("The database is as before"), m);
        assertEquals(schema, SchemaLines.of(db), "the schema is the migration's again");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        assertEquals(List.of("7|kept"), db.query("select id, text from note"));
        assertEquals(List.of("1|A"), db.query("select id, nick from person"));
        assertNoJournal(db);
    }

    /** Undone one by one in an outsideTransaction migration; on MariaDB a migration of data steps is one transaction. */
    @ParameterizedTest
    @MethodSource("where")
    void dataStepsAreUndoneByTheirOwnDowngradeOrRolledBackTogether(Where where) throws Exception {
        TestDatabase db = TestDatabase.open(where.kind(), PG, tmp);
        MigrationHistory h = people(where);
        List<Operation> steps = List.of(sql(List.of("insert into person (id, name) values (1, 'Ann')"),
                List.of("delete from person where id = 1")), sql(List.of("insert into person (id, name) values (2, "
                + "'Bob')", BAD), List.of("delete from person where id = 2")));
        h.add("people", steps, Diff.reverse(steps), where.outside());
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        if (where.outside()) {
            assertTrue(e.getMessage().contains("undone: sql: insert into person (id, name) values (1, 'Ann')")
                    && e.getMessage().contains("The database is as before the migration"), e.getMessage());
        } else { // MariaDB: data steps only, so one transaction, rolled back
            assertTrue(e.getMessage().contains("It was rolled back: nothing of it was applied"), e.getMessage());
        }
        assertEquals(List.of(), db.query("select id from person"));
        assertEquals(List.of("0001"), db.appliedIds());
        assertNoJournal(db);
    }

    static void assertNoJournal(TestDatabase db) throws SQLException {
        assertFalse(SchemaLines.of(db).stream().anyMatch(l -> l.contains(UndoJournal.NAME)), "the undo journal is gone");
    }

    private static int indexOf(RecordingConsole console, String prefix) {
        List<String> lines = console.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private MigrationHistory people(Where where) {
        return new MigrationHistory(tmp.resolve("migrations")).add("people", new CreateTable(table("person", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
    }
}
