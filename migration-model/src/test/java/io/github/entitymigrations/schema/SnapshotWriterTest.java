package io.github.entitymigrations.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotWriter} writes what {@link SchemaJson#writeAsMaps} (the records' {@link RecordJson} maps through
 * {@link Json}) writes, byte for byte: every key of every record, present and absent, empty strings and lists,
 * escapes, and empty schemas. A key added to {@link RecordJson} and not to the writer fails here. It writes UTF-8
 * bytes, which {@link SchemaJson#write} decodes, so both are held to the maps' text: the bytes to its
 * {@code getBytes(UTF_8)} (non-ASCII chars, surrogate pairs, lone surrogates as '?', every control char), through
 * strings longer than any buffer and schemas larger than the buffer's first guess.
 */
class SnapshotWriterTest {

    private static void assertSameText(Schema schema) {
        String expected = SchemaJson.writeAsMaps(schema);
        assertEquals(expected, SchemaJson.write(schema));
        assertArrayEquals(expected.getBytes(UTF_8), SchemaJson.writeUtf8(schema));
    }

    /** A schema with {@code text} in every string of every record, besides the plain names around it. */
    private static Schema everywhere(String text) {
        Column id = new Column("id", ColumnType.of("BIGINT"), false, true, null, null, false, null);
        Column c = new Column(text, new ColumnType(text, 1, 2, 3), true, false, text, text, true, text, text);
        Column other = new Column("x" + text, ColumnType.ofLength("VARCHAR", 20), false, false, "'" + text + "'",
                null, false, null);
        Table table = new Table(text, text, true, text, List.of(text, "a.B"), List.of(id, c, other),
                new PrimaryKey(text, List.of("id")), List.of(new UniqueConstraint(text, List.of(text, "x" + text))),
                List.of(new Index(text, List.of(text), true)),
                List.of(CheckConstraint.in(text, text, List.of(text, "", "OPEN")),
                        CheckConstraint.expression("ck_" + text, null, text + " > 0")),
                List.of(new ForeignKey(text, List.of(text), text, text, List.of(text), OnDelete.CASCADE)));
        Table plain = new Table(null, "plain", false, null, List.of(), List.of(id), null, List.of(), List.of(),
                List.of(), List.of());
        return new Schema(NamingStrategy.JPA, List.of(table, plain), List.of(new Sequence(text, text, 1, 50, true)),
                text);
    }

    @Test
    void emptySchemas() {
        assertSameText(new Schema(null, List.of(), List.of()));
        assertSameText(new Schema(NamingStrategy.SPRING, List.of(), List.of(), "7.2"));
        assertSameText(new Schema(NamingStrategy.JPA, List.of(), List.of(), null));
    }

    @Test
    void everyKeyOfEveryRecord() {
        Schema every = SchemaFixtures.everyKey();
        assertSameText(every);
        assertSameText(new Schema(null, List.of(SchemaFixtures.table("bare")), List.of(), null));
        assertSameText(new Schema(NamingStrategy.JPA, List.of(), every.sequences(), "7.4"));
    }

    @Test
    void readSnapshotsWriteBackTheSame() {
        String text = SchemaJson.write(new Schema(NamingStrategy.JPA, List.of(new Table(null, "t", false, null,
                List.of("T"), List.of(new Column("c", new ColumnType("INTEGER", null, null, null), true, false, "1",
                        null, false, null)), null, List.of(), List.of(), List.of(), List.of())), List.of(), "6.6"));
        Schema read = SchemaJson.read(text);
        assertEquals(text, SchemaJson.write(read));
        assertSameText(read);
    }

    @Test
    void nonAsciiStrings() {
        for (String text : List.of("café", "é", "ÿ\u0080\u07ff\u0800", "表格_名前", "客户订单表", "\uffff\ufffd",
                "naïve \"quoted\" \\ ✓", "emoji_😀", "😀", "a😀b😀😀c", "\ud800\udc00\udbff\udfff",
                "é\n", "\u00e9\u0001\u00e9")) {
            assertSameText(everywhere(text));
        }
        byte[] bytes = SchemaJson.writeUtf8(everywhere("café_😀"));
        String decoded = new String(bytes, UTF_8);
        assertTrue(decoded.contains("\"café_😀\""), decoded);
        assertEquals(SchemaJson.write(everywhere("café_😀")), decoded);
    }

    @Test
    void loneSurrogatesAreQuestionMarksInTheBytesAndKeptInTheText() {
        for (String text : List.of("\ud800", "a\ud800", "\ud800b", "\udc00", "x\udc00y", "\udc00\ud800",
                "\ud83d\ud83d\ude00", "\ud83d\ude00\ude00", "é\ud800表", "end\ud83d")) {
            Schema schema = everywhere(text);
            assertSameText(schema);
            assertTrue(SchemaJson.write(schema).contains(text));
        }
        assertArrayEquals("\"a?b\"".getBytes(UTF_8), quoted("a\ud800b"));
        assertArrayEquals("\"?😀?\"".getBytes(UTF_8), quoted("\udc00😀\ud800"));
    }

    @Test
    void everyControlCharQuoteAndBackslash() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
            assertSameText(everywhere(String.valueOf(c)));
            assertSameText(everywhere("a" + c + "é" + c));
        }
        assertSameText(everywhere(all.toString()));
        assertSameText(everywhere(all + "\"\\\u007f\"\\"));
        assertSameText(everywhere("\"\\"));
        assertSameText(everywhere("\\\\\"\"\\"));
        assertArrayEquals("\"\\u0000\\u0001\\u001f\\u0008\\u000c\"".getBytes(UTF_8),
                quoted("\u0000\u0001\u001f\b\f"));
        assertArrayEquals("\"\\\"\\\\\\n\\r\\t\u007f\"".getBytes(UTF_8), quoted("\"\\\n\r\t\u007f"));
    }

    @Test
    void emptyStrings() {
        assertSameText(everywhere(""));
        assertSameText(new Schema(NamingStrategy.SPRING, List.of(new Table("", "", false, "", List.of(""),
                List.of(new Column("", new ColumnType("", 0, 0, 0), false, false, "", "", false, "", "")), null,
                List.of(), List.of(), List.of(), List.of())), List.of(new Sequence("", "", 0, 0)), ""));
    }

    @Test
    void numbers() {
        for (long n : new long[] {0, 1, -1, 9, 10, -10, 99, 100, 123456789, -987654321012L, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            Table t = new Table(null, "t", false, null, List.of(), List.of(new Column("c", new ColumnType("NUMERIC",
                    (int) n, (int) (n >> 8), (int) (n >> 32)), true, false, null, null, false, null)), null,
                    List.of(), List.of(), List.of(CheckConstraint.between("ck", "c", n, -n)), List.of());
            assertSameText(new Schema(null, List.of(t), List.of(new Sequence(null, "s", n, -n))));
        }
    }

    @Test
    void stringsLongerThanAnyBuffer() {
        String ascii = "abcdefghij".repeat(2_000);
        assertSameText(everywhere(ascii));
        assertSameText(everywhere(ascii + "\n"));
        assertSameText(everywhere("\t" + ascii));
        assertSameText(everywhere("é".repeat(10_000)));
        assertSameText(everywhere("😀".repeat(5_000)));
        assertSameText(everywhere("\u0001".repeat(300))); // fewer: the maps' Json formats each one
        assertSameText(everywhere("表\"\\a😀\u0000".repeat(200)));
        assertSameText(everywhere("表\"\\a😀".repeat(2_000)));
        // One table whose one string is far longer than the room guessed for a table: grown in one step.
        Table big = new Table(null, "big", false, null, List.of(), List.of(new Column("c", ColumnType.of("CLOB"),
                true, false, "'" + ascii.repeat(100) + "'", null, false, null)), null, List.of(), List.of(), List.of(),
                List.of());
        assertSameText(new Schema(null, List.of(big), List.of()));
    }

    @Test
    void largeSchemas() {
        Table invoice = SchemaFixtures.table("invoice");
        Table quoted = SchemaFixtures.table("Quoted Name");
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Table t = i % 3 == 0 ? quoted : invoice;
            String name = t.name() + "_" + i + (i % 7 == 0 ? "_é表😀" : "");
            tables.add(new Table(t.schema(), name, t.quoted(), t.renamedFrom(), t.sources(), t.columns(),
                    t.primaryKey(), t.uniques(), t.indexes(), t.checks(), t.foreignKeys()));
        }
        Schema schema = new Schema(NamingStrategy.SPRING, tables, SchemaFixtures.everyKey().sequences(), "7.2");
        assertSameText(schema);
        // Tables whose strings are all far longer than a table's room in the first guess: grown many times.
        String longName = "n".repeat(5_000);
        List<Table> longTables = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            longTables.add(new Table(null, longName + i, false, longName, List.of(longName + "é"),
                    List.of(new Column(longName + "c", ColumnType.of("VARCHAR"), true, false, null, longName, false,
                            null)), null, List.of(), List.of(), List.of(), List.of()));
        }
        assertSameText(new Schema(null, longTables, List.of()));
    }

    /** The bytes of one string as the writer quotes it: the {@code hibernate} value of an otherwise empty schema. */
    private static byte[] quoted(String text) {
        byte[] prefix = ("{\n  \"format\" : " + Schema.FORMAT + ",\n  \"hibernate\" : ").getBytes(UTF_8);
        byte[] suffix = ",\n  \"sequences\" : [ ],\n  \"tables\" : [ ]\n}\n".getBytes(UTF_8);
        byte[] all = SchemaJson.writeUtf8(new Schema(null, List.of(), List.of(), text));
        assertArrayEquals(prefix, Arrays.copyOf(all, prefix.length));
        assertArrayEquals(suffix, Arrays.copyOfRange(all, all.length - suffix.length, all.length));
        return Arrays.copyOfRange(all, prefix.length, all.length - suffix.length);
    }
}
