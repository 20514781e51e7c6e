package io.github.entitymigrations.introspect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code columnDefinition} (used verbatim by the dialects, as by Hibernate) split into what the catalog
 * reports separately: the type, and the {@code default} and {@code not null} written after it
 * ({@code numeric(12,2) default 0 not null}).
 *
 * @param type         the type alone
 * @param defaultValue the default written in it, or {@code null}
 * @param notNull      whether it says {@code not null}
 */
record ColumnDefinition(String type, String defaultValue, boolean notNull) {

    /** Where the type ends: the first clause keyword outside quotes and parentheses. */
    private static final Pattern CLAUSE = Pattern.compile("(?i)\\s+(default|not\\s+null|null|primary\\s+key|unique"
            + "|check|references|generated|collate|constraint)\\b");
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bdefault\\s+(.+?)(\\s+(not\\s+null|null|primary"
            + "\\s+key|unique|check|references|generated|collate|constraint)\\b.*)?$");

    static ColumnDefinition of(String definition) {
        String text = definition.strip();
        Matcher clause = CLAUSE.matcher(text);
        int end = text.length();
        while (clause.find()) {
            if (outside(text, clause.start())) {
                end = clause.start();
                break;
            }
        }
        String rest = text.substring(end);
        Matcher d = DEFAULT.matcher(rest);
        String defaultValue = d.find() ? d.group(1).strip() : null;
        boolean notNull = rest.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bnot\\s+null\\b.*")
                || rest.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bprimary\\s+key\\b.*");
        return new ColumnDefinition(text.substring(0, end), defaultValue, notNull);
    }

    /** Whether {@code index} is outside string literals and parentheses. */
    private static boolean outside(String text, int index) {
        int depth = 0;
        boolean literal = false;
        for (int i = 0; i < index; i++) {
            char ch = text.charAt(i);
            if (ch == '\'') {
                literal = !literal;
            } else if (!literal && ch == '(') {
                depth++;
            } else if (!literal && ch == ')') {
                depth--;
            }
        }
        return depth == 0 && !literal;
    }
}
