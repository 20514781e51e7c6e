package io.github.entitymigrations.operations;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written SQL steps: validation, reversal, and the schema changes they declare. */
class SqlTest {

    private static final Map<String, List<String>> UP = Map.of("*", List.of("update users set name = upper(name)"));
    private static final Map<String, List<String>> DOWN = Map.of("*", List.of("update users set name = lower(name)"));

    private static final Schema USERS = schema(s -> s.table("users", t -> {
        t.id();
        t.col("name", varchar(100));
    }));

    private static String invalid(Map<String, List<String>> up, Map<String, List<String>> down, boolean irreversible) {
        return assertThrows(IllegalArgumentException.class, () -> new Sql(up, down, irreversible, null)).getMessage();
    }

    @Test
    void needsUpgradeStatements() {
        assertEquals("a sql step needs \"upgrade\" statements", invalid(null, DOWN, false));
        assertEquals("a sql step needs \"upgrade\" statements", invalid(Map.of(), DOWN, false));
    }

    @Test
    void needsDowngradeStatementsOrTheIrreversibleMark() {
        assertEquals("a sql step needs \"downgrade\" statements, or \"irreversible\": true", invalid(UP, null, false));
        assertEquals("a sql step needs \"downgrade\" statements, or \"irreversible\": true",
                invalid(UP, Map.of(), false));
    }

    @Test
    void irreversibleStepCannotHaveDowngradeStatements() {
        assertEquals("a sql step marked \"irreversible\" cannot have \"downgrade\" statements",
                invalid(UP, DOWN, true));
    }

    @Test
    void reversingAnIrreversibleStepThrowsNamingIt() {
        Sql sql = new Sql(UP, null, true, null);
        IrreversibleOperationException e = assertThrows(IrreversibleOperationException.class, sql::reverse);
        assertSame(sql, e.operation());
        assertEquals("the step \"sql: update users set name = upper(name) (irreversible)\" is marked irreversible: it "
                + "has no downgrade", e.getMessage());
    }

    @Test
    void aDowngradeThroughAnIrreversibleStepIsRefusedBeforeAnythingRuns() {
        Sql sql = new Sql(UP, null, true, null);
        List<Operation> upgrade = List.of(new AddColumn(null, "users", col("email", varchar(10)).build()), sql);
        assertThrows(IrreversibleOperationException.class, () -> new Diff(upgrade, List.of()).downgrade());
    }

    @Test
    void reverseSwapsStatementsAndReversesSchemaChanges() {
        Column email = col("email", varchar(200)).build();
        Column code = col("code", BIGINT).notNull().defaultValue("0").build();
        List<Operation> changes = List.of(new AddColumn(null, "users", email), new AddColumn(null, "users", code));
        Sql sql = new Sql(UP, DOWN, false, changes);
        Sql reverse = (Sql) sql.reverse();
        assertEquals(new Sql(DOWN, UP, false, List.of(new DropColumn(null, "users", code),
                new DropColumn(null, "users", email))), reverse);
        assertEquals(sql, reverse.reverse());
    }

