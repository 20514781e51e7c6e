package io.github.entitymigrations.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * How SQLite needs a name written. SQLite compares names case-insensitively whether quoted or not, so
 * quoting never changes which object a name means; it only keeps keywords and unusual characters legal,
 * and keeps the case the mapping chose in the stored schema text.
 */
final class SqliteIdentifiers {

    /**
     * SQLite's keywords (https://www.sqlite.org/lang_keywords.html, as listed in SQLite 3.54's
     * {@code tool/mkkeywordhash.c}, including {@code WITHIN} from the optional ordered-set functions).
     */
    private static final Set<String> KEYWORDS = Set.of(
            "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC", "ATTACH",
            "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE",
            "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC",
            "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE",
            "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL",
            "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED",
            "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST",
            "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL",
            "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA",
            "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX",
            "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT",
            "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES", "TO", "TRANSACTION", "TRIGGER",
            "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE",
            "WINDOW", "WITH", "WITHIN", "WITHOUT");

    /** {@link #KEYWORDS} in lower case: a lower-case name, the usual, is looked up as it is. */
    private static final Set<String> LOWER_KEYWORDS = lowerCase(KEYWORDS);

    private SqliteIdentifiers() {
    }

    /** The name, in double quotes (embedded ones doubled) when quoted, a keyword, mixed case or unusual. */
    static String identifier(String name, boolean quoted) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        return quoted || needsQuotes(name) ? quote(name) : name;
    }

    static boolean isKeyword(String name) {
        return KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the name is not plain ({@code [A-Za-z_][A-Za-z0-9_]*}), a keyword in any case, or of mixed case. One
     * pass over its characters: every statement names several, and this runs for each.
     */
    private static boolean needsQuotes(String name) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c != '_' && (i == 0 || c < '0' || c > '9')) {
                return true;
            }
        }
        if (lower && upper) {
            return true; // mixed case: quoted, so the stored schema keeps the case the mapping chose
        }
        return lower ? LOWER_KEYWORDS.contains(name) : upper && KEYWORDS.contains(name);
    }

    private static Set<String> lowerCase(Set<String> words) {
        java.util.List<String> lower = new java.util.ArrayList<>(words.size());
        for (String w : words) {
            lower.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(lower);
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

}
