package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnType#parse} reads a type by hand: it gives what the pattern it replaced gives, the same type or the
 * same error, for every type name with every size, the usual mistakes, and 200,000 seeded random texts.
 */
class ColumnTypeParseTest {

    /** The definition: the pattern the parser used to match the trimmed text with. */
    private static final Pattern COMPACT = Pattern.compile("([A-Z0-9_]+)(?:\\((\\d{1,9})(?:,\\s*(\\d{1,9}))?\\))?");

    /** The types whose size is a length: the processor writes theirs as a length. */
    private static final List<String> BY_LENGTH = List.of("CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "BINARY",
            "VARBINARY", "LONGVARCHAR", "LONGVARBINARY", "LONGNVARCHAR", "LONG32VARCHAR", "LONG32NVARCHAR",
            "LONG32VARBINARY", "CLOB", "NCLOB", "BLOB", "ARRAY");

    private static Object byPattern(String text) {
        Matcher m = COMPACT.matcher(text.trim());
        if (!m.matches()) {
            return "not a column type";
        }
        String name = m.group(1);
        if (!ColumnType.NAMES.contains(name)) {
            return "unknown column type " + name;
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        boolean byLength = BY_LENGTH.contains(name);
        return first != null && byLength ? new ColumnType(name, first, null, null)
                : new ColumnType(name, null, first, second);
    }

    private static Object parsed(String text) {
        try {
            return ColumnType.parse(text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            if (m.startsWith("not a column type: \"" + text + "\"")) {
                return "not a column type";
            }
            assertTrue(m.startsWith("unknown column type \""), m);
            return "unknown column type " + m.substring("unknown column type \"".length(), m.indexOf('"', 21));
        }
    }

    private static void assertSame(String text) {
        assertEquals(byPattern(text), parsed(text), () -> "\"" + text + "\"");
    }

    @Test
    void everyTypeWithEverySize() {
        for (String name : ColumnType.NAMES) {
            for (String size : List.of("", "(1)", "(255)", "(10,2)", "(10, 2)", "(10,\t2)", "(999999999)",
                    "(1234567890)", "(007)", "()", "(", "(1", "(1,", "(1,)", "(1 ,2)", "( 1)", "(1,2,3)", "(1)x",
                    "(-1)", "(1.5)")) {
                assertSame(name + size);
                assertSame("  " + name + size + "\n");
                assertSame(name.toLowerCase(java.util.Locale.ROOT) + size);
            }
        }
        assertEquals(new ColumnType("NUMERIC", null, 10, 2), ColumnType.parse(" NUMERIC(10, 2) "));
        assertEquals(new ColumnType("VARCHAR", 255, null, null), ColumnType.parse("VARCHAR(255)"));
    }

    /**
     * A type with a length, as a snapshot holds it ({@code "type": "CLOB", "length": 255}), comes back equal from
     * the compact form a migration file writes ({@code "CLOB(255)"}). A large object's length read back as a
     * precision made every {@code generate} after the first write an {@code alter_column} of each such column
     * from itself to itself, and {@code check} fail on a model with a sized {@code @Lob}.
     */
    /**
     * A basic array: its element's compact form, then {@code ARRAY} and, for Hibernate 6.6's varbinary where a
     * database has no arrays, its length; each comes back equal, and the malformed ones are refused saying why.
     */
    @Test
    void anArrayIsItsElementThenArray() {
        for (String text : List.of("VARCHAR(40) ARRAY", "INTEGER ARRAY", "NUMERIC(10,3) ARRAY", "UUID ARRAY(255)",
                "TIMESTAMP_UTC(3) ARRAY", "VARBINARY(255) ARRAY(40)")) {
            ColumnType type = ColumnType.parse(text);
            assertEquals("ARRAY", type.name());
            assertEquals(text, type.toString());
            assertEquals(type, ColumnType.parse(type.toString()));
        }
        assertEquals(ColumnType.arrayOf(ColumnType.ofLength("VARCHAR", 40), 40),
                ColumnType.parse(" VARCHAR(40) ARRAY(40) "));
        assertEquals(ColumnType.arrayOf(ColumnType.numeric("NUMERIC", 10, 3), null),
                ColumnType.parse("NUMERIC(10, 3) ARRAY"));
        // not equal to the same array stored otherwise, nor to the bare ARRAY of a columnDefinition
        assertTrue(!ColumnType.parse("INTEGER ARRAY").equals(ColumnType.parse("INTEGER ARRAY(255)")));
        assertTrue(!ColumnType.parse("INTEGER ARRAY").equals(ColumnType.of("ARRAY")));
        assertEquals(ColumnType.of("ARRAY"), ColumnType.parse("ARRAY"));
        for (String bad : List.of("VARCHAR(40) ARRAY ARRAY", "INTEGER ARRAY(1,2)", "NOPE ARRAY",
                "INTEGER ARRAY(", "INTEGER ARRAYS")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> ColumnType.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad.trim()) || e.getMessage().contains("NOPE"), e.getMessage());
        }
        IllegalArgumentException nested = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ColumnType.arrayOf(ColumnType.parse("INTEGER ARRAY"), null));
        assertTrue(nested.getMessage().contains("array of arrays"), nested.getMessage());
    }

    @Test
    void aLengthComesBackAsALength() {
        for (String name : BY_LENGTH) {
            ColumnType written = ColumnType.ofLength(name, 255);
            assertEquals(written, ColumnType.parse(written.toString()), written.toString());
        }
        assertEquals(ColumnType.ofLength("CLOB", 1000), ColumnType.parse("CLOB(1000)"));
        assertEquals(ColumnType.ofLength("LONG32VARBINARY", 16), ColumnType.parse("LONG32VARBINARY(16)"));
    }

    @Test
    void theSameOutcomeAsThePatternOnRandomTexts() {
        // Texts made of the parts of a type, each part sometimes wrong, and then a character sometimes changed.
        List<String> names = List.of("VARCHAR", "NUMERIC", "BIGINT", "X_1", "varchar", "", " VARCHAR");
        List<String> opens = List.of("(", "", "( ", " (", "[");
        List<String> separators = List.of(",", ", ", ",\t", ";", " ,", ".", "", ",,");
        List<String> closes = List.of(")", "", ") ", ")x", "))", " )");
        String alphabet = "VARCHNUMIBGT_0129(), \t\nx-;.";
        Random random = new Random(20261204L);
        List<String> texts = new ArrayList<>(List.of("", " ", "(", ")", "(1)", "X", "OTHER", "_", "9"));
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder(names.get(random.nextInt(names.size())));
            if (random.nextInt(4) > 0) {
                b.append(opens.get(random.nextInt(opens.size()))).append(number(random));
                if (random.nextBoolean()) {
                    b.append(separators.get(random.nextInt(separators.size()))).append(number(random));
                }
                b.append(closes.get(random.nextInt(closes.size())));
            }
            if (random.nextInt(4) == 0 && b.length() > 0) {
                b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        int types = 0;
        for (String text : texts) {
            assertSame(text);
            if (byPattern(text) instanceof ColumnType) {
                types++;
            }
        }
        assertTrue(types > 10_000 && types < texts.size() - 10_000, "both kinds met: " + types + " types");
    }

    /** 0 to 11 digits: none, the most a size may have (9), and more. */
    private static String number(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
