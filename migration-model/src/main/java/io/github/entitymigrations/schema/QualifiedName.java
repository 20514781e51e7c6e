package io.github.entitymigrations.schema;

import java.util.Locale;

/**
 * The identity rule of a schema-qualified table or sequence name, in one place: two names are the same
 * object when their schemas and names are equal ignoring case, as SQL compares unquoted names (and as
 * Hibernate's schema tools pair them: two tables whose names differ only in case cannot be in one schema).
 * A missing schema is the connection's default one and differs from every named schema. The processor, the
 * replay of migrations, the differ, the dialects and the runner all pair and look up tables with it.
 */
public final class QualifiedName {

    private QualifiedName() {
    }

    /**
     * The key of a schema-qualified name: {@code schema.name} in lower case, {@code .name} without a schema
     * (so {@code (null, "a.b")} and {@code ("a", "b")} stay apart). Keys sort as {@link Schema} sorts tables
     * for unquoted lower-case names.
     */
    public static String key(String schema, String name) {
        return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + name.toLowerCase(Locale.ROOT);
    }

    /** The key of a table. */
    public static String key(Table table) {
        return key(table.schema(), table.name());
    }

    /** The key of a sequence. */
    public static String key(Sequence sequence) {
        return key(sequence.schema(), sequence.name());
    }

    /** The key of the table a foreign key references. */
    public static String referencedKey(ForeignKey foreignKey) {
        return key(foreignKey.referencedSchema(), foreignKey.referencedTable());
    }

    /**
     * Whether two schema-qualified names have the same {@link #key}, without building the keys when neither
     * part holds a dot (then the parts compare one by one): lookups scan every table of a schema.
     */
    public static boolean same(String schemaA, String nameA, String schemaB, String nameB) {
        if (noDot(schemaA) && noDot(schemaB) && nameA.indexOf('.') < 0 && nameB.indexOf('.') < 0) {
            return lower(schemaA).equals(lower(schemaB)) && lower(nameA).equals(lower(nameB));
        }
        return key(schemaA, nameA).equals(key(schemaB, nameB));
    }

    /** The name for people: {@code schema.name}, or {@code name} without a schema, as written. */
    public static String display(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    private static boolean noDot(String s) {
        return s == null || s.indexOf('.') < 0;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
