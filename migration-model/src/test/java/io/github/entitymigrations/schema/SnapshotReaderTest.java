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

    @Test
    void readsEverySnapshotAsWrittenIntoTheSchemaTheMapsGive() {
        List<Schema> schemas = List.of(SchemaFixtures.everyKey(), new Schema(null, List.of(), List.of()),
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
        String text = SchemaJson.write(SchemaFixtures.everyKey());
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
        String text = SchemaJson.write(SchemaFixtures.everyKey());
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
