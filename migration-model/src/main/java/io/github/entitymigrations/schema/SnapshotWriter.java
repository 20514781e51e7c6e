package io.github.entitymigrations.schema;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a snapshot as {@link SchemaJson#writeAsMaps} does, byte for byte, straight from the records: no map per
 * table and column, no key sorting at run time (each record's keys are written in {@link Json}'s sorted order,
 * absent values left out, as there). The snapshot of a large model has tens of thousands of columns, and the
 * processor writes it on every compilation. {@code SnapshotWriterTest} holds it to the maps' form for every key.
 *
 * <p>It writes UTF-8 bytes, which is what the processor puts in the file: a text built in a {@code StringBuilder}
 * was copied again into a {@code String}, then encoded into a third copy on its way out. So the buffer is a
 * {@code byte[]} of its own (no synchronized {@code ByteArrayOutputStream} calls), sized from the table and column
 * counts so that a usual schema never grows it; keys, punctuation and indentation are copied from constants made
 * once; a string is copied char to byte in one pass while it is ASCII with nothing to escape (nearly every name,
 * type and expression), the rest going through the escapes {@link Json#quote} writes and UTF-8's multi-byte forms;
 * numbers are written as digits without a {@code String}. {@link SchemaJson#write} decodes the same bytes, so there
 * is one writer.
 */
final class SnapshotWriter {

    /*
     * The initial capacity, above what usual tables take so that their snapshot fits without a copy: a table of a
     * dozen columns as the generate benchmark makes them writes about 750 bytes besides its columns, a column about
     * 95 and a sequence about 80 (2 KB a table); snapshots of real models profiled ran to about 3 KB a table (longer
     * names, defaults, more constraints). Room left over costs less than a doubling, which copies everything written.
     */
    private static final int BASE_CAPACITY = 256;
    private static final int PER_TABLE = 1024;
    private static final int PER_COLUMN = 160;
    private static final int PER_SEQUENCE = 128;

    private byte[] buf;
    private int len;
    /** A lone surrogate was written as '?', as {@code String.getBytes(UTF_8)} writes it: see {@link #writeString}. */
    private boolean unpaired;

    private SnapshotWriter(int capacity) {
        buf = new byte[capacity];
    }

    /** The snapshot's UTF-8 bytes: {@link SchemaJson#write}'s text as {@code String.getBytes(UTF_8)} gives it. */
    static byte[] write(Schema schema) {
        SnapshotWriter w = written(schema);
        return w.len == w.buf.length ? w.buf : Arrays.copyOf(w.buf, w.len);
    }

    /**
     * The snapshot's text, decoded from the same bytes (without trimming them first). A lone surrogate has no UTF-8
     * form, so bytes holding one decode to '?' where {@link Json} keeps the char; such a schema (a name no database
     * takes) is written through {@link SchemaJson#writeAsMaps}, the definition, to give the same text as ever.
     */
    static String writeString(Schema schema) {
        SnapshotWriter w = written(schema);
        return w.unpaired ? SchemaJson.writeAsMaps(schema) : new String(w.buf, 0, w.len, UTF_8);
    }

    private static SnapshotWriter written(Schema schema) {
        long columns = 0;
        for (Table t : schema.tables()) {
            columns += t.columns().size();
        }
        long capacity = BASE_CAPACITY + PER_TABLE * (long) schema.tables().size() + PER_COLUMN * columns
                + PER_SEQUENCE * (long) schema.sequences().size();
        SnapshotWriter w = new SnapshotWriter((int) Math.min(capacity, MAX_CAPACITY));
        w.root(schema);
        w.ascii((byte) '\n');
        return w;
    }

    private void root(Schema s) {
        boolean any = key(false, 0, Key.FORMAT);
        number(Schema.FORMAT);
        if (s.hibernate() != null) {
            any = key(any, 0, Key.HIBERNATE);
            quote(s.hibernate());
        }
        if (s.naming() != null) {
            any = key(any, 0, Key.NAMING);
            quote(s.naming().json());
        }
        any = key(any, 0, Key.SEQUENCES);
        if (s.sequences().isEmpty()) {
            ascii(EMPTY_ARRAY);
        } else {
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < s.sequences().size(); i++) {
                sequence(s.sequences().get(i), 1);
                separator(i + 1 < s.sequences().size());
            }
            ascii((byte) ']');
        }
        any = key(any, 0, Key.TABLES);
        if (s.tables().isEmpty()) {
            ascii(EMPTY_ARRAY);
        } else {
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < s.tables().size(); i++) {
                table(s.tables().get(i), 1);
                separator(i + 1 < s.tables().size());
            }
            ascii((byte) ']');
        }
        end(any, 0);
    }

    // Keys in String order: checks, columns, foreignKeys, indexes, name, primaryKey, quoted, renamedFrom, schema,
    // sources, uniques.
    private void table(Table t, int indent) {
        boolean any = false;
        if (!t.checks().isEmpty()) {
            any = key(any, indent, Key.CHECKS);
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < t.checks().size(); i++) {
                check(t.checks().get(i), indent + 1);
                separator(i + 1 < t.checks().size());
            }
            ascii((byte) ']');
        }
        if (!t.columns().isEmpty()) {
            any = key(any, indent, Key.COLUMNS);
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < t.columns().size(); i++) {
                column(t.columns().get(i), indent + 1);
                separator(i + 1 < t.columns().size());
            }
            ascii((byte) ']');
        }
        if (!t.foreignKeys().isEmpty()) {
            any = key(any, indent, Key.FOREIGN_KEYS);
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < t.foreignKeys().size(); i++) {
                foreignKey(t.foreignKeys().get(i), indent + 1);
                separator(i + 1 < t.foreignKeys().size());
            }
            ascii((byte) ']');
        }
        if (!t.indexes().isEmpty()) {
            any = key(any, indent, Key.INDEXES);
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < t.indexes().size(); i++) {
                index(t.indexes().get(i), indent + 1);
                separator(i + 1 < t.indexes().size());
            }
            ascii((byte) ']');
        }
        any = string(any, indent, Key.NAME, t.name());
        if (t.primaryKey() != null) {
            any = key(any, indent, Key.PRIMARY_KEY);
            nameAndColumns(t.primaryKey().name(), t.primaryKey().columns(), indent + 1);
        }
        any = flag(any, indent, Key.QUOTED, t.quoted());
        any = string(any, indent, Key.RENAMED_FROM, t.renamedFrom());
        any = string(any, indent, Key.SCHEMA, t.schema());
        any = strings(any, indent, Key.SOURCES, t.sources());
        if (!t.uniques().isEmpty()) {
            any = key(any, indent, Key.UNIQUES);
            ascii((byte) '[', (byte) ' ');
            for (int i = 0; i < t.uniques().size(); i++) {
                UniqueConstraint u = t.uniques().get(i);
                nameAndColumns(u.name(), u.columns(), indent + 1);
                separator(i + 1 < t.uniques().size());
            }
            ascii((byte) ']');
        }
        end(any, indent);
    }

    // backfill, columnDefinition, default (the compatibility key, see SchemaJson), defaultValue, element (an ARRAY's,
    // in the compact form), identity, length, name, nullable, precision, quoted, renamedFrom, scale, type.
    private void column(Column c, int indent) {
        boolean any = string(false, indent, Key.BACKFILL, c.backfill());
        any = string(any, indent, Key.COLUMN_DEFINITION, nonEmpty(c.columnDefinition()));
        String defaultValue = nonEmpty(c.defaultValue());
        any = string(any, indent, Key.LEGACY_DEFAULT, defaultValue);
        any = string(any, indent, Key.DEFAULT_VALUE, defaultValue);
        ColumnType element = c.type().element();
        any = string(any, indent, Key.ELEMENT, element == null ? null : element.toString());
        any = flag(any, indent, Key.IDENTITY, c.identity());
        any = number(any, indent, Key.LENGTH, c.type().length());
        any = string(any, indent, Key.NAME, c.name());
        any = key(any, indent, Key.NULLABLE);
        ascii(c.nullable() ? TRUE : FALSE);
        any = number(any, indent, Key.PRECISION, c.type().precision());
        any = flag(any, indent, Key.QUOTED, c.quoted());
        any = string(any, indent, Key.RENAMED_FROM, c.renamedFrom());
        any = number(any, indent, Key.SCALE, c.type().scale());
        any = string(any, indent, Key.TYPE, c.type().name());
        end(any, indent);
    }

    // Primary keys and unique constraints: columns, name.
    private void nameAndColumns(String name, List<String> columns, int indent) {
        boolean any = strings(false, indent, Key.COLUMNS, columns);
        any = string(any, indent, Key.NAME, name);
        end(any, indent);
    }

    // columns, name, unique.
    private void index(Index i, int indent) {
        boolean any = strings(false, indent, Key.COLUMNS, i.columns());
        any = string(any, indent, Key.NAME, i.name());
        any = key(any, indent, Key.UNIQUE);
        ascii(i.unique() ? TRUE : FALSE);
        end(any, indent);
    }

    // column, expression, max, min, name, values.
    private void check(CheckConstraint c, int indent) {
        boolean any = string(false, indent, Key.COLUMN, nonEmpty(c.column()));
        any = string(any, indent, Key.EXPRESSION, nonEmpty(c.expression()));
        any = number(any, indent, Key.MAX, c.max());
        any = number(any, indent, Key.MIN, c.min());
        any = string(any, indent, Key.NAME, c.name());
        any = strings(any, indent, Key.VALUES, c.values());
        end(any, indent);
    }

    // columns, name, onDelete, referencedColumns, referencedSchema, referencedTable.
    private void foreignKey(ForeignKey f, int indent) {
        String onDelete = f.onDelete().json();
        boolean any = strings(false, indent, Key.COLUMNS, f.columns());
        any = string(any, indent, Key.NAME, f.name());
        any = string(any, indent, Key.ON_DELETE, onDelete);
        any = strings(any, indent, Key.REFERENCED_COLUMNS, f.referencedColumns());
        any = string(any, indent, Key.REFERENCED_SCHEMA, nonEmpty(f.referencedSchema()));
        any = string(any, indent, Key.REFERENCED_TABLE, f.referencedTable());
        end(any, indent);
    }

    // increment, name, quoted, schema, start.
    private void sequence(Sequence s, int indent) {
        boolean any = key(false, indent, Key.INCREMENT);
        number(s.increment());
        any = string(any, indent, Key.NAME, s.name());
        any = flag(any, indent, Key.QUOTED, s.quoted());
        any = string(any, indent, Key.SCHEMA, nonEmpty(s.schema()));
        any = key(any, indent, Key.START);
        number(s.start());
        end(any, indent);
    }

    /**
     * Starts an object's entry: the brace or the comma before it, the new line, its indentation, the key and the
     * colon, copied as one constant of {@link Key}; returns true.
     */
    private boolean key(boolean any, int indent, Key key) {
        byte[] line = key.line(indent + 1);
        ensure(line.length);
        System.arraycopy(line, 0, buf, len, line.length);
        if (!any) {
            buf[len] = '{';
        }
        len += line.length;
        return true;
    }

    private void end(boolean any, int indent) {
        if (!any) {
            ascii(EMPTY_OBJECT);
            return;
        }
        ascii(indent < DEPTHS ? ENDS[indent] : endLine(indent));
    }

    private boolean string(boolean any, int indent, Key key, String value) {
        if (value == null) {
            return any;
        }
        key(any, indent, key);
        quote(value);
        return true;
    }

    private boolean number(boolean any, int indent, Key key, Number value) {
        if (value == null) {
            return any;
        }
        key(any, indent, key);
        number(value.longValue());
        return true;
    }

    /** {@code true}, or nothing for {@code false}. */
    private boolean flag(boolean any, int indent, Key key, boolean value) {
        if (!value) {
            return any;
        }
        key(any, indent, key);
        ascii(TRUE);
        return true;
    }

    /** A list of strings, or nothing when it is empty. */
    private boolean strings(boolean any, int indent, Key key, List<String> values) {
        if (values == null || values.isEmpty()) {
            return any;
        }
        key(any, indent, key);
        ascii((byte) '[', (byte) ' ');
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null) {
                ascii(NULL);
            } else {
                quote(v);
            }
            separator(i + 1 < values.size());
        }
        ascii((byte) ']');
        return true;
    }

    /**
     * A string in quotes, as {@link Json#quote} writes it, in UTF-8. The loop copies chars while they are ASCII and
     * need no escape, which is the whole of nearly every string; from the first other char on, {@link #quoteRest}.
     */
    private void quote(String s) {
        int n = s.length();
        ensure(n + 2);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                len = p;
                quoteRest(s, i);
                ascii((byte) '"');
                return;
            }
            b[p++] = (byte) c;
        }
        b[p++] = '"';
        len = p;
    }

    /**
     * The chars of {@code s} from {@code from} on: {@link Json#quote}'s escapes ({@code \"}, {@code \\}, {@code \n},
     * {@code \r}, {@code \t}, the other controls as {@code \}{@code u00xx}), and every other char in UTF-8 as
     * {@code String.getBytes(UTF_8)} encodes it: a surrogate pair as one four-byte code point, a lone surrogate as
     * '?'.
     */
    private void quoteRest(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            ensure(6); // the longest a char becomes: a control's escape
            byte[] b = buf;
            if (c < 0x80) {
                switch (c) {
                    case '"' -> escape('"');
                    case '\\' -> escape('\\');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\t' -> escape('t');
                    default -> {
                        if (c < 0x20) {
                            b[len] = '\\';
                            b[len + 1] = 'u';
                            b[len + 2] = '0';
                            b[len + 3] = '0';
                            b[len + 4] = HEX[c >> 4];
                            b[len + 5] = HEX[c & 0xF];
                            len += 6;
                        } else {
                            b[len++] = (byte) c;
                        }
                    }
                }
            } else if (c < 0x800) {
                b[len] = (byte) (0xC0 | c >> 6);
                b[len + 1] = (byte) (0x80 | c & 0x3F);
                len += 2;
            } else if (!Character.isSurrogate(c)) {
                b[len] = (byte) (0xE0 | c >> 12);
                b[len + 1] = (byte) (0x80 | c >> 6 & 0x3F);
                b[len + 2] = (byte) (0x80 | c & 0x3F);
                len += 3;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[len] = (byte) (0xF0 | cp >> 18);
                b[len + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[len + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[len + 3] = (byte) (0x80 | cp & 0x3F);
                len += 4;
            } else {
                b[len++] = '?';
                unpaired = true;
            }
        }
    }

    /** A backslash and {@code c} (room for them ensured). */
    private void escape(char c) {
        buf[len] = '\\';
        buf[len + 1] = (byte) c;
        len += 2;
    }

    /** {@code v} in decimal, as {@code Long.toString} writes it, without making that String. */
    private void number(long v) {
        ensure(20); // Long.MIN_VALUE: a sign and 19 digits
        if (v < 0) {
            buf[len++] = '-';
        } else {
            v = -v; // counted down on the negative side, which holds Long.MIN_VALUE
        }
        int digits = 1;
        for (long rest = v; rest <= -10; rest /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int at = end - 1; at >= len; at--) {
            buf[at] = (byte) ('0' - v % 10);
            v /= 10;
        }
        len = end;
    }

    /** After an array's element: {@code ", "} before the next one, or the space before the bracket. */
    private void separator(boolean more) {
        if (more) {
            ascii((byte) ',', (byte) ' ');
        } else {
            ascii((byte) ' ');
        }
    }

    private void ascii(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ascii(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ascii(byte b, byte c) {
        ensure(2);
        buf[len] = b;
        buf[len + 1] = c;
        len += 2;
    }

    private void ensure(int n) {
        if (buf.length - len < n) {
            grow(n);
        }
    }

    /** Doubles the buffer, or more when {@code n} needs it. */
    private void grow(int n) {
        int needed = len + n;
        if (needed < 0 || needed > MAX_CAPACITY) {
            throw new OutOfMemoryError("a snapshot of more than " + MAX_CAPACITY + " bytes");
        }
        int doubled = buf.length > MAX_CAPACITY / 2 ? MAX_CAPACITY : Math.max(buf.length * 2, 16);
        buf = Arrays.copyOf(buf, Math.max(doubled, needed));
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The largest array a JVM reliably allocates. */
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /**
     * The depths whose lines are made once: keys of the root (1), of a table or sequence (2), and of a column, key,
     * index or constraint (3), the deepest a snapshot has; the ends of their objects one less. Deeper ones would be
     * made when written.
     */
    private static final int DEPTHS = 4;

    private static final byte[] EMPTY_OBJECT = bytes("{ }");
    private static final byte[] EMPTY_ARRAY = bytes("[ ]");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    private static final byte[] NULL = bytes("null");
    private static final byte[] HEX = bytes("0123456789abcdef");
    private static final byte[][] ENDS = new byte[DEPTHS][];

    static {
        for (int depth = 0; depth < DEPTHS; depth++) {
            ENDS[depth] = endLine(depth);
        }
    }

    /** The end of a non-empty object at {@code depth}: a new line, its indentation and the brace. */
    private static byte[] endLine(int depth) {
        return bytes("\n" + "  ".repeat(depth) + "}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    /**
     * A key as each depth writes it, in one constant: {@code ",\n" + indentation + "\"name\" : "} (the comma made a
     * brace for an object's first key).
     */
    private static final class Key {
        static final Key FORMAT = new Key("format");
        static final Key HIBERNATE = new Key("hibernate");
        static final Key NAMING = new Key("naming");
        static final Key SEQUENCES = new Key("sequences");
        static final Key TABLES = new Key("tables");
        static final Key CHECKS = new Key("checks");
        static final Key COLUMNS = new Key("columns");
        static final Key FOREIGN_KEYS = new Key("foreignKeys");
        static final Key INDEXES = new Key("indexes");
        static final Key NAME = new Key("name");
        static final Key PRIMARY_KEY = new Key("primaryKey");
        static final Key QUOTED = new Key("quoted");
        static final Key RENAMED_FROM = new Key("renamedFrom");
        static final Key SCHEMA = new Key("schema");
        static final Key SOURCES = new Key("sources");
        static final Key UNIQUES = new Key("uniques");
        static final Key BACKFILL = new Key("backfill");
        static final Key COLUMN_DEFINITION = new Key("columnDefinition");
        static final Key LEGACY_DEFAULT = new Key(RecordJson.LEGACY_DEFAULT_KEY);
        static final Key DEFAULT_VALUE = new Key("defaultValue");
        static final Key IDENTITY = new Key("identity");
        static final Key LENGTH = new Key("length");
        static final Key ELEMENT = new Key("element");
        static final Key NULLABLE = new Key("nullable");
        static final Key PRECISION = new Key("precision");
        static final Key SCALE = new Key("scale");
        static final Key TYPE = new Key("type");
        static final Key UNIQUE = new Key("unique");
        static final Key COLUMN = new Key("column");
        static final Key EXPRESSION = new Key("expression");
        static final Key MAX = new Key("max");
        static final Key MIN = new Key("min");
        static final Key VALUES = new Key("values");
        static final Key ON_DELETE = new Key("onDelete");
        static final Key REFERENCED_COLUMNS = new Key("referencedColumns");
        static final Key REFERENCED_SCHEMA = new Key("referencedSchema");
        static final Key REFERENCED_TABLE = new Key("referencedTable");
        static final Key INCREMENT = new Key("increment");
        static final Key START = new Key("start");

        private final String name;
        private final byte[][] lines = new byte[DEPTHS][];

        private Key(String name) {
            this.name = name;
            for (int depth = 0; depth < DEPTHS; depth++) {
                lines[depth] = make(depth);
            }
        }

        byte[] line(int depth) {
            return depth < DEPTHS ? lines[depth] : make(depth);
        }

        private byte[] make(int depth) {
            return bytes(",\n" + "  ".repeat(depth) + "\"" + name + "\" : ");
        }
    }
}