    @Test
    void schemaChangesAreReplayedAndReversed() {
        Column email = col("email", varchar(200)).build();
        Sql sql = new Sql(UP, DOWN, false, List.of(new AddColumn(null, "users", email)));
        Schema after = new SchemaState(USERS).apply(List.of(sql)).toSchema();
        Schema expected = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", varchar(100));
            t.col("email", varchar(200));
        }));
        assertEquals(expected, after);
        assertEquals(USERS, new SchemaState(after).apply(List.of(sql.reverse())).toSchema());
    }

    @Test
    void anIrreversibleStepStillReplaysItsSchemaChanges() {
        Sql sql = new Sql(UP, null, true, List.of(new DropColumn(null, "users", col("name", varchar(100)).build())));
        Schema after = new SchemaState(USERS).apply(List.of(sql)).toSchema();
        assertEquals(schema(s -> s.table("users", t -> t.id())), after);
    }

    @Test
    void aStepWithoutSchemaChangesLeavesTheSchemaAsItIs() {
        Sql sql = new Sql(UP, DOWN, false, null);
        assertEquals(List.of(), sql.schemaChanges());
        assertEquals(USERS, new SchemaState(USERS).apply(List.of(sql, sql.reverse())).toSchema());
    }

    @Test
    void statementsForADialectFallBackToAnyDialect() {
        Map<String, List<String>> byDialect = Map.of("*", List.of("select 1"), "sqlite", List.of("select 2"));
        assertEquals(List.of("select 2"), Sql.statementsFor(byDialect, "sqlite"));
        assertEquals(List.of("select 1"), Sql.statementsFor(byDialect, "postgresql"));
        assertEquals(List.of(), Sql.statementsFor(Map.of("sqlite", List.of("select 2"), "postgresql", List.of()),
                "postgresql"), "an empty list says: nothing to do on this database");
    }

    /** Issue 10, item 4: a step keyed for another database only used to run nothing, and be recorded. */
    @Test
    void statementsForADialectTheStepDoesNotNameAreRefused() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Sql.statementsFor(Map.of("sqlite", List.of("select 2")), "postgresql"));
        assertEquals("it has no statements for postgresql and none for \"*\", so it would do nothing there: add "
                + "them, or write \"postgresql\": [] if it is meant to do nothing on postgresql", e.getMessage());
    }

    /** A database the runner supports reads its steps' text with its own syntax: its name must be a key here. */
    @Test
    void everyDialectIsAValidKey() {
        assertTrue(Sql.DIALECTS.containsKey(new io.github.entitymigrations.dialect.PostgresDialect(null).name()));
        assertTrue(Sql.DIALECTS.containsKey(new io.github.entitymigrations.dialect.SqliteDialect().name()));
    }

    /** Issue 10, item 2: each string is split into its statements, the same way on every database. */
    @Test
    void eachStringIsSplitIntoItsStatements() {
        Map<String, List<String>> byDialect = Map.of("*", List.of("update t set a = ';' where id = 2; update t "
                + "set a = 1 where id = 3;", "-- only a comment", "select 4"));
        List<String> expected = List.of("update t set a = ';' where id = 2", "update t set a = 1 where id = 3",
                "select 4");
        assertEquals(expected, Sql.statementsFor(byDialect, "postgresql"));
        assertEquals(expected, Sql.statementsFor(byDialect, "sqlite"));
    }

    /** Issue 10, item 4: "postgres" or "sqlite3" ran nothing and passed check. */
    @Test
    void anUnknownDialectKeyIsRefusedNamingTheValidKeysAndTheClosest() {
        assertEquals("a sql step's \"upgrade\" is keyed by unknown database \"postgres\" (did you mean "
                + "\"postgresql\"?): the keys are postgresql, sqlite, mariadb, mysql and * (any database)",
                invalid(Map.of("postgres", List.of("select 1")), DOWN, false));
        assertEquals("a sql step's \"downgrade\" is keyed by unknown database \"sqlite3\" (did you mean "
                + "\"sqlite\"?): the keys are postgresql, sqlite, mariadb, mysql and * (any database)",
                invalid(UP, Map.of("sqlite3", List.of("select 1")), false));
        assertTrue(invalid(Map.of("PostgreSQL", List.of("select 1")), DOWN, false)
                .contains("\"PostgreSQL\" (did you mean \"postgresql\"?)"));
        assertEquals("a sql step's \"upgrade\" is keyed by unknown database \"oracle\": the keys are postgresql, "
                + "sqlite, mariadb, mysql and * (any database)", invalid(Map.of("oracle", List.of("select 1")), DOWN, false));
    }

    @Test
    void describeShowsTheFirstStatementOnOneShortLine() {
        String longStatement = "update   users\n   set name = " + "x".repeat(100);
        Sql sql = new Sql(Map.of("postgresql", List.of(longStatement, "select 2")), DOWN, false, null);
        String expected = ("update users set name = " + "x".repeat(100)).substring(0, 67) + "...";
        assertEquals("sql: " + expected, sql.describe());
    }
}
