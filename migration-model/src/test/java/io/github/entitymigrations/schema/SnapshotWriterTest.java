package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SnapshotWriter} writes what {@link SchemaJson#writeAsMaps} (the records' {@link RecordJson} maps through
 * {@link Json}) writes, byte for byte: every key of every record, present and absent, empty strings and lists,
 * escapes, and empty schemas. A key added to {@link RecordJson} and not to the writer fails here.
 */
class SnapshotWriterTest {

    private static void assertSameText(Schema schema) {
        assertEquals(SchemaJson.writeAsMaps(schema), SchemaJson.write(schema));
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
}
