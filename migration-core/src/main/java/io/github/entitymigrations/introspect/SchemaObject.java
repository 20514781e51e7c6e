package io.github.entitymigrations.introspect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One object of a schema as drift compares it: a table, column, key, constraint, index or sequence, named in
 * lower case (both databases fold unquoted names; two names differing only by case are not worth a false
 * report), with its properties in the database's own vocabulary. A property that one side cannot know is
 * left out and then not compared.
 *
 * @param kind       what it is
 * @param table      its table (lower case, schema-qualified when not in the configured schema), or {@code null}
 *                   for a table or sequence
 * @param name       its name: the column's, constraint's, index's, table's or sequence's
 * @param properties what is compared, in order (for example {@code type}, {@code nullability}, {@code default})
 */
public record SchemaObject(Kind kind, String table, String name, Map<String, String> properties) {

    /** The kinds of object, each with the word check's messages use. */
    public enum Kind {
        TABLE("table"), COLUMN("column"), PRIMARY_KEY("primary key"), UNIQUE("unique constraint"),
        FOREIGN_KEY("foreign key"), CHECK("check constraint"), INDEX("index"), SEQUENCE("sequence");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word in messages and in the JSON report: {@code unique constraint}. */
        public String word() {
            return word;
        }
    }

    public SchemaObject {
        table = lower(table);
        name = lower(name);
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** What identifies it on both sides: kind, table and name. */
    String key() {
        if (kind == Kind.PRIMARY_KEY) {
            // a table has one: SQLite does not report its name, so it is compared by its columns
            return kind + " " + table;
        }
        return kind + " " + (table == null ? "" : table) + " " + name;
    }

    /** {@code orders.note} for a column, the name otherwise. */
    public String object() {
        return kind == Kind.COLUMN ? table + "." + name : name == null ? table : name;
    }

    /** How messages name it: {@code column orders.note}, {@code index idx_orders_customer on orders}. */
    String label() {
        String base = kind.word() + " " + object();
        if (kind == Kind.PRIMARY_KEY) {
            return kind.word() + " of " + table;
        }
        return kind == Kind.COLUMN || table == null ? base : base + " on " + table;
    }

    /** The label with what says most about it: a column's type, a constraint's columns. */
    String described() {
        String detail = kind == Kind.COLUMN ? properties.get("type") : properties.get("columns");
        return label() + (detail == null ? "" : " (" + detail + ")");
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
