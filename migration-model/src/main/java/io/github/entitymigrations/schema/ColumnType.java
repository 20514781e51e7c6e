package io.github.entitymigrations.schema;

import java.util.Objects;

/**
 * A dialect-neutral column type. {@code name} is one of the JDBC type names Hibernate uses in
 * {@code org.hibernate.type.SqlTypes} ({@code VARCHAR}, {@code NUMERIC}, {@code TIMESTAMP_UTC},
 * {@code UUID}, {@code JSON}, ...); each dialect renders it as Hibernate's dialect for that database
 * does. Size attributes are {@code null} where the type has none.
 *
 * <p>{@code ARRAY} is a basic array ({@code String[]}, {@code List<UUID>}) of the {@code element} type, as
 * Hibernate 6.6 and 7 map one: a native array where the database has them (PostgreSQL {@code varchar(40) array});
 * elsewhere Hibernate 7's {@code json} or, when the array has a {@code length}, Hibernate 6.6's
 * {@code varbinary(length)} (MariaDB, MySQL); SQLite a {@code blob}. Its compact form is the element's with
 * {@code " ARRAY"} after it: {@code "VARCHAR(40) ARRAY"}, {@code "INTEGER ARRAY(255)"}. A bare {@code ARRAY}
 * (no element) is a column whose {@code columnDefinition} gives its type, as before arrays were mapped.
 *
 * @param name      the logical type name
 * @param length    the length of character and binary types (of an {@code ARRAY}: the varbinary's, see above)
 * @param precision the precision of exact numerics (and fractional seconds where one is set)
 * @param scale     the scale of exact numerics
 * @param element   an {@code ARRAY}'s element type (never itself an array); {@code null} for every other type
 */
public record ColumnType(String name, Integer length, Integer precision, Integer scale, ColumnType element) {

    /** The name of the array type, whose {@link #element} is set. */
    public static final String ARRAY = "ARRAY";

    public ColumnType {
        if (element != null && !ARRAY.equals(name)) {
            throw new IllegalArgumentException("only an ARRAY type has an element type, not " + name);
        }
        if (element != null && element.element != null) {
            throw new IllegalArgumentException("an array of arrays is not a column type: " + element + " ARRAY");
        }
    }

    /** A type that is not an array. */
    public ColumnType(String name, Integer length, Integer precision, Integer scale) {
        this(name, length, precision, scale, null);
    }

    /**
     * An array of {@code element}; {@code binaryLength} is the length of the varbinary Hibernate 6.6 stores it in
     * where a database has no arrays, {@code null} for Hibernate 7's json.
     */
    public static ColumnType arrayOf(ColumnType element, Integer binaryLength) {
        return new ColumnType(ARRAY, binaryLength, null, null, element);
    }

    /**
     * Every logical type name: those of {@code SqlTypes} the processor writes (and {@code DOUBLE}, which the
     * dialects also render). A migration file naming another type is refused when it is read.
     */
    public static final java.util.Set<String> NAMES = java.util.Set.of("BIT", "BOOLEAN", "TINYINT", "SMALLINT",
            "INTEGER", "BIGINT", "FLOAT", "REAL", "DOUBLE", "NUMERIC", "DECIMAL", "CHAR", "NCHAR", "VARCHAR", "NVARCHAR",
            "LONGVARCHAR", "LONGNVARCHAR", "LONG32VARCHAR", "LONG32NVARCHAR", "CLOB", "NCLOB", "BLOB", "BINARY",
            "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY", "DATE", "TIME", "TIME_UTC", "TIME_WITH_TIMEZONE",
            "TIMESTAMP", "TIMESTAMP_UTC", "TIMESTAMP_WITH_TIMEZONE", "INTERVAL_SECOND", "UUID", "JSON", "INET", "SQLXML",
            "GEOMETRY", "GEOGRAPHY", "ARRAY", "OTHER", "JAVA_OBJECT");

    /**
     * The types whose one size is a length ({@code VARCHAR(255)}, {@code CLOB(1000)}: as the processor writes them);
     * for the others it is a precision.
     */
    private static final java.util.Set<String> SIZED_BY_LENGTH = java.util.Set.of("CHAR", "VARCHAR", "NCHAR",
            "NVARCHAR", "BINARY", "VARBINARY", "LONGVARCHAR", "LONGVARBINARY", "LONGNVARCHAR", "LONG32VARCHAR",
            "LONG32NVARCHAR", "LONG32VARBINARY", "CLOB", "NCLOB", "BLOB", ARRAY);

    public static ColumnType of(String name) {
        return new ColumnType(name, null, null, null);
    }

