package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting SQL text into statements: only at the semicolons that end one, as each database reads the text. */
class SqlStatementsTest {

    private static List<String> pg(String text) {
        return texts(text, SqlSyntax.POSTGRESQL);
    }

    private static List<String> sqlite(String text) {
        return texts(text, SqlSyntax.SQLITE);
    }

    private static List<String> texts(String text, SqlSyntax syntax) {
        return SqlStatements.split(text, syntax).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsAndDropsEmptyStatements() {
        List<String> two = List.of("update t set a = 1 where id = 2", "update t set a = 1 where id = 3");
        String text = "update t set a = 1 where id = 2; update t set a = 1 where id = 3;";
        assertEquals(two, pg(text));
        assertEquals(two, sqlite(text));
        assertEquals(List.of("select 1"), pg(";; select 1 ;\n ; "));
        assertEquals(List.of(), pg("  ;  -- nothing\n /* at all */ ;"));
    }

    @Test
    void aSemicolonInAStringOrQuotedIdentifierIsNoEnd() {
        assertEquals(List.of("insert into t values ('a;b', 'it''s; fine')", "select 1"),
                pg("insert into t values ('a;b', 'it''s; fine'); select 1"));
        assertEquals(List.of("select \"a;\"\"b\" from t"), pg("select \"a;\"\"b\" from t;"));
        assertEquals(List.of("select `a;b`, [c;d] from t"), sqlite("select `a;b`, [c;d] from t"));
    }

    @Test
    void commentsHideSemicolonsAndAreTrimmedFromTheEnds() {
        assertEquals(List.of("select 1 /* ; */ + 2", "select 3"),
                pg("-- first; not a statement\nselect 1 /* ; */ + 2; -- trailing; note\nselect 3 -- end;"));
    }

    @Test
    void postgresNestsBlockCommentsAndSqliteDoesNot() {
        String text = "select 1 /* outer /* inner */ still; comment */; select 2";
        assertEquals(List.of("select 1", "select 2"), pg(text), "the comment ends the first statement's text");
        assertEquals(List.of("select 1 /* outer /* inner */ still", "comment */", "select 2"), sqlite(text));
    }

    @Test
    void dollarQuotedBodiesAreOneToken() {
        String function = "create function f() returns void language plpgsql as $body$ begin update t set a = 1; "
                + "commit; end $body$";
        assertEquals(List.of(function, "select 1"), pg(function + "; select 1"));
        assertEquals(List.of("do $$ begin perform 1; end $$"), pg("do $$ begin perform 1; end $$;"));
        assertEquals(List.of("select $1", "select a$b from t"), pg("select $1; select a$b from t"));
    }

    @Test
    void escapeStringsTakeBackslashEscapesOnPostgres() {
        assertEquals(List.of("select E'it\\'s; here'", "select 2"), pg("select E'it\\'s; here'; select 2"));
        // Without the E, a backslash is an ordinary character.
        assertEquals(List.of("select 'a\\'", "select 2"), pg("select 'a\\'; select 2"));
    }

    @Test
    void aSqliteTriggerBodyIsOneStatementEvenWithCaseEnd() {
        String trigger = "create temp trigger audit after update on t begin "
                + "insert into log values (case when new.a > 1 then 'big' else 'small' end); "
                + "update t2 set n = n + 1; end";
        assertEquals(List.of(trigger, "select 1"), sqlite(trigger + "; select 1"));
        assertEquals(List.of(trigger), sqlite(trigger));
    }

    @Test
    void aPostgresBeginAtomicBodyIsOneStatementEvenWithCaseEnd() {
        String function = "create function f(a int) returns int language sql begin atomic "
                + "select case when a > 1 then 1 else 0 end; select 2; end";
        assertEquals(List.of(function, "commit"), pg(function + "; commit"));
        assertEquals(List.of("create procedure p() begin atomic end", "select 1"),
                pg("create procedure p() begin atomic end; select 1"));
    }

    @Test
    void aColumnNamedBeginIsNoBody() {
        assertEquals(List.of("create table t (begin integer, \"end\" integer)", "select 1"),
                sqlite("create table t (begin integer, \"end\" integer); select 1"));
        assertEquals(List.of("create table t (begin integer)", "select 1"), pg("create table t (begin integer); select 1"));
    }

    @Test
    void keywordsSkipCommentsAndStopAtTheFirstNonWord() {
        SqlStatement s = SqlStatements.split("/* x */ -- y\n CREATE index Concurrently ix on t (a)",
                SqlSyntax.POSTGRESQL).get(0);
        assertEquals(List.of("CREATE", "INDEX", "CONCURRENTLY", "IX", "ON", "T"), s.keywords());
        assertEquals(true, s.hasTopLevelWord("concurrently"));
        assertEquals(false, SqlStatements.split("create index ix on t (concurrently)", SqlSyntax.POSTGRESQL).get(0)
                .hasTopLevelWord("concurrently"));
    }

    @Test
    void textEndingInsideAQuoteOrCommentSaysSo() {
        assertEquals("a quoted string", last("select 'abc; commit", SqlSyntax.POSTGRESQL));
        assertEquals("a quoted string", last("select E'abc\\'", SqlSyntax.POSTGRESQL));
        assertEquals("a quoted identifier", last("select \"abc", SqlSyntax.SQLITE));
        assertEquals("a dollar-quoted string", last("select $x$ abc $y$", SqlSyntax.POSTGRESQL));
        assertEquals("a /* comment", last("select 1 /* /* */", SqlSyntax.POSTGRESQL));
        assertNull(last("select 1 /* /* */", SqlSyntax.SQLITE));
    }

    private static String last(String text, SqlSyntax syntax) {
        List<SqlStatement> all = SqlStatements.split(text, syntax);
        return all.get(all.size() - 1).unterminated();
    }
}
