package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the runner does for online migrations: a migration's {@code "lockTimeout"} bounds its wait for a lock on
 * PostgreSQL and the error names the session in the way; a failed concurrent index build leaves no invalid index;
 * a concurrent build in a transactional migration is refused before anything runs.
 */
class OnlineRunnerTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static MigrationHistory people(Path directory) {
        return new MigrationHistory(directory).add("people", new CreateTable(table("person", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
    }

    private static List<Operation> addNickname() {
        return List.of(new AddColumn(null, "person", MigrationHistory.column("nickname", varchar(20), true, null)));
    }

    @Test
    void aLockHeldLongerThanTheTimeoutFailsNamingTheSessionAndLeavesNothing() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into person (id, name) values (1, 'Ann')");
        h.add("add nickname", addNickname(), Diff.reverse(addNickname()), false, "500ms");
        int pid;
        try (Connection blocker = db.connect()) {
            blocker.setClientInfo("ApplicationName", "report-job");
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid(), "
                    + "(select count(*) from person)")) {
                rs.next();
                pid = rs.getInt(1); // its transaction now holds an access share lock on person
            }
            long started = System.nanoTime();
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
            long ms = (System.nanoTime() - started) / 1_000_000;
            String m = e.getMessage();
            assertTrue(ms >= 450 && ms < 5_000, "failed after " + ms + " ms, not about the 500ms lock timeout");
            assertTrue(m.contains("0002 add nickname (0002_add_nickname.json) waited longer than its lock timeout (500ms)"),
                    m);
            assertTrue(m.contains("pid " + pid + " (user ") && m.contains("application report-job")
                    && m.contains("idle in transaction") && m.contains("person (AccessShareLock)")
                    && m.contains("select pg_backend_pid()"), m);
            assertTrue(m.contains("It was rolled back") && m.contains("select pg_terminate_backend(" + pid + ")")
                    && m.contains("raise \"lockTimeout\" in 0002_add_nickname.json (now \"500ms\")"), m);
            assertEquals(List.of("0001"), db.appliedIds(), "no version row");
            assertEquals(List.of(), db.query("select column_name from information_schema.columns where table_name = "
                    + "'person' and column_name = 'nickname'"), "nothing of the migration stays");
            blocker.commit();
        }
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        assertEquals(List.of("1|Ann|null"), db.query("select id, name, nickname from person"));
    }

    @Test
    void anOutsideTransactionMigrationWaitsAtMostItsTimeoutToo() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        h.add("add nickname", addNickname(), Diff.reverse(addNickname()), true, "300ms");
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table person in share mode");
            }
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
            assertTrue(e.getMessage().contains("person (ShareLock)") && e.getMessage().contains("outside a transaction"),
                    e.getMessage());
            blocker.rollback();
        }
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    @Test
    void aFailedConcurrentUniqueIndexIsDroppedSoARerunAfterFixingTheDataWorks() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into person (id, name) values (1, 'Ann'), (2, 'Ann')");
        List<Operation> index = List.of(new CreateIndex(null, "person",
                new Index("ux_person_name", List.of("name"), true), true));
        h.add("unique names", index, Diff.reverse(index), true, null);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("create unique index concurrently ux_person_name on person (name)")
                && e.getMessage().contains("left the invalid index public.ux_person_name behind; it was dropped"),
                e.getMessage());
        assertEquals(List.of(), db.query("select indexname from pg_indexes where indexname = 'ux_person_name'"));
        assertEquals(List.of("0001"), db.appliedIds());
        db.execute("delete from person where id = 2");
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("ux_person_name|t"), db.query("select c.relname, i.indisvalid from pg_index i "
                + "join pg_class c on c.oid = i.indexrelid where c.relname = 'ux_person_name'"));
        db.migrator(h.chain()).downgrade("-1");
        assertEquals(List.of(), db.query("select indexname from pg_indexes where indexname = 'ux_person_name'"));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void aConcurrentIndexInATransactionalMigrationIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        List<Operation> index = List.of(new CreateIndex(null, "person",
                new Index("ix_person_name", List.of("name"), false), true));
        h.add("index names", index, Diff.reverse(index), false, null);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("Refused before running anything") && e.getMessage().contains(
                "\"outsideTransaction\": true"), e.getMessage());
        assertEquals(false, db.hasVersionTable(), "nothing ran, not even migration 0001");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE", "MARIADB", "MYSQL"})
    void onlineMigrationsApplyAndRevertOnBothDatabases(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        h.add("add nickname", addNickname(), Diff.reverse(addNickname()), false, "2s");
        List<Operation> index = List.of(new CreateIndex(null, "person",
                new Index("ix_person_nickname", List.of("nickname"), false), true));
        h.add("index nicknames", index, Diff.reverse(index), true, "2s");
        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("0001", "0002", "0003"), db.appliedIds());
        assertEquals(db.expected(h.schemaAt(3)), db.schema());
        db.migrator(h.chain()).downgrade("base");
        assertEquals(List.of(), db.appliedIds());
    }

    @Test
    void theScriptSetsTheLockTimeoutInEachTransactionAndResetsItAfterAnOutsideOne() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        h.add("add nickname", addNickname(), Diff.reverse(addNickname()), false, "2s");
        List<Operation> index = List.of(new CreateIndex(null, "person",
                new Index("ix_person_nickname", List.of("nickname"), false), true));
        h.add("index nicknames", index, Diff.reverse(index), true, "1min");
        String script = SqlScript.render(db.database(), h.chain(), "base", "head", new RecordingConsole());
        assertTrue(script.contains("begin;\nset local lock_timeout = '2s';\nalter table person add column nickname"),
                script);
        assertTrue(script.contains("set lock_timeout = '1min';\ncreate index concurrently ix_person_nickname on person "
                + "(nickname);\ninsert into"), script);
        assertTrue(script.contains("reset lock_timeout;"), script);
    }
}
