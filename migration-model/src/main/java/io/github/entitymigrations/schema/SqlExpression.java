package io.github.entitymigrations.schema;

import io.github.entitymigrations.schema.SqlToken.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Whether a text is one SQL expression, as a column's server default must be: it is written into DDL as it
 * is, so a {@code ;} would end the statement and run what follows, a comment would hide the rest of it, an
 * unbalanced quote or parenthesis or a top-level comma would carry over into the statement around it
 * ({@code alter table t add c int default 0, drop column d}). A lexical check, read as every database reads
 * it (a text that is one expression on PostgreSQL but two on SQLite is refused).
 */
public final class SqlExpression {

    private SqlExpression() {
    }

    /** What makes {@code expression} not one expression, as a phrase ({@code "has a ; outside quotes"}); or null. */
    public static String problem(String expression) {
        if (expression == null) {
            return null;
        }
        if (expression.isBlank()) {
            return "is empty";
        }
        // MySQL's syntax is left out: it reads # as a comment and \ as an escape, which would refuse expressions
        // that are fine on PostgreSQL and SQLite; the MariaDB/MySQL dialect's own literals double backslashes.
        for (SqlSyntax syntax : List.of(SqlSyntax.POSTGRESQL, SqlSyntax.SQLITE)) {
            String problem = problem(SqlLexer.tokens(expression, syntax));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String problem(List<SqlToken> tokens) {
        Deque<String> open = new ArrayDeque<>();
        for (SqlToken t : tokens) {
            switch (t.kind()) {
                case SEMICOLON -> {
                    return "has a ; outside quotes, which would end the statement";
                }
                case COMMENT -> {
                    return "has a comment (" + (t.text().startsWith("--") ? "--" : "/*") + "), which would hide "
                            + "the rest of the statement";
                }
                case UNTERMINATED -> {
                    return "ends inside " + t.unterminatedWhat();
                }
                case COMMA -> {
                    if (open.isEmpty()) {
                        return "has a comma outside parentheses, which would continue the statement";
                    }
                }
                case OPEN -> open.push(t.text().equals("(") ? ")" : "]");
                case CLOSE -> {
                    if (open.isEmpty() || !open.pop().equals(t.text())) {
                        return "has an unbalanced " + t.text();
                    }
                }
                default -> {
                    // words, strings, numbers, operators: part of an expression
                }
            }
        }
        return open.isEmpty() ? null : "has an unclosed " + (open.peek().equals(")") ? "(" : "[");
    }
}
