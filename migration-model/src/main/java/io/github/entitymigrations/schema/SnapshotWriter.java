package io.github.entitymigrations.schema;

import java.util.List;

/**
 * Writes a snapshot as {@link SchemaJson#writeAsMaps} does, byte for byte, straight from the records: no map per
 * table and column, no key sorting at run time (each record's keys are written in {@link Json}'s sorted order,
 * absent values left out, as there). The snapshot of a large model has tens of thousands of columns, and the
 * processor writes it on every compilation. {@code SnapshotWriterTest} holds it to the maps' form for every key.
 */
final class SnapshotWriter {

    private final StringBuilder out;

    private SnapshotWriter(int capacity) {
        out = new StringBuilder(capacity);
    }

    static String write(Schema schema) {
        SnapshotWriter w = new SnapshotWriter(256 + 2048 * schema.tables().size());
        w.root(schema);
        return w.out.append('\n').toString();
    }

    private void root(Schema s) {
        boolean any = key(false, 0, "format");
        out.append((long) Schema.FORMAT);
        if (s.hibernate() != null) {
            any = key(any, 0, "hibernate");
            Json.quote(s.hibernate(), out);
        }
        if (s.naming() != null) {
            any = key(any, 0, "naming");
            Json.quote(s.naming().json(), out);
        }
        any = key(any, 0, "sequences");
        if (s.sequences().isEmpty()) {
            out.append("[ ]");
        } else {
            out.append("[ ");
            for (int i = 0; i < s.sequences().size(); i++) {
                sequence(s.sequences().get(i), 1);
                out.append(i + 1 < s.sequences().size() ? ", " : " ");
            }
            out.append(']');
        }
        any = key(any, 0, "tables");
        if (s.tables().isEmpty()) {
            out.append("[ ]");
        } else {
            out.append("[ ");
            for (int i = 0; i < s.tables().size(); i++) {
                table(s.tables().get(i), 1);
                out.append(i + 1 < s.tables().size() ? ", " : " ");
            }
            out.append(']');
        }
        end(any, 0);
    }

    // Keys in String order: checks, columns, foreignKeys, indexes, name, primaryKey, quoted, renamedFrom, schema,
    // sources, uniques.
    private void table(Table t, int indent) {
        boolean any = false;
        if (!t.checks().isEmpty()) {
            any = key(any, indent, "checks");
            out.append("[ ");
            for (int i = 0; i < t.checks().size(); i++) {
                check(t.checks().get(i), indent + 1);
                out.append(i + 1 < t.checks().size() ? ", " : " ");
            }
            out.append(']');
        }
        if (!t.columns().isEmpty()) {
            any = key(any, indent, "columns");
            out.append("[ ");
            for (int i = 0; i < t.columns().size(); i++) {
                column(t.columns().get(i), indent + 1);
                out.append(i + 1 < t.columns().size() ? ", " : " ");
            }
            out.append(']');
        }
        if (!t.foreignKeys().isEmpty()) {
            any = key(any, indent, "foreignKeys");
            out.append("[ ");
            for (int i = 0; i < t.foreignKeys().size(); i++) {
                foreignKey(t.foreignKeys().get(i), indent + 1);
                out.append(i + 1 < t.foreignKeys().size() ? ", " : " ");
            }
            out.append(']');
        }
        if (!t.indexes().isEmpty()) {
            any = key(any, indent, "indexes");
            out.append("[ ");
            for (int i = 0; i < t.indexes().size(); i++) {
                index(t.indexes().get(i), indent + 1);
                out.append(i + 1 < t.indexes().size() ? ", " : " ");
            }
            out.append(']');
        }
        any = string(any, indent, "name", t.name());
        if (t.primaryKey() != null) {
            any = key(any, indent, "primaryKey");
            nameAndColumns(t.primaryKey().name(), t.primaryKey().columns(), indent + 1);
        }
        any = flag(any, indent, "quoted", t.quoted());
        any = string(any, indent, "renamedFrom", t.renamedFrom());
        any = string(any, indent, "schema", t.schema());
        any = strings(any, indent, "sources", t.sources());
        if (!t.uniques().isEmpty()) {
            any = key(any, indent, "uniques");
            out.append("[ ");
            for (int i = 0; i < t.uniques().size(); i++) {
                UniqueConstraint u = t.uniques().get(i);
                nameAndColumns(u.name(), u.columns(), indent + 1);
                out.append(i + 1 < t.uniques().size() ? ", " : " ");
            }
            out.append(']');
        }
        end(any, indent);
    }

