package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A server default must be one SQL expression on every database. */
class SqlExpressionTest {

    @Test
    void expressionsPass() {
        for (String ok : new String[] {"'it''s'", "current_timestamp", "(1 + 2)", "nextval('seq')", "'a;b'", "0",
                "'{1,2}'::int[]", "ARRAY[1, 2]", "coalesce(a, 'x, y')", "'--not a comment'",
                "\"quoted\"()", "-1", "true"}) {
            assertNull(SqlExpression.problem(ok), ok);
        }
    }

    @Test
    void moreThanOneExpressionIsRefusedSayingWhy() {
        assertEquals("has a ; outside quotes, which would end the statement",
                SqlExpression.problem("'x'; drop table victim; --"));
        assertEquals("has a comment (--), which would hide the rest of the statement", SqlExpression.problem("1 -- x"));
        assertEquals("has a comment (/*), which would hide the rest of the statement", SqlExpression.problem("1 /* x */"));
        assertEquals("ends inside a quoted string", SqlExpression.problem("'abc"));
        assertEquals("has an unbalanced )", SqlExpression.problem("1) + (2"));
        assertEquals("has an unclosed (", SqlExpression.problem("(1 + 2"));
        assertEquals("has a comma outside parentheses, which would continue the statement",
                SqlExpression.problem("0, drop column secret"));
        assertEquals("is empty", SqlExpression.problem(" "));
    }

    /** Read as SQLite reads it (no E-strings), the backslash does not escape and the ; is outside quotes. */
    @Test
    void oneExpressionOnPostgresButTwoOnSqliteIsRefused() {
        assertEquals("has a ; outside quotes, which would end the statement",
                SqlExpression.problem("E'\\'; drop table victim; select '"));
    }
}