    public static ColumnType ofLength(String name, int length) {
        return new ColumnType(name, length, null, null);
    }

    public static ColumnType numeric(String name, int precision, int scale) {
        return new ColumnType(name, null, precision, scale);
    }

    /**
     * A type in its compact form, as {@link #toString()} writes it: {@code "VARCHAR(255)"},
     * {@code "NUMERIC(10,2)"}, {@code "FLOAT(53)"}, {@code "BIGINT"}, {@code "VARCHAR(40) ARRAY"}. Migration files
     * write a column's type so.
     *
     * @throws IllegalArgumentException for another form or an unknown type name, saying what is expected
     */
    public static ColumnType parse(String text) {
        String t = text.trim();
        int array = t.lastIndexOf(" ARRAY");
        if (array > 0 && (t.length() == array + 6 || t.charAt(array + 6) == '(')) {
            ColumnType element = parseOne(t.substring(0, array), text);
            if (element.name.equals(ARRAY)) {
                throw new IllegalArgumentException("not a column type: \"" + text + "\" (an array of arrays)");
            }
            ColumnType suffix = parseOne(t.substring(array + 1), text);
            if (!suffix.toString().equals(t.substring(array + 1))) {
                throw new IllegalArgumentException("not a column type: \"" + text + "\" (an ARRAY's one size is the "
                        + "length of the varbinary it is stored in where a database has no arrays, e.g. "
                        + "\"INTEGER ARRAY(255)\")");
            }
            return arrayOf(element, suffix.length);
        }
        return parseOne(t, text);
    }

    private static ColumnType parseOne(String t, String text) {
        // NAME, NAME(n) or NAME(n, m) (spaces only after the comma), each number of 1 to 9 digits, read by hand: every
        // column of every migration file is parsed, mostly in a cold JVM, where a regular expression costs about
        // twice as much. ColumnTypeParseTest holds it to the pattern [A-Z0-9_]+(\((\d{1,9})(,\s*(\d{1,9}))?\))?
        int at = 0;
        while (at < t.length() && isNameChar(t.charAt(at))) {
            at++;
        }
        String name = t.substring(0, at);
        Integer first = null;
        Integer second = null;
        if (at < t.length() && t.charAt(at) == '(') {
            int end = digits(t, at + 1);
            first = end < 0 ? null : Integer.valueOf(t.substring(at + 1, end));
            at = end;
            if (at > 0 && at < t.length() && t.charAt(at) == ',') {
                at++;
                while (at < t.length() && isSpace(t.charAt(at))) {
                    at++;
                }
                end = digits(t, at);
                second = end < 0 ? null : Integer.valueOf(t.substring(at, end));
                at = end;
            }
            at = at > 0 && at < t.length() && t.charAt(at) == ')' ? at + 1 : -1;
        }
        if (name.isEmpty() || at != t.length()) {
            throw new IllegalArgumentException("not a column type: \"" + text
                    + "\" (expected a type name with an optional size, e.g. VARCHAR(255) or NUMERIC(10,2))");
        }
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown column type \"" + name + "\" in \"" + text + "\"; the types "
                    + "are " + new java.util.TreeSet<>(NAMES) + " (for a database-specific type, write "
                    + "\"OTHER\" with a \"columnDefinition\")");
        }
        if (first != null && SIZED_BY_LENGTH.contains(name)) {
            return new ColumnType(name, first, null, null);
        }
        return new ColumnType(name, null, first, second);
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** As a regular expression's {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Where 1 to 9 digits from {@code from} end, or -1 when there are none or more. */
    private static int digits(String t, int from) {
        int end = from;
        while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        return end == from || end - from > 9 ? -1 : end;
    }

    /** The compact form {@link #parse} reads. */
    @Override
    public String toString() {
        if (element != null) {
            return element + (length == null ? " ARRAY" : " ARRAY(" + length + ")");
        }
        if (length != null) {
            return name + "(" + length + ")";
        }
        if (precision != null) {
            return scale == null ? name + "(" + precision + ")" : name + "(" + precision + "," + scale + ")";
        }
        return name;
    }

    /**
     * The components compared one by one, as a record's own {@code equals} does, written out (here and in the other
     * records of a schema): a record's own is linked through method handles the first time it runs and is slow until
     * compiled, which in the short-lived JVMs this model lives in (a Maven goal, javac) it mostly is not; diffing two
     * schemas of 1,000 tables took about half as long again with it. The record's own {@code hashCode} agrees.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ColumnType o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(length, o.length)
                && Objects.equals(precision, o.precision)
                && Objects.equals(scale, o.scale)
                && Objects.equals(element, o.element);
    }
}
