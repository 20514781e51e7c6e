package io.github.entitymigrations.schema;

import io.github.entitymigrations.schema.SqlToken.Kind;
import java.util.List;
import java.util.Set;

/**
 * Where a MariaDB/MySQL compound statement's body ends, so the semicolons inside a stored program
 * ({@code create trigger|procedure|function|event ... begin ...; ...; end}, a trigger or function body that is one
 * {@code if ... end if}, MariaDB's {@code begin not atomic ... end}) do not split it, as the {@code delimiter} command
 * of their clients would arrange. Blocks open at {@code begin}, {@code case}, and at {@code if}, {@code while},
 * {@code loop} and {@code repeat} where they start a statement (so the function {@code if(a, b, c)} opens none), and
 * close at {@code end} ({@code end if}, {@code end case}, ... included).
 */
final class MySqlCompound {

    private static final Set<String> PROGRAMS = Set.of("trigger", "procedure", "function", "event");
    private static final Set<String> STATEMENT_BLOCKS = Set.of("if", "while", "loop", "repeat");
    /** The words after which a statement starts inside a body. */
    private static final Set<String> STATEMENT_STARTS = Set.of("begin", "then", "else", "do", "loop", "repeat", "row",
            "deterministic", "sql", "data", "definer", "invoker", "atomic");

    private int depth;

    /** Whether {@code tokens} (a statement so far) is a stored program or an anonymous compound statement. */
    static boolean isCompound(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.get(0).is("begin")) {
            return tokens.size() >= 3 && tokens.get(1).is("not") && tokens.get(2).is("atomic");
        }
        if (!tokens.get(0).is("create")) {
            return false;
        }
        for (int i = 1; i < Math.min(tokens.size(), 12); i++) {
            SqlToken t = tokens.get(i);
            if (t.kind() == Kind.WORD && PROGRAMS.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Sees the next token of a compound statement, after {@code before}. */
    void see(SqlToken t, List<SqlToken> before) {
        if (t.kind() != Kind.WORD) {
            return;
        }
        SqlToken previous = before.isEmpty() ? null : before.get(before.size() - 1);
        if (t.is("end")) {
            depth = Math.max(0, depth - 1);
        } else if (t.is("begin") || t.is("case")) {
            depth++;
        } else if (STATEMENT_BLOCKS.contains(t.text().toLowerCase(java.util.Locale.ROOT)) && startsStatement(previous)) {
            depth++;
        }
    }

    private static boolean startsStatement(SqlToken previous) {
        if (previous == null || previous.kind() == Kind.SEMICOLON || previous.text().equals(":")) {
            return true;
        }
        return previous.kind() == Kind.WORD
                && STATEMENT_STARTS.contains(previous.text().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a semicolon here ends the statement: outside every block of its body. */
    boolean outside() {
        return depth == 0;
    }
}
