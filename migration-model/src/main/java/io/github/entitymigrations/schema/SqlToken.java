package io.github.entitymigrations.schema;

/**
 * One token of SQL text, as {@link SqlLexer} reads it.
 *
 * @param kind  what it is
 * @param text  the token as written (a string with its quotes)
 * @param start its offset in the text
 */
public record SqlToken(Kind kind, String text, int start) {

    /** The kinds of token; whitespace is not one. */
    public enum Kind {
        /** A keyword or unquoted identifier. */
        WORD,
        /** A quoted identifier ({@code "x"}; on SQLite also {@code `x`}, {@code [x]}). */
        IDENTIFIER,
        /** A string constant, including {@code E'...'} and dollar-quoted ones. */
        STRING,
        NUMBER,
        /** {@code -- ...} or {@code /* ... *}{@code /}. */
        COMMENT,
        SEMICOLON,
        /** {@code (}, or {@code [} on PostgreSQL. */
        OPEN,
        /** {@code )}, or {@code ]} on PostgreSQL. */
        CLOSE,
        COMMA,
        /** Any other character (operators, parameters). */
        SYMBOL,
        /** A string, quoted identifier or comment the text ends inside of: the rest of the text. */
        UNTERMINATED
    }

    public int end() {
        return start + text.length();
    }

    /** For an {@link Kind#UNTERMINATED} token, what it is: {@code "a quoted string"}, {@code "a comment"}, ... */
    public String unterminatedWhat() {
        if (text.startsWith("/*")) {
            return "a /* comment";
        }
        return switch (Character.toLowerCase(text.charAt(0))) {
            case '\'', 'e' -> "a quoted string";
            case '$' -> "a dollar-quoted string";
            default -> "a quoted identifier";
        };
    }

    /** Whether this is the word {@code keyword}, case-insensitively. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
}
