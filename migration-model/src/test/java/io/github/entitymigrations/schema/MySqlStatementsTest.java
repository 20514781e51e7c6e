package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How MariaDB and MySQL text is split: their quotes, comments and compound statements. */
class MySqlStatementsTest {

    private static List<String> split(String text) {
        return SqlStatements.split(text, SqlSyntax.MYSQL).stream().map(SqlStatement::text).toList();
    }

    @Test
    void backticksStringsWithBackslashesAndBothCommentsHideSemicolons() {
        assertEquals(List.of("insert into `a;b` values ('it\\'s; fine', \"x;\\\"y\")", "select 2"),
                split("insert into `a;b` values ('it\\'s; fine', \"x;\\\"y\"); # one; two\nselect 2; -- three; four"));
        assertEquals(List.of("select `we``ird;` from t"), split("select `we``ird;` from t;"));
        assertEquals(List.of("select 1 /* a; b */ + 1"), split("select 1 /* a; b */ + 1;"));
    }

    @Test
    void dashDashIsACommentOnlyBeforeASpace() {
        // MySQL reads 1--1 as 1 - (-1); a comment needs "-- ".
        assertEquals(List.of("select 1--1", "select 2"), split("select 1--1; select 2;"));
        assertEquals(List.of("select 1"), split("select 1; -- select 2;"));
    }

    @Test
    void aStoredProgramsBodyIsOneStatement() {
        String procedure = "create procedure fill(n int) begin declare i int default 0; while i < n do "
                + "insert into t values (i); set i = i + 1; end while; if n > 10 then select 'big'; "
                + "else select case when n > 5 then 'mid' else 'small' end; end if; end";
        assertEquals(List.of(procedure, "call fill(3)"), split(procedure + "; call fill(3);"));
        String trigger = "create trigger t_bi before insert on t for each row if new.a < 0 then set new.a = 0; end if";
        assertEquals(List.of(trigger, "select 1"), split(trigger + ";\nselect 1;"));
        String function = "create function f(a int) returns int deterministic return if(a > 0, a, 0)";
        assertEquals(List.of(function, "select f(1)"), split(function + "; select f(1);"));
        String labelled = "create procedure p() begin l: loop leave l; end loop l; end";
        assertEquals(List.of(labelled, "select 2"), split(labelled + "; select 2"));
        String ifNotExists = "create trigger if not exists t2 after update on t for each row begin update u set "
                + "n = n + 1; end";
        assertEquals(List.of(ifNotExists, "select 3"), split(ifNotExists + "; select 3"));
    }

    @Test
    void mariaDbsAnonymousBlockIsOneStatementButBeginAloneIsNot() {
        String block = "begin not atomic declare x int; set x = 1; select x; end";
        assertEquals(List.of(block, "select 2"), split(block + "; select 2;"));
        assertEquals(List.of("begin", "update t set a = 1", "commit"), split("begin; update t set a = 1; commit;"));
    }
}
