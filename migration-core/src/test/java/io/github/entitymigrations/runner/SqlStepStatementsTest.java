package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a {@code sql} step's text does, the same on every database: a statement that would end the
 * migration's transaction is refused before anything runs; one string holding several statements runs each
 * of them; a step with no statements for the database in use is refused instead of doing nothing.
 */
class SqlStepStatementsTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String PLUS = "update customer set name = name || '+' where id = 1";

    /** {@link #PLUS} on that database: MariaDB's and MySQL's {@code ||} is {@code or}. */
    private static String plus(Kind kind) {
        return kind.isMariaDb() ? "update customer set name = concat(name, '+') where id = 1" : PLUS;
    }

    /** The key of the database's statements in a {@code sql} step. */
    private static String key(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @TempDir
    Path tmp;

    /** Issue 10, item 1: PostgreSQL committed the update and said nothing was applied; SQLite hid the error. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCommitInsideASqlStepIsRefusedBeforeAnythingRunsAndTheFixedStepAppliesOnce(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(customers(tmp.resolve("before")).chain());
        migrator.upgrade("head");
        db.execute("insert into customer (id, name) values (1, 'Alice'), (2, 'Bob'), (3, 'Carol')");
        MigrationHistory broken = customers(tmp.resolve("broken")).add("mark alice",
                sql(List.of(plus(kind), "commit", "insert into no_such_table values (1)"), List.of("select 1")));

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(broken.chain()).upgrade("head"));

        assertTrue(e.getMessage().contains("0002_mark_alice.json") && e.getMessage().contains("step 1")
                && e.getMessage().contains("statement 2 of 3") && e.getMessage().contains("commit")
                && e.getMessage().contains("\"*\"") && e.getMessage().contains("Nothing was run"), e.getMessage());
        assertEquals(List.of("1|Alice", "2|Bob", "3|Carol"), db.query("select id, name from customer order by id"));
        assertEquals(List.of("0001"), db.appliedIds());

        MigrationHistory fixed = customers(tmp.resolve("fixed")).add("mark alice",
                sql(List.of(plus(kind), "insert into customer (id, name) values (4, 'Dan')"), List.of("select 1")));
        db.migrator(fixed.chain()).upgrade("head");
        assertEquals(List.of("1|Alice+", "2|Bob", "3|Carol", "4|Dan"),
                db.query("select id, name from customer order by id"), "the update applied exactly once");
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /** Issue 10, item 2: SQLite ran only the first statement of the string, and both reported success. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneStringWithSeveralStatementsRunsEachOfThem(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(customers(tmp.resolve("before")).chain()).upgrade("head");
        db.execute("insert into customer (id, name) values (1, 'Alice'), (2, 'Bob'), (3, 'Carol')");
        MigrationHistory h = customers(tmp.resolve("after")).add("rename two", sql(
                List.of("update customer set name = 'Bea' where id=2; update customer set name = 'Cy; D' where id=3;"),
                List.of("update customer set name = 'Bob' where id=2; update customer set name = 'Carol' where id=3")));

        String script = SqlScript.render(db.database(), h.chain(), "0001", "head", Console.SILENT);
        assertTrue(script.contains("\nupdate customer set name = 'Bea' where id=2;\nupdate customer set name = 'Cy; D' "
                + "where id=3;\n"), "the sql goal's script shows each statement:\n" + script);

        db.migrator(h.chain()).upgrade("head");
        assertEquals(List.of("1|Alice", "2|Bea", "3|Cy; D"), db.query("select id, name from customer order by id"));

        db.migrator(h.chain()).downgrade("-1");
        assertEquals(List.of("1|Alice", "2|Bob", "3|Carol"), db.query("select id, name from customer order by id"));
    }

    /** Issue 10, item 4: a step keyed for another database ran 0 statements and was recorded as applied. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStepWithNoStatementsForThisDatabaseIsRefusedUnlessItSaysSo(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        db.migrator(customers(tmp.resolve("before")).chain()).upgrade("head");
        db.execute("insert into customer (id, name) values (1, 'Alice')");
        String other = kind == Kind.SQLITE ? "postgresql" : "sqlite";
        String own = key(kind);
        MigrationHistory missing = customers(tmp.resolve("missing")).add("other database only", new Sql(
                Map.of(other, List.of(PLUS)), Map.of(other, List.of("select 1")), false, List.of()));

        MigrationException e = assertThrows(MigrationException.class,
                () -> db.migrator(missing.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("0002_other_database_only.json") && e.getMessage().contains("\"" + own
                + "\": []") && e.getMessage().contains("Nothing was run"), e.getMessage());
        assertEquals(List.of("0001"), db.appliedIds());

        MigrationHistory explicit = customers(tmp.resolve("explicit")).add("other database only", new Sql(
                Map.of(other, List.of(PLUS), own, List.of()), Map.of(other, List.of("select 1"), own, List.of()),
                false, List.of()));
        db.migrator(explicit.chain()).upgrade("head");
        assertEquals(List.of("1|Alice"), db.query("select id, name from customer"));
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    private static MigrationHistory customers(Path directory) {
        return new MigrationHistory(directory).add("customers", new CreateTable(table("customer", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
    }
}
