package io.github.entitymigrations.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which names SQLite gets quoted: the rule as a regular expression states it, against the one-pass check. */
class SqliteIdentifiersTest {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The rule as written before the one-pass check: not plain, a keyword in any case, or of mixed case. */
    private static boolean needsQuotesByRule(String name) {
        boolean mixed = !name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
        return !PLAIN.matcher(name).matches() || SqliteIdentifiers.isKeyword(name) || mixed;
    }

    private static String byRule(String name) {
        return needsQuotesByRule(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    @Test
    void namesAreQuotedExactlyWhenTheRuleSaysSo() {
        List<String> names = new ArrayList<>(List.of("customer", "Customer", "CUSTOMER", "order", "ORDER", "Order",
                "oRdEr", "_", "__x", "_1", "a1", "1a", "9", "a$b", "a b", "a-b", "é", "naïve", "ça", "select_",
                "within", "WITHIN", "rowid", "x\"y", "\"", "ab\u0130", "k\u212a", "tab\tle", "current_timestamp",
                "Current_Timestamp", "x_Y", "x_y", "X_Y"));
        for (String keyword : List.of("abort", "without", "index", "table", "key", "group", "values")) {
            names.add(keyword);
            names.add(keyword.toUpperCase(Locale.ROOT));
            names.add(Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1));
        }
        String alphabet = "abcxyzABCXYZ0129_$ \"-é\u0130\u212a";
        Random random = new Random(20261205L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }
        for (String name : names) {
            assertEquals(byRule(name), SqliteIdentifiers.identifier(name, false), name);
            assertEquals('"' + name.replace("\"", "\"\"") + '"', SqliteIdentifiers.identifier(name, true), name);
        }
    }
}
