package io.github.entitymigrations.schema;

import io.github.entitymigrations.schema.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SQL statement of a text {@link SqlStatements#split split} into statements.
 *
 * @param text   the statement as written, from its first token to its last, without the semicolon ending it
 * @param tokens its tokens, comments left out
 */
public record SqlStatement(String text, List<SqlToken> tokens) {

    public SqlStatement {
        tokens = List.copyOf(tokens);
    }

    /**
     * The words it starts with, upper case, up to the first token that is not a word: {@code CREATE INDEX
     * CONCURRENTLY IX_A ON T} for {@code create index concurrently ix_a on t (a)}. What classifies it.
     */
    public List<String> keywords() {
        List<String> words = new ArrayList<>();
        for (SqlToken t : tokens) {
            if (t.kind() != Kind.WORD) {
                break;
            }
            words.add(t.text().toUpperCase(Locale.ROOT));
        }
        return words;
    }

    /** Whether the word {@code keyword} appears outside any parentheses (and outside quotes and comments). */
    public boolean hasTopLevelWord(String keyword) {
        int depth = 0;
        for (SqlToken t : tokens) {
            if (t.kind() == Kind.OPEN) {
                depth++;
            } else if (t.kind() == Kind.CLOSE) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && t.is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The quote or comment the statement ends inside of ({@code "a quoted string"}), or {@code null}. */
    public String unterminated() {
        SqlToken last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        return last != null && last.kind() == Kind.UNTERMINATED ? last.unterminatedWhat() : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
