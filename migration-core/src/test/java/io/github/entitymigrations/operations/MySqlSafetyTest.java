package io.github.entitymigrations.operations;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a sql step may not run on MariaDB and MySQL, and look-alikes that pass. */
class MySqlSafetyTest {

    private static String refusal(String dialect, String text) {
        String first = null;
        for (SqlStatement s : Sql.statements(Map.of("*", List.of(text)), dialect)) {
            String r = SqlSafety.refusal(s, dialect, false);
            first = first == null ? r : first;
        }
        return first;
    }

    @ParameterizedTest
    @ValueSource(strings = {"commit", "rollback", "begin", "begin work", "start transaction read only",
            "savepoint a", "release savepoint a", "rollback to savepoint a", "set transaction isolation level serializable",
            "lock tables t write", "LOCK TABLE t READ", "unlock tables", "set autocommit = 1", "SET SESSION autocommit=0",
            "xa start 'x'", "flush tables with read lock", "use other_db", "# why\ncommit", "update t set a = 1; commit"})
    void escapingTheRunnersHoldIsRefusedOnBothFlavours(String text) {
        for (String dialect : List.of("mariadb", "mysql")) {
            String reason = refusal(dialect, text);
            assertNotNull(reason, dialect + ": " + text);
            assertTrue(reason.contains("migration") || reason.contains("database") || reason.contains("remove"),
                    reason);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"begin not atomic update t set a = 1; end", "select 'commit'", "select `commit` from t",
            "update t set note = 'lock tables' # unlock tables", "create table `lock` (a int)", "flush tables",
            "create procedure p() begin start_transaction_count(); end", "alter table t add column b int",
            "vacuum_x", "create database if not exists reporting"})
    void lookAlikesPass(String text) {
        for (String dialect : List.of("mariadb", "mysql")) {
            assertNull(refusal(dialect, text), dialect + ": " + text);
        }
    }
}
