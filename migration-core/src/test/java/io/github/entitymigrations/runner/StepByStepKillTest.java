package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.FailureInjectionTest.State;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a real runner (a JVM of its own) in the middle of a migration that runs step by step (on MariaDB and
 * the mysql flavour any migration with DDL; on PostgreSQL one marked {@code outsideTransaction}): the steps it had applied stay, recorded in the undo
 * journal, and the next run undoes them before anything else, so the database is back where it was before that
 * migration. The step in flight is a data step (rolled back with its transaction: the journal says so), or an
 * index build whose outcome the live schema tells; when nothing can tell, the next run refuses, naming the step
 * and the statement that settles it.
 */
class StepByStepKillTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final int KILLED = 137;

    @TempDir
    Path tmp;

    static Stream<Arguments> points() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.MARIADB, Kind.MYSQL, Kind.POSTGRESQL}) {
            all.add(Arguments.of(kind, 2));
            all.add(Arguments.of(kind, 4));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, killed in a data step at {1}")
    @MethodSource("points")
    void theNextRunUndoesWhatTheKilledOneApplied(Kind kind, int at) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        StepByStepFailureTest.catalogAtHead(db, h);
        List<Operation> steps = new ArrayList<>(List.of(new CreateTable(table("note", t -> {
            t.id();
            t.col("text", varchar(100));
        })), new AddColumn(null, "customer", column("nickname", varchar(30), true, null)),
                new CreateIndex(null, "customer", new Index("ix_customer_nickname", List.of("nickname"), false))));
        steps.add(at - 1, sql(List.of(kind == Kind.POSTGRESQL ? "insert into note (id, text) select 1, 'slow' from "
                + "pg_sleep(4)" : "insert into note (id, text) select 1, 'slow' from (select sleep(4)) s"),
                List.of("delete from note where id = 1")));
        h.add("slow", steps, Diff.reverse(steps), kind == Kind.POSTGRESQL);
        State before = SchemaLines.state(db);

        killDuring(db, h, kind == Kind.POSTGRESQL ? "pg_sleep" : "sleep(4)");
        List<String> journal = new ArrayList<>();
        for (int i = 1; i < at; i++) {
            journal.add(i + "|applied");
        }
        journal.add(at + "|started");
        assertEquals(journal, db.query("select unit, state from " + UndoJournal.NAME + " order by unit"),
                "the killed run left its journal");

        RecordingConsole console = new RecordingConsole();
        db.migrator(h.chain(), console).upgrade("0005"); // no further: what the recovery alone does
        assertEquals(before, SchemaLines.state(db), "the next run put everything back: " + console);
        List<String> undone = new ArrayList<>();
        for (int i = at - 2; i >= 0; i--) {
            undone.add(steps.get(i).describe());
        }
        assertEquals(1, console.count("Recovered: " + db.database().url() + " is back before 0006; undone: "
                + String.join(", ", undone) + "."), console.toString());
        StepByStepUndoTest.assertNoJournal(db);

        db.migrator(h.chain()).upgrade("head");
        if (kind == Kind.POSTGRESQL) {
            DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(6)), SchemaLines.of(db), "after the rerun");
        }
        assertEquals(List.of("1|slow"), db.query("select id, text from note"));
        assertEquals(6, db.appliedIds().size());
    }

    /**
     * Killed while {@code create index concurrently} waits for an older transaction: the orphaned backend finishes
     * the build once that transaction ends. The step declares the index in its {@code schemaChanges}, so the next
     * run sees it in the live schema, knows the step took effect, and undoes it too.
     */
    @Test
    void anIndexBuildInFlightIsToldFromTheLiveSchema() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        Index index = new Index("ix_person_name", List.of("name"), false);
        MigrationHistory h = people(db, List.of(new CreateIndex(null, "person", index)));
        State before = people(db);
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            blocker.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("select count(*) from person").close(); // an older snapshot the build must wait for
            }
            killDuring(db, h, "concurrently");
            blocker.commit();
        }
        awaitNoOrphan(db);
        assertEquals(List.of("ix_person_name"), db.query("select indexname from pg_indexes where indexname = "
                + "'ix_person_name'"), "the orphaned backend finished the build");
        RecordingConsole console = new RecordingConsole();
        db.migrator(h.chain(), console).upgrade("0001");
        assertEquals(before, people(db), console.toString());
        assertEquals(1, console.count("undone: sql: create index concurrently ix_person_name on person (name), "
                + "create table note (2 columns)."), console.toString());
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /**
     * MariaDB (each DDL statement atomic, committed at once) killed while it builds an index on a million rows: the
     * next run tells from the live schema whether the build landed, and undoes it (if it did) and the steps before.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void anIndexBuildInFlightOnMariaDbIsToldFromTheLiveSchema(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations")).add("people", new CreateTable(
                table("person", t -> {
                    t.id();
                    t.col("name", varchar(50));
                })));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into person (id, name) select seq, concat('person ', seq mod 1000) from seq_1_to_1000000");
        List<Operation> steps = List.of(new CreateTable(table("note", t -> {
            t.id();
            t.col("text", varchar(100));
        })), new CreateIndex(null, "person", new Index("ix_person_name", List.of("name"), false)),
                new AddColumn(null, "person", column("nick", varchar(20), true, null)));
        h.add("index", steps, Diff.reverse(steps), false);
        State before = people(db);

        killDuring(db, h, "ix_person_name");
        long killed = System.nanoTime();
        while (running(db, "ix_person_name") && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(20);
        }
        boolean landed = SchemaLines.of(db).stream().anyMatch(l -> l.startsWith("index person ix_person_name"));
        RecordingConsole console = new RecordingConsole();
        db.migrator(h.chain(), console).upgrade("0001");
        assertEquals(before, people(db), console.toString());
        assertEquals(1, console.count("undone: " + (landed ? steps.get(1).describe() + ", " : "")
                + steps.get(0).describe() + "."), "landed " + landed + ": " + console);
        System.out.printf("%s: the index build %s when the runner was killed%n", kind, landed ? "had landed"
                : "had not landed");
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /** The same step without {@code schemaChanges}: nothing tells whether it took effect, so the run refuses. */
    @Test
    void aStepNothingCanTellAboutIsRefusedWithTheWayToSettleIt() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(db, List.of());
        State before = people(db);
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            blocker.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("select count(*) from person").close();
            }
            killDuring(db, h, "concurrently");
            blocker.commit();
        }
        awaitNoOrphan(db);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        String settle = "delete from " + UndoJournal.NAME + " where migration_id = '0002' and unit = 2;";
        assertTrue(e.getMessage().contains("step 2 (sql: create index concurrently ix_person_name on person (name)) "
                + "was running when it was interrupted, and whether it took effect cannot be told: it changes no "
                + "table, column, key, index or sequence") && e.getMessage().contains(settle)
                && e.getMessage().contains("drop index concurrently ix_person_name;"), e.getMessage());
        assertEquals(List.of("0001"), db.appliedIds());
        db.execute("drop index concurrently ix_person_name", settle); // what the message says to do
        db.migrator(h.chain()).upgrade("0001");
        assertEquals(before, people(db));
        StepByStepUndoTest.assertNoJournal(db);
    }

    /** 0001 a person table with rows; 0002 (outsideTransaction) a note table, then an online index on person. */
    private MigrationHistory people(TestDatabase db, List<Operation> declared) throws Exception {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations")).add("people", new CreateTable(
                table("person", t -> {
                    t.id();
                    t.col("name", varchar(50));
                })));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into person (id, name) select i, 'p' || i from generate_series(1, 1000) i");
        List<Operation> steps = List.of(new CreateTable(table("note", t -> {
            t.id();
            t.col("text", varchar(100));
        })), new Sql(Map.of("postgresql", List.of("create index concurrently ix_person_name on person (name)")),
                Map.of("postgresql", List.of("drop index concurrently ix_person_name")), false, declared));
        return h.add("index", steps, Diff.reverse(steps), true);
    }

    private static State people(TestDatabase db) throws Exception {
        return new State(SchemaLines.of(db), db.versionRows(), db.query("select count(*), sum(id) from person"));
    }

    private static void killDuring(TestDatabase db, MigrationHistory h, String statementPart) throws Exception {
        Process runner = ForkedRunner.start(db.database().url(), h.directory());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!running(db, statementPart)) {
                if (!runner.isAlive()) {
                    fail("the runner ended (exit " + runner.exitValue() + ") before it could be killed");
                }
                if (System.nanoTime() > deadline) {
                    fail("the runner never reached the statement with " + statementPart);
                }
                Thread.sleep(20);
            }
        } finally {
            runner.destroyForcibly();
        }
        assertTrue(runner.waitFor(10, TimeUnit.SECONDS), "the killed runner did not end");
        assertEquals(KILLED, runner.exitValue(), "the runner should have been killed mid-migration");
    }

    private static boolean running(TestDatabase db, String statementPart) throws Exception {
        String query = db.kind().isMariaDb()
                ? "select count(*) from information_schema.processlist where id <> connection_id() and info like '%"
                + statementPart + "%'"
                : "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                + " and state = 'active' and query like '%" + statementPart + "%'";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static void awaitNoOrphan(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (running(db, "concurrently") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
