package io.github.entitymigrations.lint;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a backfill: a {@code sql} step whose statement is an {@code update} of a table setting a column (as
 * generate's backfill writes {@code update <table> set <col> = <expr> where <col> is null}, names quoted with double
 * quotes or, for MariaDB/MySQL, backticks). After one, making that
 * column NOT NULL does not meet null rows.
 */
final class BackfillSteps {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*update\\s+(?:only\\s+)?(" + NAME + "(?:\\s*\\.\\s*"
            + NAME + ")?)\\s+(?:(?:as\\s+)?(?!set\\b)[A-Za-z_][A-Za-z0-9_]*\\s+)?set\\s+(.*)$");

    private BackfillSteps() {
    }

    /** Whether one of {@code steps} is a sql step that, on {@code dialect}, updates {@code table} setting {@code column}. */
    static boolean fills(List<Operation> steps, String dialect, String table, String column) {
        for (Operation op : steps) {
            if (op instanceof Sql sql && Sql.keyFor(sql.upgrade(), dialect) != null) {
                for (String statement : Sql.statementsFor(sql.upgrade(), dialect)) {
                    if (sets(statement, table, column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean sets(String statement, String table, String column) {
        Matcher m = UPDATE.matcher(statement);
        if (!m.matches()) {
            return false;
        }
        String target = m.group(1);
        int dot = lastDotOutsideQuotes(target);
        String name = unquote(target.substring(dot + 1).strip());
        if (!name.equalsIgnoreCase(table)) {
            return false;
        }
        String col = Pattern.quote(column.toLowerCase(Locale.ROOT));
        return Pattern.compile("(?s)(^|[\\s,(])[\"`]?" + col + "[\"`]?\\s*=").matcher(m.group(2).toLowerCase(Locale.ROOT))
                .find();
    }

    private static int lastDotOutsideQuotes(String s) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    private static String unquote(String name) {
        if (name.length() > 1 && name.startsWith("`") && name.endsWith("`")) {
            return name.substring(1, name.length() - 1).replace("``", "`");
        }
        return name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }
}
