package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a snapshot as {@link SchemaJson} writes it straight into the records, token by token, without the map of
 * every object that {@link Json#read} builds first: a 1,000-table snapshot is 2 MB, read by every {@code generate}
 * and {@code check} in a cold JVM (and the validated history's schema is kept in the same form). Anything it does
 * not expect (a syntax error, a value of another type, a {@code null}, a key given twice, a record its constructor
 * refuses, whitespace other than spaces, tabs and line breaks, an escape JSON does not define) makes it decline,
 * returning {@code null}: {@link SchemaJson#read} then reads the text through the maps, which says exactly what is
 * wrong, as it always has. So on any text both give the same schema or the same error; only the time differs.
 */
final class SnapshotReader {

    /** Thrown to give up; stackless and shared, since giving up is not an error here. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final String text;
    private int pos;

    private SnapshotReader(String text) {
        this.text = text;
    }

    /** The schema, or {@code null} when the text is anything but a snapshot as written (see the class comment). */
    static Schema read(String text) {
        try {
            SnapshotReader r = new SnapshotReader(text);
            Schema schema = r.root();
            r.skipWhitespace();
            return r.pos == text.length() ? schema : null;
        } catch (RuntimeException e) {
            // Declined, or a record refused a value: the maps' reading reports it, in its own order.
            return null;
        }
    }

    private Schema root() {
        Long format = null;
        String naming = null;
        String hibernate = null;
        List<Table> tables = null;
        List<Sequence> sequences = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "format" -> format = once(format, number());
                case "naming" -> naming = once(naming, string());
                case "hibernate" -> hibernate = once(hibernate, string());
                case "tables" -> tables = once(tables, array(this::table));
                case "sequences" -> sequences = once(sequences, array(this::sequence));
                default -> skipValue();
            }
        }
        if (format == null || format != Schema.FORMAT) {
            throw DECLINE;
        }
        return new Schema(naming == null ? null : NamingStrategy.fromJson(naming),
                tables == null ? List.of() : tables, sequences == null ? List.of() : sequences, hibernate);
    }

    private Table table() {
        String schema = null;
        String name = null;
        Boolean quoted = null;
        String renamedFrom = null;
        List<String> sources = null;
        List<Column> columns = null;
        PrimaryKey primaryKey = null;
        List<UniqueConstraint> uniques = null;
        List<Index> indexes = null;
        List<CheckConstraint> checks = null;
        List<ForeignKey> foreignKeys = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "schema" -> schema = once(schema, string());
                case "name" -> name = once(name, string());
                case "quoted" -> quoted = once(quoted, bool());
                case "renamedFrom" -> renamedFrom = once(renamedFrom, string());
                case "sources" -> sources = once(sources, names());
                case "columns" -> columns = once(columns, array(this::column));
                case "primaryKey" -> primaryKey = once(primaryKey, namedColumns(PrimaryKey::new));
                case "uniques" -> uniques = once(uniques, array(() -> namedColumns(UniqueConstraint::new)));
                case "indexes" -> indexes = once(indexes, array(this::index));
                case "checks" -> checks = once(checks, array(this::check));
                case "foreignKeys" -> foreignKeys = once(foreignKeys, array(this::foreignKey));
                default -> skipValue();
            }
        }
        return new Table(schema, name, isTrue(quoted), renamedFrom, orEmpty(sources), orEmpty(columns), primaryKey,
                orEmpty(uniques), orEmpty(indexes), orEmpty(checks), orEmpty(foreignKeys));
    }

    private Column column() {
        String name = null;
        String type = null;
        String element = null;
        Long length = null;
        Long precision = null;
        Long scale = null;
        Boolean nullable = null;
        Boolean identity = null;
        String defaultValue = null;
        String legacyDefault = null;
        String columnDefinition = null;
        Boolean quoted = null;
        String renamedFrom = null;
        String backfill = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "name" -> name = once(name, string());
                case "type" -> type = once(type, string());
                case "element" -> element = once(element, string());
                case "length" -> length = once(length, number());
                case "precision" -> precision = once(precision, number());
                case "scale" -> scale = once(scale, number());
                case "nullable" -> nullable = once(nullable, bool());
                case "identity" -> identity = once(identity, bool());
                case "defaultValue" -> defaultValue = once(defaultValue, string());
                case RecordJson.LEGACY_DEFAULT_KEY -> legacyDefault = once(legacyDefault, string());
                case "columnDefinition" -> columnDefinition = once(columnDefinition, string());
                case "quoted" -> quoted = once(quoted, bool());
                case "renamedFrom" -> renamedFrom = once(renamedFrom, string());
                case "backfill" -> backfill = once(backfill, string());
                default -> skipValue();
            }
        }
        if (defaultValue != null && legacyDefault != null && !defaultValue.equals(legacyDefault)) {
            throw DECLINE;
        }
        return new Column(name, new ColumnType(type, integer(length), integer(precision), integer(scale),
                        element == null ? null : ColumnType.parse(element)),
                isTrue(nullable), isTrue(identity), defaultValue != null ? defaultValue : legacyDefault,
                columnDefinition, isTrue(quoted), renamedFrom, backfill);
    }

    /** A primary key or a unique constraint: a name and columns. */
    private <T> T namedColumns(java.util.function.BiFunction<String, List<String>, T> build) {
        String name = null;
        List<String> columns = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "name" -> name = once(name, string());
                case "columns" -> columns = once(columns, names());
                default -> skipValue();
            }
        }
        return build.apply(name, orEmpty(columns));
    }

    private Index index() {
        String name = null;
        List<String> columns = null;
        Boolean unique = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "name" -> name = once(name, string());
                case "columns" -> columns = once(columns, names());
                case "unique" -> unique = once(unique, bool());
                default -> skipValue();
            }
        }
        return new Index(name, orEmpty(columns), isTrue(unique));
    }

    private CheckConstraint check() {
        String name = null;
        String column = null;
        List<String> values = null;
        Long min = null;
        Long max = null;
        String expression = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "name" -> name = once(name, string());
                case "column" -> column = once(column, string());
                case "values" -> values = once(values, names());
                case "min" -> min = once(min, number());
                case "max" -> max = once(max, number());
                case "expression" -> expression = once(expression, string());
                default -> skipValue();
            }
        }
        return new CheckConstraint(name, column, values, min, max, expression);
    }

    private ForeignKey foreignKey() {
        String name = null;
        List<String> columns = null;
        String referencedSchema = null;
        String referencedTable = null;
        List<String> referencedColumns = null;
        String onDelete = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "name" -> name = once(name, string());
                case "columns" -> columns = once(columns, names());
                case "referencedSchema" -> referencedSchema = once(referencedSchema, string());
                case "referencedTable" -> referencedTable = once(referencedTable, string());
                case "referencedColumns" -> referencedColumns = once(referencedColumns, names());
                case "onDelete" -> onDelete = once(onDelete, string());
                default -> skipValue();
            }
        }
        return new ForeignKey(name, orEmpty(columns), referencedSchema, referencedTable, orEmpty(referencedColumns),
                onDelete == null ? null : OnDelete.fromJson(onDelete));
    }

    private Sequence sequence() {
        String schema = null;
        String name = null;
        Long start = null;
        Long increment = null;
        Boolean quoted = null;
        for (String key = firstKey(); key != null; key = nextKey()) {
            switch (key) {
                case "schema" -> schema = once(schema, string());
                case "name" -> name = once(name, string());
                case "start" -> start = once(start, number());
                case "increment" -> increment = once(increment, number());
                case "quoted" -> quoted = once(quoted, bool());
                default -> skipValue();
            }
        }
        if (start == null || increment == null) {
            throw DECLINE;
        }
        return new Sequence(schema, name, start, increment, isTrue(quoted));
    }

    /** An array of {@code element}s (each read by it from its first token on). */
    private <T> List<T> array(java.util.function.Supplier<T> element) {
        expect('[');
        List<T> items = new ArrayList<>();
        if (!closesAt(']')) {
            do {
                items.add(element.get());
            } while (another(']'));
        }
        return items;
    }

    /** A list of names: strings only. */
    private List<String> names() {
        expect('[');
        if (closesAt(']')) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        do {
            names.add(string());
        } while (another(']'));
        return List.copyOf(names);
    }

    /** The value of a key given once; a second one makes the maps keep the last, so that is theirs to read. */
    private static <T> T once(T before, T value) {
        if (before != null) {
            throw DECLINE;
        }
        return value;
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static Integer integer(Long v) {
        return v == null ? null : v.intValue();
    }

    // Tokens. Whitespace is skipped before each; anything unexpected declines.

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char next() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw DECLINE;
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (next() != c) {
            throw DECLINE;
        }
        pos++;
    }

    /** Just after an opening bracket: whether {@code close} follows at once (then consumed): nothing inside. */
    private boolean closesAt(char close) {
        if (next() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member or an element: whether another follows ({@code ','}), or {@code close} ends them. */
    private boolean another(char close) {
        char c = next();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c != close) {
            throw DECLINE;
        }
        return false;
    }

    private String key() {
        String key = string();
        expect(':');
        return key;
    }

    /** Opens an object: its first key (its value next), or {@code null} when it is empty. */
    private String firstKey() {
        expect('{');
        return closesAt('}') ? null : key();
    }

    /** After a member's value: the next key, or {@code null} when the object ends there. */
    private String nextKey() {
        return another('}') ? key() : null;
    }

    private String string() {
        expect('"');
        int start = pos;
        for (int end = pos; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '"') {
                pos = end + 1;
                return text.substring(start, end);
            }
            if (c == '\\') {
                return escaped(start);
            }
        }
        throw DECLINE;
    }

    /** A string with escapes, from its first character at {@code start}. */
    private String escaped(int start) {
        StringBuilder sb = new StringBuilder();
        pos = start;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw DECLINE;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            throw DECLINE;
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw DECLINE;
            }
        }
        throw DECLINE;
    }

    private Long number() {
        char c = next();
        int start = pos;
        if (c == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        // A number too large for a long makes parseLong throw, which declines too (and what follows a number that
        // is not a separator, such as a fraction, is declined by the caller).
        if (pos == digits) {
            throw DECLINE;
        }
        return Long.parseLong(text, start, pos, 10);
    }

    private Boolean bool() {
        char c = next();
        if (c == 't' && text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (c == 'f' && text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw DECLINE;
    }

    /** Skips a value of any kind, nested ones included; a {@code null} declines (the maps tell it from absence). */
    private void skipValue() {
        char c = next();
        switch (c) {
            case '"' -> string();
            case 't', 'f' -> bool();
            case '{' -> {
                for (String key = firstKey(); key != null; key = nextKey()) {
                    skipValue();
                }
            }
            case '[' -> array(() -> {
                skipValue();
                return null;
            });
            default -> number();
        }
    }
}
