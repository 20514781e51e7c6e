package io.github.entitymigrations.schema;

import io.github.entitymigrations.schema.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQL text into tokens, knowing its quotes and comments, so a semicolon or keyword inside a string, a
 * quoted identifier, a comment or a dollar-quoted function body is never taken for one outside. Whitespace is
 * dropped; comments are kept (as {@link Kind#COMMENT}). It never fails: text that ends inside a quote or
 * comment ends with one {@link Kind#UNTERMINATED} token.
 */
public final class SqlLexer {

    private final String text;
    private final SqlSyntax syntax;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String text, SqlSyntax syntax) {
        this.text = text;
        this.syntax = syntax;
    }

    public static List<SqlToken> tokens(String text, SqlSyntax syntax) {
        SqlLexer lexer = new SqlLexer(text, syntax);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-' && (!syntax.mysql || dashDashComment())) {
                lineComment();
            } else if (c == '#' && syntax.mysql) {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted('\'', Kind.STRING, syntax.mysql);
            } else if (c == '"') {
                quoted('"', syntax.mysql ? Kind.STRING : Kind.IDENTIFIER, syntax.mysql);
            } else if (syntax.backtickIdentifiers && c == '`') {
                quoted('`', Kind.IDENTIFIER, false);
            } else if (syntax.bracketIdentifiers && c == '[') {
                bracketIdentifier();
            } else if (syntax.escapeStrings && (c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                quoted('\'', Kind.STRING, true);
                SqlToken last = tokens.remove(tokens.size() - 1);
                tokens.add(new SqlToken(last.kind(), c + last.text(), last.start() - 1));
            } else if (c == '$' && syntax.dollarQuotes && dollarTag() != null) {
                dollarQuoted(dollarTag());
            } else if (isWordStart(c)) {
                add(Kind.WORD, scan(pos + 1, true));
            } else if (Character.isDigit(c)) {
                add(Kind.NUMBER, scan(pos + 1, false));
            } else {
                add(single(c), pos + 1);
            }
        }
    }

    private void lineComment() {
        int end = text.indexOf('\n', pos);
        add(Kind.COMMENT, end < 0 ? text.length() : end);
    }

    /** MySQL: {@code --} starts a comment only when a space, control character or the end of the text follows. */
    private boolean dashDashComment() {
        return pos + 2 >= text.length() || text.charAt(pos + 2) <= ' ';
    }

    private Kind single(char c) {
        return switch (c) {
            case ';' -> Kind.SEMICOLON;
            case ',' -> Kind.COMMA;
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case '[' -> Kind.OPEN; // on SQLite a [ starts an identifier, handled before
            case ']' -> Kind.CLOSE;
            default -> Kind.SYMBOL;
        };
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    private void add(Kind kind, int end) {
        tokens.add(new SqlToken(kind, text.substring(pos, end), pos));
        pos = end;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    /** The end of a word (letters, digits, {@code _}, {@code $}) or of a number (digits, letters, dots). */
    private int scan(int from, boolean word) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || (word ? c == '$' : c == '.'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /** {@code '...'} with the quote doubled inside; with {@code backslash}, {@code \x} escapes too. */
    private void quoted(char quote, Kind kind, boolean backslash) {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                add(kind, i + 1);
                return;
            } else {
                i++;
            }
        }
        add(Kind.UNTERMINATED, text.length());
    }

    private void bracketIdentifier() {
        int end = text.indexOf(']', pos + 1);
        add(end < 0 ? Kind.UNTERMINATED : Kind.IDENTIFIER, end < 0 ? text.length() : end + 1);
    }

    /** PostgreSQL nests block comments ({@code /* a /* b *}{@code / c *}{@code /} is one); SQLite does not. */
    private void blockComment() {
        int depth = 0;
        int i = pos;
        while (i < text.length() - 1) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*' && (depth == 0 || syntax.nestedComments)) {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    add(Kind.COMMENT, i);
                    return;
                }
            } else {
                i++;
            }
        }
        add(Kind.UNTERMINATED, text.length());
    }

    /** The {@code $tag$} starting here ({@code $$} has an empty tag), or {@code null} ({@code $1} is no tag). */
    private String dollarTag() {
        int i = pos + 1;
        while (i < text.length() && text.charAt(i) != '$') {
            char c = text.charAt(i);
            boolean ok = i == pos + 1 ? isWordStart(c) : Character.isLetterOrDigit(c) || c == '_';
            if (!ok) {
                return null;
            }
            i++;
        }
        return i < text.length() ? text.substring(pos, i + 1) : null;
    }

    private void dollarQuoted(String tag) {
        int end = text.indexOf(tag, pos + tag.length());
        add(end < 0 ? Kind.UNTERMINATED : Kind.STRING, end < 0 ? text.length() : end + tag.length());
    }
}