    // backfill, columnDefinition, default (the compatibility key, see SchemaJson), defaultValue, identity, length,
    // name, nullable, precision, quoted, renamedFrom, scale, type.
    private void column(Column c, int indent) {
        boolean any = string(false, indent, "backfill", c.backfill());
        any = string(any, indent, "columnDefinition", nonEmpty(c.columnDefinition()));
        String defaultValue = nonEmpty(c.defaultValue());
        any = string(any, indent, RecordJson.LEGACY_DEFAULT_KEY, defaultValue);
        any = string(any, indent, "defaultValue", defaultValue);
        any = flag(any, indent, "identity", c.identity());
        any = number(any, indent, "length", c.type().length());
        any = string(any, indent, "name", c.name());
        any = key(any, indent, "nullable");
        out.append(c.nullable());
        any = number(any, indent, "precision", c.type().precision());
        any = flag(any, indent, "quoted", c.quoted());
        any = string(any, indent, "renamedFrom", c.renamedFrom());
        any = number(any, indent, "scale", c.type().scale());
        any = string(any, indent, "type", c.type().name());
        end(any, indent);
    }

    // Primary keys and unique constraints: columns, name.
    private void nameAndColumns(String name, List<String> columns, int indent) {
        boolean any = strings(false, indent, "columns", columns);
        any = string(any, indent, "name", name);
        end(any, indent);
    }

    // columns, name, unique.
    private void index(Index i, int indent) {
        boolean any = strings(false, indent, "columns", i.columns());
        any = string(any, indent, "name", i.name());
        any = key(any, indent, "unique");
        out.append(i.unique());
        end(any, indent);
    }

    // column, expression, max, min, name, values.
    private void check(CheckConstraint c, int indent) {
        boolean any = string(false, indent, "column", nonEmpty(c.column()));
        any = string(any, indent, "expression", nonEmpty(c.expression()));
        any = number(any, indent, "max", c.max());
        any = number(any, indent, "min", c.min());
        any = string(any, indent, "name", c.name());
        any = strings(any, indent, "values", c.values());
        end(any, indent);
    }

    // columns, name, onDelete, referencedColumns, referencedSchema, referencedTable.
    private void foreignKey(ForeignKey f, int indent) {
        String onDelete = f.onDelete().json();
        boolean any = strings(false, indent, "columns", f.columns());
        any = string(any, indent, "name", f.name());
        any = string(any, indent, "onDelete", onDelete);
        any = strings(any, indent, "referencedColumns", f.referencedColumns());
        any = string(any, indent, "referencedSchema", nonEmpty(f.referencedSchema()));
        any = string(any, indent, "referencedTable", f.referencedTable());
        end(any, indent);
    }

    // increment, name, quoted, schema, start.
    private void sequence(Sequence s, int indent) {
        boolean any = key(false, indent, "increment");
        out.append(s.increment());
        any = string(any, indent, "name", s.name());
        any = flag(any, indent, "quoted", s.quoted());
        any = string(any, indent, "schema", nonEmpty(s.schema()));
        any = key(any, indent, "start");
        out.append(s.start());
        end(any, indent);
    }

    /** Starts an object's entry: the brace or the comma before it, the key and the colon; returns true. */
    private boolean key(boolean any, int indent, String key) {
        out.append(any ? ",\n" : "{\n");
        Json.pad(out, indent + 1);
        out.append('"').append(key).append("\" : ");
        return true;
    }

    private void end(boolean any, int indent) {
        if (!any) {
            out.append("{ }");
            return;
        }
        out.append('\n');
        Json.pad(out, indent);
        out.append('}');
    }

    private boolean string(boolean any, int indent, String key, String value) {
        if (value == null) {
            return any;
        }
        key(any, indent, key);
        Json.quote(value, out);
        return true;
    }

    private boolean number(boolean any, int indent, String key, Number value) {
        if (value == null) {
            return any;
        }
        key(any, indent, key);
        out.append(value.longValue());
        return true;
    }

    /** {@code true}, or nothing for {@code false}. */
    private boolean flag(boolean any, int indent, String key, boolean value) {
        if (!value) {
            return any;
        }
        key(any, indent, key);
        out.append(true);
        return true;
    }

    /** A list of strings, or nothing when it is empty. */
    private boolean strings(boolean any, int indent, String key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return any;
        }
        key(any, indent, key);
        out.append("[ ");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                out.append("null");
            } else {
                Json.quote(v, out);
            }
            out.append(i + 1 < values.size() ? ", " : " ");
        }
        out.append(']');
        return true;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
