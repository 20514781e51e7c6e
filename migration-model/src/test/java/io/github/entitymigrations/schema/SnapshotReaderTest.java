package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotReader} reads every snapshot as written (never declining one) into the very schema the map-based
 * reading gives, and on any other text, broken or merely unusual, {@link SchemaJson#read} gives what the map-based
 * reading gives: the same schema, or the same error.
 */
class SnapshotReaderTest {

    /** A schema with every key of every record, escapes, empty strings and lists, and sequences. */
    static Schema everyKey() {
        Column id = new Column("id", new ColumnType("BIGINT", null, null, null), false, true, null, null, false, null);
        Column status = new Column("status", new ColumnType("VARCHAR", 255, null, null), false, false, "'OPEN'",
                null, true, "state", "'OPEN'");
        Column total = new Column("total", new ColumnType("NUMERIC", null, 10, 2), true, false, "", "", false, null);
        Column data = new Column("data", new ColumnType("OTHER", null, null, null), true, false, null,
                "jsonb \"x\"\n\t\\/", false, "", "");
        Column escaped = new Column("na\"me\u0001é✓", new ColumnType("VARCHAR", 0, 0, 0), true, false, "now()",
                "text", true, "old\\name", "'a'\r\n\b\f");
        Table invoice = new Table("billing", "invoice", true, "bill", List.of("com.example.Invoice", "a.B"),
                List.of(total, status, id, data, escaped), new PrimaryKey("pk_invoice", List.of("id")),
                List.of(new UniqueConstraint("uk_b", List.of("status", "total")),
                        new UniqueConstraint("uk_a", List.of("data"))),
                List.of(new Index("ix_b", List.of("status"), true), new Index("ix_a", List.of("total", "id"), false)),
                List.of(CheckConstraint.between("ck_kind", "total", -3, 2),
                        CheckConstraint.in("ck_status", "status", List.of("OPEN", "PAID")),
                        new CheckConstraint("ck_expr", null, null, null, null, "total >= 0"),
                        new CheckConstraint("ck_empty", "", List.of(), 1L, Long.MAX_VALUE, "")),
                List.of(new ForeignKey("fk_b", List.of("id"), "core", "document", List.of("id"), OnDelete.CASCADE),
                        new ForeignKey("fk_a", List.of("data", "id"), "", "other", List.of("x", "y"),
                                OnDelete.NO_ACTION),
                        new ForeignKey("fk_c", List.of("id"), null, "third", List.of("id"), OnDelete.SET_NULL)));
        Table bare = new Table(null, "bare", false, null, List.of(), List.of(), null, List.of(), List.of(), List.of(),
                List.of());
        Table emptyNames = new Table("", "Quoted Name", false, "", null, List.of(id), null, List.of(), List.of(),
                List.of(), List.of());
        List<Sequence> sequences = List.of(new Sequence("billing", "ticket_numbers", 100, 1, true),
                new Sequence(null, "invoice_seq", 1, 50), new Sequence("", "other_seq", -5, 20, false));
        return new Schema(NamingStrategy.SPRING, List.of(invoice, bare, emptyNames), sequences, "6.6");
    }

    @Test
    void readsEverySnapshotAsWrittenIntoTheSchemaTheMapsGive() {
        List<Schema> schemas = List.of(everyKey(), new Schema(null, List.of(), List.of()),
                new Schema(NamingStrategy.JPA, List.of(), List.of(), "7.4"));
        for (Schema schema : schemas) {
            String text = SchemaJson.write(schema);
            Schema fast = SnapshotReader.read(text);
            assertNotNull(fast, "a snapshot as written is read without the maps:\n" + text);
            assertEquals(SchemaJson.readThroughMaps(text), fast);
        }
    }

    @Test
    void leavesToTheMapsWhatItDoesNotExpect() {
        String text = SchemaJson.write(everyKey());
        // Each is valid JSON the maps read, or not: either way not a snapshot as written.
        List<String> unusual = List.of(
                first(text, "\"format\" : 1", "\"format\" : 1, \"format\" : 1"), // a key twice
                first(text, "\"name\" : \"bare\"", "\"name\" : \"bare\", \"schema\" : null"), // a null
                first(text, "\"quoted\" : true", "\"quoted\" : \"yes\""), // another type
                first(text, "\n", "\u2028"), // whitespace other than space, tab and line breaks
                first(text, "\"bare\"", "\"b\\are\""), // an escape JSON does not define
                first(text, "\"format\" : 1", "\"format\" : 2"), // another format
                text + "{}"); // something after it
        for (String u : unusual) {
            assertTrue(!u.equals(text), "each is changed");
            assertNull(SnapshotReader.read(u), u);
            assertSameOutcome(u);
        }
    }

    /**
     * Seeded mutations of a snapshot with every key (a character deleted, doubled or replaced by one that matters
     * to JSON, a member dropped): whatever the text, reading it gives the map-based reading's schema or error.
     */
    @Test
    void givesTheMapsOutcomeForEveryMutation() {
        String text = SchemaJson.write(everyKey());
        String alphabet = "{}[],:\"\\ \n0123456789-.tfnuelrsab\u00e9";
        Random random = new Random(20261204L);
        int read = 0;
        List<String> mutants = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int at = random.nextInt(text.length());
            String mutant = switch (i % 4) {
                case 0 -> text.substring(0, at) + text.substring(at + 1);
                case 1 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
                case 2 -> text.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length()))
                        + text.substring(at + 1);
                default -> {
                    int line = text.lastIndexOf('\n', at);
                    int end = text.indexOf('\n', at);
                    yield line < 0 || end < 0 ? text : text.substring(0, line) + text.substring(end);
                }
            };
            mutants.add(mutant);
        }
        for (String mutant : mutants) {
            if (assertSameOutcome(mutant)) {
                read++;
            }
        }
        // Both kinds were met: mutants still read (a changed name, a dropped optional member) and broken ones.
        assertTrue(read > 100 && read < mutants.size() - 100, read + " of " + mutants.size() + " read");
    }

    /** {@code text} with its first {@code from} replaced by {@code to}, both taken literally. */
    private static String first(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0, from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** Asserts SchemaJson.read gives what the maps give; returns whether that was a schema. */
    private static boolean assertSameOutcome(String text) {
        Object expected = outcome(() -> SchemaJson.readThroughMaps(text));
        Object actual = outcome(() -> SchemaJson.read(text));
        assertEquals(expected, actual, text);
        return expected instanceof Schema;
    }

    private interface Read {
        Schema run();
    }

    /** The schema read, or the error's class and message. */
    private static Object outcome(Read read) {
        try {
            return read.run();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
