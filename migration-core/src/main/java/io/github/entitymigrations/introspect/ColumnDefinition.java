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

    /** A clause keyword; only those outside quotes and parentheses count. */
    private static final Pattern CLAUSE = Pattern.compile("(?i)\\s+(default|not\\s+null|null|primary\\s+key|unique"
            + "|check|references|generated|collate|constraint)\\b");

    static ColumnDefinition of(String definition) {
        String text = definition.strip();
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        Matcher clause = CLAUSE.matcher(text);
        while (clause.find()) {
            if (outside(text, clause.start())) {
                starts.add(clause.start());
            }
        }
        starts.add(text.length());
        String defaultValue = null;
        boolean notNull = false;
        for (int i = 0; i + 1 < starts.size(); i++) {
            String part = text.substring(starts.get(i), starts.get(i + 1)).strip();
            String lower = part.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            if (lower.startsWith("default ")) {
                defaultValue = part.substring("default".length()).strip();
            } else if (lower.equals("not null") || lower.equals("primary key")) {
                notNull = true;
            }
        }
        return new ColumnDefinition(text.substring(0, starts.get(0)), defaultValue, notNull);
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
