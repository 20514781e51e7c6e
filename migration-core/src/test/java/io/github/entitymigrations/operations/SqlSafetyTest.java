package io.github.entitymigrations.operations;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements a sql step may not run, decided on tokens: each refused keyword, and look-alikes that pass. */
class SqlSafetyTest {

    private static String refusal(String dialect, String text, boolean outside) {
        List<SqlStatement> statements = Sql.statements(Map.of("*", List.of(text)), dialect);
        String first = null;
        for (SqlStatement s : statements) {
            String r = SqlSafety.refusal(s, dialect, outside);
            first = first == null ? r : first;
        }
        return first;
    }

    @ParameterizedTest
    @ValueSource(strings = {"commit", "COMMIT WORK", "rollback", "rollback to savepoint a", "begin",
            "begin transaction", "start transaction isolation level serializable", "end", "abort", "savepoint a",
            "release savepoint a", "release a", "set transaction read only", "prepare transaction 'x'",
            "set session characteristics as transaction isolation level serializable", "commit prepared 'x'",
            "/* why */ commit -- now", "update t set a = 1; commit"})
    void transactionControlIsRefusedOnBothDatabasesEvenOutsideATransaction(String text) {
        for (String dialect : List.of("postgresql", "sqlite")) {
            String reason = refusal(dialect, text, true);
            assertNotNull(reason, dialect + ": " + text);
            assertTrue(reason.contains("migration"), reason);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"begin deferred", "begin immediate transaction", "begin exclusive", "end transaction",
            "pragma foreign_keys = off", "PRAGMA main.foreign_keys=ON", "pragma \"foreign_keys\" = 0"})
    void sqliteTransactionControlAndForeignKeysPragmaAreRefused(String text) {
        assertNotNull(refusal("sqlite", text, false), text);
        assertNotNull(refusal("sqlite", text, true), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vacuum", "vacuum full analyze t", "create database other", "drop database other",
            "create index concurrently ix on t (a)", "create unique index concurrently if not exists ix on t (a)",
            "drop index concurrently ix", "reindex (verbose) index concurrently ix", "reindex database db",
            "alter system set work_mem = '1MB'", "cluster", "cluster verbose", "create tablespace s location '/x'",
            "alter table t detach partition p concurrently", "discard all"})
    void postgresStatementsThatCannotRunInATransactionNeedOutsideTransaction(String text) {
        String reason = refusal("postgresql", text, false);
        assertNotNull(reason, text);
        assertTrue(reason.contains("\"outsideTransaction\": true"), reason);
        assertNull(refusal("postgresql", text, true), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vacuum", "attach database 'x.db' as x", "detach database x", "pragma journal_mode = wal",
            "pragma synchronous = off", "pragma main.locking_mode = exclusive", "PRAGMA temp_store(2)",
            "pragma page_size = 8192", "pragma auto_vacuum = full", "pragma wal_checkpoint(truncate)"})
    void sqliteStatementsThatCannotRunInATransactionNeedOutsideTransaction(String text) {
        String reason = refusal("sqlite", text, false);
        assertNotNull(reason, text);
        assertTrue(reason.contains("\"outsideTransaction\": true"), reason);
        assertNull(refusal("sqlite", text, true), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update t set note = 'commit; rollback'", "insert into log values ('begin')",
            "-- commit\nupdate t set a = 1", "/* rollback; */ select 1", "select \"commit\" from t",
            "update t set a = 1 -- then commit",
            "create function f() returns void language plpgsql as $$ begin commit; end $$",
            "create function g() returns void language plpgsql as $x$ begin rollback; end $x$",
            "do $$ begin perform 1; end $$", "create index ix on t (concurrently)",
            "refresh materialized view concurrently mv", "create table t (begin integer, \"end\" integer)",
            "select E'\\'; commit; '", "create function h(a int) returns int language sql begin atomic "
            + "select case when a > 1 then 1 else 0 end; end", "cluster t using ix", "set search_path to app",
            "alter table vacuum_log add column a int", "update vacuums set ended = true"})
    void lookAlikesOnPostgresPass(String text) {
        assertNull(refusal("postgresql", text, false), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update t set note = 'commit; rollback'", "-- commit\nupdate t set a = 1",
            "create trigger audit after update on t begin insert into log values ('x'); "
                    + "update t2 set n = case when n > 1 then 0 else n + 1 end; end",
            "create temporary trigger tr before delete on t begin select raise(abort, 'no'); end",
            "pragma foreign_key_check", "pragma defer_foreign_keys = on", "pragma table_info(t)",
            "select [commit] from t", "select `begin` from t", "pragma user_version = 3"})
    void lookAlikesOnSqlitePass(String text) {
        assertNull(refusal("sqlite", text, false), text);
    }
}
