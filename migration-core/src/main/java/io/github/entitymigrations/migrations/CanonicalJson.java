package io.github.entitymigrations.migrations;

import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.RecordJson;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Migration} as {@link MigrationJson#write} does, byte for byte, without databind: the text
 * {@code generate} writes and the canonical JSON whose SHA-256 is a migration's recorded checksum. Why: in a
 * fresh JVM, loading databind and building its serializers costs a few hundred milliseconds and some 20 MiB, on
 * every apply (each migration applied records its checksum) and every generate.
 *
 * <p>Every value is first put into the tree databind would write (objects as sorted maps, each step's
 * {@code "op"} first, the same values left out), then printed as Jackson's default pretty printer prints with
 * {@link MigrationJson}'s settings. The schema records in it are printed straight from their components, in the
 * one form of the model's {@link RecordJson} that databind's mixins make (its keys sorted): building that form's
 * maps for every column took most of the time of checksumming a long history. A value this class does not know
 * (an operation type added later) gives {@code null}, and the caller writes with databind.
 * {@code CanonicalJsonTest} holds the two writers to the same bytes over every migration file of the repository and
 * over generated migrations with every kind of step and every optional value.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of {@code migration}, or {@code null} when databind must write it. */
    static String write(Migration migration) {
        Object tree;
        try {
            tree = migration(migration);
        } catch (Unknown e) {
            return null;
        }
        StringBuilder out = new StringBuilder(4096);
        value(tree, out, 0);
        return out.append('\n').toString();
    }

    /** A value this writer does not know. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** An object whose keys keep the order they were put in (the migration's own order, or "op" first). */
    private static final class Ordered extends ArrayList<Map.Entry<String, Object>> {
        Ordered put(String key, Object value) {
            add(Map.entry(key, value));
            return this;
        }
    }

    // The tree databind writes.

    private static Object migration(Migration m) throws Unknown {
        Ordered o = new Ordered();
        putNonEmpty(o, "id", m.id());
        putNonEmpty(o, "parent", m.parent());
        putNonEmpty(o, "message", m.message());
        if (m.outsideTransaction()) {
            o.put("outsideTransaction", Boolean.TRUE);
        }
        if (m.lockTimeout() != null) {
            o.put("lockTimeout", m.lockTimeout());
        }
        o.put("upgrade", operations(m.upgrade()));
        o.put("downgrade", operations(m.downgrade()));
        if (!m.warnings().isEmpty()) {
            List<Object> warnings = new ArrayList<>(m.warnings().size());
            for (Warning w : m.warnings()) {
                TreeMap<String, Object> warning = new TreeMap<>();
                warning.put("step", (long) w.step());
                warning.put("kind", w.kind() == null ? null : w.kind().json());
                warning.put("message", w.message());
                warnings.add(record(warning));
            }
            o.put("warnings", warnings);
        }
        if (m.lint() != null) {
            List<Object> ignores = new ArrayList<>();
            for (LintSection.Ignore i : m.lint().ignore()) {
                Ordered ignore = new Ordered();
                putNonEmpty(ignore, "rule", i.rule());
                if (i.step() != null) {
                    ignore.put("step", (long) i.step());
                }
                putNonEmpty(ignore, "reason", i.reason());
                ignores.add(ignore);
            }
            TreeMap<String, Object> lint = new TreeMap<>();
            if (!ignores.isEmpty()) {
                lint.put("ignore", ignores);
            }
            o.put("lint", lint);
        }
        return o;
    }

    private static List<Object> operations(List<Operation> ops) throws Unknown {
        List<Object> list = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            list.add(operation(op));
        }
        return list;
    }

    /** A step: its "op", then its values by name, empty ones left out (databind's NON_EMPTY). */
    private static Object operation(Operation op) throws Unknown {
        TreeMap<String, Object> v = new TreeMap<>();
        String name;
        if (op instanceof CreateTable o) {
            name = "create_table";
            v.put("table", table(o.table()));
        } else if (op instanceof DropTable o) {
            name = "drop_table";
            v.put("table", table(o.table()));
        } else if (op instanceof RenameTable o) {
            name = "rename_table";
            v.put("schema", o.schema());
            v.put("from", o.from());
            v.put("to", o.to());
        } else if (op instanceof AddColumn o) {
            name = "add_column";
            onTable(v, o.schema(), o.table()).put("column", column(o.column()));
        } else if (op instanceof DropColumn o) {
            name = "drop_column";
            onTable(v, o.schema(), o.table()).put("column", column(o.column()));
        } else if (op instanceof AlterColumn o) {
            name = "alter_column";
            onTable(v, o.schema(), o.table()).put("from", column(o.from()));
            v.put("to", column(o.to()));
        } else if (op instanceof RenameColumn o) {
            name = "rename_column";
            onTable(v, o.schema(), o.table()).put("from", o.from());
            v.put("to", o.to());
        } else if (op instanceof AddPrimaryKey o) {
            name = "add_primary_key";
            onTable(v, o.schema(), o.table()).put("primaryKey", keys(o.primaryKey().name(), o.primaryKey().columns()));
        } else if (op instanceof DropPrimaryKey o) {
            name = "drop_primary_key";
            onTable(v, o.schema(), o.table()).put("primaryKey", keys(o.primaryKey().name(), o.primaryKey().columns()));
        } else if (op instanceof AddUnique o) {
            name = "add_unique";
            onTable(v, o.schema(), o.table()).put("unique", keys(o.unique().name(), o.unique().columns()));
        } else if (op instanceof DropUnique o) {
            name = "drop_unique";
            onTable(v, o.schema(), o.table()).put("unique", keys(o.unique().name(), o.unique().columns()));
        } else if (op instanceof CreateIndex o) {
            name = "create_index";
            onTable(v, o.schema(), o.table()).put("index", index(o.index()));
            flag(v, "concurrently", o.concurrently());
        } else if (op instanceof DropIndex o) {
            name = "drop_index";
            onTable(v, o.schema(), o.table()).put("index", index(o.index()));
            flag(v, "concurrently", o.concurrently());
        } else if (op instanceof AddCheck o) {
            name = "add_check";
            onTable(v, o.schema(), o.table()).put("check", check(o.check()));
            flag(v, "notValid", o.notValid());
        } else if (op instanceof DropCheck o) {
            name = "drop_check";
            onTable(v, o.schema(), o.table()).put("check", check(o.check()));
        } else if (op instanceof AddForeignKey o) {
            name = "add_foreign_key";
            onTable(v, o.schema(), o.table()).put("foreignKey", foreignKey(o.foreignKey()));
            flag(v, "notValid", o.notValid());
        } else if (op instanceof DropForeignKey o) {
            name = "drop_foreign_key";
            onTable(v, o.schema(), o.table()).put("foreignKey", foreignKey(o.foreignKey()));
        } else if (op instanceof CreateSequence o) {
            name = "create_sequence";
            v.put("sequence", sequence(o.sequence()));
        } else if (op instanceof DropSequence o) {
            name = "drop_sequence";
            v.put("sequence", sequence(o.sequence()));
        } else if (op instanceof AlterSequence o) {
            name = "alter_sequence";
            v.put("from", sequence(o.from()));
            v.put("to", sequence(o.to()));
        } else if (op instanceof Sql o) {
            name = "sql";
            v.put("upgrade", statements(o.upgrade()));
            v.put("downgrade", statements(o.downgrade()));
            flag(v, "irreversible", o.irreversible());
            v.put("schemaChanges", o.schemaChanges() == null || o.schemaChanges().isEmpty() ? null
                    : operations(o.schemaChanges()));
        } else {
            throw new Unknown();
        }
        Ordered step = new Ordered().put("op", name);
        for (Map.Entry<String, Object> e : v.entrySet()) {
            if (!isEmpty(e.getValue())) {
                step.put(e.getKey(), e.getValue());
            }
        }
        return step;
    }

    private static TreeMap<String, Object> onTable(TreeMap<String, Object> v, String schema, String table) {
        v.put("schema", schema);
        v.put("table", table);
        return v;
    }

    private static void flag(Map<String, Object> v, String key, boolean value) {
        if (value) {
            v.put(key, Boolean.TRUE);
        }
    }

    /** A sql step's statements by database, sorted by key; each list kept, even empty. */
    private static Object statements(Map<String, List<String>> byDialect) {
        return byDialect == null || byDialect.isEmpty() ? null : new TreeMap<>(byDialect);
    }

    // The schema records, printed straight from their components: each form's keys in sorted order (the order
    // databind's sorted maps give), a value left out where RecordJson leaves it out or it is empty.

    /** A value printed by itself: a schema record in its migration form. Never empty (every record has a name). */
    @FunctionalInterface
    private interface Form {
        void print(Fields f);
    }

    /** A table without its Java side (sources, renamedFrom): a database does not hold it. */
    private static Form table(Table t) {
        return f -> {
            f.forms("checks", t.checks(), CanonicalJson::check);
            f.forms("columns", t.columns(), CanonicalJson::column);
            f.forms("foreignKeys", t.foreignKeys(), CanonicalJson::foreignKey);
            f.forms("indexes", t.indexes(), CanonicalJson::index);
            f.string("name", t.name());
            if (t.primaryKey() != null) {
                f.form("primaryKey", keys(t.primaryKey().name(), t.primaryKey().columns()));
            }
            f.flag("quoted", t.quoted());
            f.string("schema", t.schema());
            f.forms("uniques", t.uniques(), u -> keys(u.name(), u.columns()));
        };
    }

    /** A column as a migration holds it: its type compact ({@code VARCHAR(255)}), without the Java-side hints. */
    private static Form column(Column c) {
        return f -> {
            f.string("columnDefinition", c.columnDefinition());
            f.string("defaultValue", c.defaultValue());
            f.flag("identity", c.identity());
            f.string("name", c.name());
            f.bool("nullable", c.nullable());
            f.flag("quoted", c.quoted());
            f.string("type", c.type().toString());
        };
    }

    /** A primary key or a unique constraint: a name and columns. */
    private static Form keys(String name, List<String> columns) {
        return f -> {
            f.strings("columns", columns);
            f.string("name", name);
        };
    }

    private static Form index(Index i) {
        return f -> {
            f.strings("columns", i.columns());
            f.string("name", i.name());
            f.bool("unique", i.unique());
        };
    }

    private static Form check(CheckConstraint c) {
        return f -> {
            f.string("column", c.column());
            f.string("expression", c.expression());
            f.number("max", c.max());
            f.number("min", c.min());
            f.string("name", c.name());
            f.strings("values", c.values());
        };
    }

    private static Form foreignKey(ForeignKey k) {
        return f -> {
            f.strings("columns", k.columns());
            f.string("name", k.name());
            f.string("onDelete", k.onDelete().json());
            f.strings("referencedColumns", k.referencedColumns());
            f.string("referencedSchema", k.referencedSchema());
            f.string("referencedTable", k.referencedTable());
        };
    }

    private static Form sequence(Sequence s) {
        return f -> {
            f.number("increment", s.increment());
            f.string("name", s.name());
            f.flag("quoted", s.quoted());
            f.string("schema", s.schema());
            f.number("start", s.start());
        };
    }

    /**
     * One object being printed, its entries in the order given: every object's braces, commas and indentation (the
     * trees' objects too, see {@link #object}); each typed method leaves out what RecordJson does.
     */
    private static final class Fields {
        private final StringBuilder out;
        private final int level;
        private boolean any;

        Fields(StringBuilder out, int level) {
            this.out = out;
            this.level = level;
        }

        /** Starts the entry {@code key}: its value is printed next, at the level below this object's. */
        void key(String key) {
            out.append(any ? "," : "{");
            any = true;
            newline(out, level + 1);
            CanonicalJson.string(key, out);
            out.append(" : ");
        }

        /** Ends the object: {@code { }} when nothing was in it. */
        void end() {
            if (any) {
                newline(out, level);
                out.append('}');
            } else {
                out.append("{ }");
            }
        }

        void string(String key, String value) {
            if (value != null && !value.isEmpty()) {
                key(key);
                CanonicalJson.string(value, out);
            }
        }

        /** A flag written only when set. */
        void flag(String key, boolean value) {
            if (value) {
                key(key);
                out.append("true");
            }
        }

        /** A boolean written either way. */
        void bool(String key, boolean value) {
            key(key);
            out.append(value);
        }

        void number(String key, Long value) {
            if (value != null) {
                key(key);
                out.append(value.longValue());
            }
        }

        void strings(String key, List<String> values) {
            if (values != null && !values.isEmpty()) {
                key(key);
                array(values, out, level + 1);
            }
        }

        void form(String key, Form value) {
            key(key);
            printForm(value, out, level + 1);
        }

        <T> void forms(String key, List<T> items, java.util.function.Function<T, Form> form) {
            if (items == null || items.isEmpty()) {
                return;
            }
            List<Form> forms = new ArrayList<>(items.size());
            for (T item : items) {
                forms.add(form.apply(item));
            }
            key(key);
            array(forms, out, level + 1);
        }
    }

    private static void printForm(Form form, StringBuilder out, int level) {
        Fields f = new Fields(out, level);
        form.print(f);
        f.end();
    }

    /** A warning's form: its keys sorted, empty values left out (databind's NON_EMPTY). */
    private static TreeMap<String, Object> record(Map<String, Object> m) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!isEmpty(e.getValue())) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        return sorted;
    }

    private static void putNonEmpty(Ordered o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    /** Databind's NON_EMPTY: null, an empty string, list or map. */
    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isEmpty() || value instanceof List<?> l && l.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    // Printing, as Jackson's DefaultPrettyPrinter with a two-space object indenter and a final newline.

    private static void value(Object value, StringBuilder out, int level) {
        if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Form f) {
            printForm(f, out, level);
        } else if (value instanceof Ordered o) {
            object(o, out, level);
        } else if (value instanceof Map<?, ?> m) {
            object(m.entrySet(), out, level);
        } else if (value instanceof List<?> list) {
            array(list, out, level);
        } else {
            throw new IllegalStateException("not a JSON value: " + value);
        }
    }

    /** An object's entries, in their order (an {@link Ordered}'s, or a sorted map's). */
    private static void object(Collection<? extends Map.Entry<?, ?>> entries, StringBuilder out, int level) {
        Fields f = new Fields(out, level);
        for (Map.Entry<?, ?> e : entries) {
            f.key((String) e.getKey());
            value(e.getValue(), out, level + 1);
        }
        f.end();
    }

    private static void array(List<?> list, StringBuilder out, int level) {
        if (list.isEmpty()) {
            out.append("[ ]");
            return;
        }
        out.append("[ ");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(list.get(i), out, level);
        }
        out.append(" ]");
    }

    private static void newline(StringBuilder out, int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * A string as Jackson escapes it: the quote, the backslash and control characters; nothing else. The runs
     * between them (most strings are one run) are appended whole.
     */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                out.append(s, run, i);
                run = i + 1;
                if (c >= 0x20) {
                    out.append('\\').append(c);
                } else {
                    switch (c) {
                        case '\b' -> out.append("\\b");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\f' -> out.append("\\f");
                        case '\r' -> out.append("\\r");
                        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    }
                }
            }
        }
        out.append(s, run, s.length()).append('"');
    }
}
