package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file format ({@code META-INF/entity-migrations/schema.json}), documented in the README: the
 * format version, the naming strategy, the Hibernate version followed, and every table and sequence in the
 * one form {@link RecordJson} gives each record. Keys are sorted, so the same schema always gives the same
 * bytes; {@code tables} and {@code sequences} are always present.
 *
 * <p>One compatibility key: a column's server default is also written under {@code "default"}, the key
 * snapshots of format 1 have always had, beside the one form's {@code "defaultValue"}, so that a tool or
 * build script reading format-1 snapshots keeps finding it. Readers use {@code "defaultValue"}; the duplicate
 * goes when the format number next changes.
 */
public final class SchemaJson {

    private SchemaJson() {
    }

    public static String write(Schema schema) {
        return SnapshotWriter.writeString(schema);
    }

    /**
     * The same text as {@link #write}, as UTF-8 bytes ({@code write(schema).getBytes(UTF_8)}), written without an
     * intermediate String: what a snapshot file holds, for the processor to write as it is instead of encoding a
     * text of megabytes into another copy. A lone surrogate, which UTF-8 cannot hold, is a '?' there, as in
     * {@code getBytes}.
     */
    public static byte[] writeUtf8(Schema schema) {
        return SnapshotWriter.write(schema);
    }

    /**
     * The same text through {@link RecordJson}'s maps and {@link Json}: the form's definition, which
     * {@link SnapshotWriter} writes faster and is tested against.
     */
    static String writeAsMaps(Schema schema) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", (long) Schema.FORMAT);
        root.put("naming", schema.naming() == null ? null : schema.naming().json());
        root.put("hibernate", schema.hibernate());
        root.put("tables", schema.tables().stream().map(SchemaJson::table).toList());
        root.put("sequences", schema.sequences().stream().map(RecordJson::sequence).toList());
        return Json.write(root);
    }

    /** A table in the one form, its columns with the compatibility key {@code "default"}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = RecordJson.table(t);
        List<Map<String, Object>> columns = (List<Map<String, Object>>) m.get("columns");
        if (columns != null) {
            for (Map<String, Object> c : columns) {
                Object value = c.get("defaultValue");
                if (value != null) { // a null value is left out anyway; not putting it spares each map a resize
                    c.put(RecordJson.LEGACY_DEFAULT_KEY, value);
                }
            }
        }
        return m;
    }

    /** Reads a snapshot; fails with a message naming what is wrong. */
    public static Schema read(String text) {
        Schema schema = SnapshotReader.read(text);
        return schema != null ? schema : readThroughMaps(text);
    }

    /**
     * The same through {@link Json}'s maps: the definition of reading, which {@link SnapshotReader} does faster
     * for the text as written (and leaves everything else to), and which says what is wrong with a text.
     */
    static Schema readThroughMaps(String text) {
        Map<String, Object> root = RecordJson.object(Json.read(text), "snapshot");
        Object format = root.get("format");
        if (!Long.valueOf(Schema.FORMAT).equals(format)) {
            throw new IllegalArgumentException("unsupported snapshot format " + format + " (this version reads "
                    + Schema.FORMAT + "); recompile the entities with the matching migration-processor");
        }
        List<Table> tables = new ArrayList<>();
        for (Object t : RecordJson.list(root, "tables")) {
            tables.add(RecordJson.readTable(RecordJson.object(t, "table")));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Object s : RecordJson.list(root, "sequences")) {
            sequences.add(RecordJson.readSequence(RecordJson.object(s, "sequence")));
        }
        String naming = RecordJson.str(root, "naming");
        return new Schema(naming == null ? null : NamingStrategy.fromJson(naming), tables, sequences,
                RecordJson.str(root, "hibernate"));
    }
}
