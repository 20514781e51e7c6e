package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether PostgreSQL rewrites a table to change a column's type: it does for most changes, under an ACCESS EXCLUSIVE
 * lock, but not (since 9.2) for raising a varchar's length or removing it, varchar to text, raising a numeric's
 * precision at the same scale or removing it, or raising the fractional digits of a timestamp or time. Judged on the
 * types as PostgreSQL spells them, so a change of logical type that renders the same ({@code TINYINT} to
 * {@code SMALLINT}) changes nothing.
 */
public final class PostgresRewrites {

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?"
            + "(\\s+with(?:out)? time zone)?");

    private PostgresRewrites() {
    }

    /** Whether altering {@code from} to {@code to} rewrites the table on PostgreSQL. */
    public static boolean rewrites(Column from, Column to) {
        String a = PostgresTypes.of(from).toLowerCase(Locale.ROOT).strip();
        String b = PostgresTypes.of(to).toLowerCase(Locale.ROOT).strip();
        if (a.equals(b)) {
            return false;
        }
        Matcher x = SIZED.matcher(a);
        Matcher y = SIZED.matcher(b);
        if (!x.matches() || !y.matches()) {
            return true;
        }
        String kindA = base(x.group(1));
        String kindB = base(y.group(1));
        if (kindA.equals("varchar") && kindB.equals("text")) {
            return false;
        }
        if (!kindA.equals(kindB) || !java.util.Objects.equals(x.group(4), y.group(4))) {
            return true;
        }
        return switch (kindA) {
            case "varchar", "timestamp", "time" -> !wider(x.group(2), y.group(2));
            case "numeric" -> !(y.group(2) == null || (wider(x.group(2), y.group(2))
                    && java.util.Objects.equals(scale(x), scale(y))));
            default -> true;
        };
    }

    private static String base(String name) {
        String n = name.strip();
        return switch (n) {
            case "character varying" -> "varchar";
            case "decimal" -> "numeric";
            default -> n;
        };
    }

    /** {@code to} holds at least what {@code from} does: no limit, or a limit no lower. */
    private static boolean wider(String from, String to) {
        return to == null || (from != null && Long.parseLong(to) >= Long.parseLong(from));
    }

    private static String scale(Matcher m) {
        return m.group(3) == null ? "0" : m.group(3);
    }
}
