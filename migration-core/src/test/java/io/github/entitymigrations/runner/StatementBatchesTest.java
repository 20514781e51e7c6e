package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which statements PostgreSQL's steps send in a batch (those that return no rows), and which statement of a
 * failed batch the driver's message names (only when it names it unmistakably).
 */
class StatementBatchesTest {

    private static final List<String> BATCH = List.of("create table a (id int)", "create table b (id int)",
            "alter table a alter column id type int using 'x'::int", "create table c (id int)");

    @Test
    void ddlAndDataChangesGoInABatchQueriesDoNot() {
        for (String sql : List.of("create table t (id int)", "  ALTER TABLE t add column c int", "drop index ix",
                "comment on column t.c is 'x'", "insert into t (id) values (1)", "update t set c = 1",
                "delete from t where id = 1", "\n\tcreate unique index ux on t (c)")) {
            assertTrue(StatementBatches.returnsNothing(sql), sql);
        }
        for (String sql : List.of("select setval('s', 5, false) from t", "SELECT 1", "with x as (select 1) delete from t",
                "insert into t (id) values (1) returning id", "update t set c = 1 RETURNING c", "values (1)",
                "", "   ", "-- comment\ncreate table t (id int)", "/* x */ alter table t add c int", "do $$ begin end $$",
                "copy t from stdin", "explain analyze delete from t", "(select 1)")) {
            assertFalse(StatementBatches.returnsNothing(sql), sql);
        }
    }

    @Test
    void theFailedStatementIsTakenFromTheDriversMessageOnlyWhenItNamesIt() {
        int[] allFailed = {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED,
                Statement.EXECUTE_FAILED};
        assertEquals(2, StatementBatches.failedIndex(failure("Batch entry 2 " + BATCH.get(2)
                + " was aborted: ERROR: invalid input syntax for type integer: \"x\"", allFailed), BATCH));
        assertEquals(0, StatementBatches.failedIndex(failure("Batch entry 0 " + BATCH.get(0) + " was aborted: ERROR: x",
                allFailed), BATCH));
        // The number and the statement disagree, the number is out of range or too long, the statement is missing
        // (the driver's logServerErrorDetail=false), the message is translated or absent: not guessed at.
        for (String message : new String[] {"Batch entry 1 " + BATCH.get(2) + " was aborted: ERROR: x",
                "Batch entry 4 " + BATCH.get(2) + " was aborted", "Batch entry 99999999999 " + BATCH.get(2),
                "Batch entry 2 <unknown> was aborted: ERROR: x", "Batch-Eintrag 2 " + BATCH.get(2) + " wurde abgebrochen",
                "Batch entry 2 " + BATCH.get(2).substring(0, 20) + " was aborted", "ERROR: x", null}) {
            assertEquals(-1, StatementBatches.failedIndex(failure(message, allFailed), BATCH), message);
        }
    }

    private static BatchUpdateException failure(String message, int[] counts) {
        return new BatchUpdateException(message, "22P02", 0, counts, null);
    }
}
