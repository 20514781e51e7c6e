package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of each schema record, as a map of keys to values ({@link Json}'s objects). The
 * snapshot writes it, and migration files embed the same form: the same keys, the same values, a key left
 * out where its value is absent, {@code false} (for the flags {@code identity} and {@code quoted}) or an empty
 * list. Two things are the snapshot's only: a column's type is written as {@code type} plus {@code length},
 * {@code precision} and {@code scale} here, where migration files write it compact ({@code "VARCHAR(255)"},
 * {@link ColumnType#parse}); and the Java side of a table ({@code sources}, {@code renamedFrom} and {@code backfill} hints), which a
 * database does not hold, so the operations of a migration never carry it.
 *
 * <p>Snapshots written before the forms were one named a column's server default {@code "default"}; it is
 * read as {@code "defaultValue"} (and the snapshot still writes it beside {@code "defaultValue"}, see
 * {@link SchemaJson}).
 */
public final class RecordJson {

    /** The key a column's server default had in snapshots of earlier processors. */
    public static final String LEGACY_DEFAULT_KEY = "default";

    private RecordJson() {
    }

    public static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("name", t.name());
        m.put("quoted", flag(t.quoted()));
        m.put("renamedFrom", t.renamedFrom());
        m.put("sources", nonEmpty(t.sources()));
        m.put("columns", nonEmpty(t.columns().stream().map(RecordJson::column).toList()));
        m.put("primaryKey", t.primaryKey() == null ? null : primaryKey(t.primaryKey()));
        m.put("uniques", nonEmpty(t.uniques().stream().map(RecordJson::unique).toList()));
        m.put("indexes", nonEmpty(t.indexes().stream().map(RecordJson::index).toList()));
        m.put("checks", nonEmpty(t.checks().stream().map(RecordJson::check).toList()));
        m.put("foreignKeys", nonEmpty(t.foreignKeys().stream().map(RecordJson::foreignKey).toList()));
        return m;
    }

    public static Map<String, Object> column(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().name());
        m.put("element", c.type().element() == null ? null : c.type().element().toString());
        m.put("length", c.type().length() == null ? null : (long) c.type().length());
        m.put("precision", c.type().precision() == null ? null : (long) c.type().precision());
        m.put("scale", c.type().scale() == null ? null : (long) c.type().scale());
        m.put("nullable", c.nullable());
        m.put("identity", flag(c.identity()));
        m.put("defaultValue", nonEmpty(c.defaultValue()));
        m.put("columnDefinition", nonEmpty(c.columnDefinition()));
        m.put("quoted", flag(c.quoted()));
        m.put("renamedFrom", c.renamedFrom());
        m.put("backfill", c.backfill());
        return m;
    }

    public static Map<String, Object> primaryKey(PrimaryKey p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("columns", nonEmpty(p.columns()));
        return m;
    }

    public static Map<String, Object> unique(UniqueConstraint u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name());
        m.put("columns", nonEmpty(u.columns()));
        return m;
    }

    public static Map<String, Object> index(Index i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("columns", nonEmpty(i.columns()));
        m.put("unique", i.unique());
        return m;
    }

    public static Map<String, Object> check(CheckConstraint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("column", nonEmpty(c.column()));
        m.put("values", nonEmpty(c.values()));
        m.put("min", c.min());
        m.put("max", c.max());
        m.put("expression", nonEmpty(c.expression()));
        return m;
    }

    public static Map<String, Object> foreignKey(ForeignKey f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("columns", nonEmpty(f.columns()));
        m.put("referencedSchema", nonEmpty(f.referencedSchema()));
        m.put("referencedTable", f.referencedTable());
        m.put("referencedColumns", nonEmpty(f.referencedColumns()));
        m.put("onDelete", f.onDelete().json());
        return m;
    }

    public static Map<String, Object> sequence(Sequence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", nonEmpty(s.schema()));
        m.put("name", s.name());
        m.put("start", s.start());
        m.put("increment", s.increment());
        m.put("quoted", flag(s.quoted()));
        return m;
    }

    /** {@code true}, or {@code null} (left out) for {@code false}. */
    private static Boolean flag(boolean b) {
        return b ? Boolean.TRUE : null;
    }

    private static <T extends Collection<?>> T nonEmpty(T items) {
        return items == null || items.isEmpty() ? null : items;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // Reading: missing lists are empty, missing flags false; the records refuse missing required values.

    public static Table readTable(Map<String, Object> m) {
        List<Column> columns = new ArrayList<>();
        for (Object o : list(m, "columns")) {
            columns.add(readColumn(object(o, "column")));
        }
        PrimaryKey pk = m.get("primaryKey") == null ? null : readPrimaryKey(object(m.get("primaryKey"), "primaryKey"));
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Object o : list(m, "uniques")) {
            uniques.add(readUnique(object(o, "unique")));
        }
        List<Index> indexes = new ArrayList<>();
        for (Object o : list(m, "indexes")) {
            indexes.add(readIndex(object(o, "index")));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (Object o : list(m, "checks")) {
            checks.add(readCheck(object(o, "check")));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (Object o : list(m, "foreignKeys")) {
            fks.add(readForeignKey(object(o, "foreignKey")));
        }
        return new Table(str(m, "schema"), str(m, "name"), bool(m, "quoted"), str(m, "renamedFrom"),
                strings(m.get("sources")), columns, pk, uniques, indexes, checks, fks);
    }

    public static Column readColumn(Map<String, Object> c) {
        String element = str(c, "element");
        ColumnType type = new ColumnType(str(c, "type"), integer(c, "length"), integer(c, "precision"),
                integer(c, "scale"), element == null ? null : ColumnType.parse(element));
        if (c.containsKey("defaultValue") && c.containsKey(LEGACY_DEFAULT_KEY)
                && !java.util.Objects.equals(c.get("defaultValue"), c.get(LEGACY_DEFAULT_KEY))) {
            throw new IllegalArgumentException("column " + str(c, "name") + " has a \"defaultValue\" and a different \""
                    + LEGACY_DEFAULT_KEY + "\"; keep \"defaultValue\" only");
        }
        String defaultValue = c.containsKey("defaultValue") ? str(c, "defaultValue") : str(c, LEGACY_DEFAULT_KEY);
        return new Column(str(c, "name"), type, bool(c, "nullable"), bool(c, "identity"), defaultValue,
                str(c, "columnDefinition"), bool(c, "quoted"), str(c, "renamedFrom"), str(c, "backfill"));
    }

    public static PrimaryKey readPrimaryKey(Map<String, Object> p) {
        return new PrimaryKey(str(p, "name"), strings(p.get("columns")));
    }

    public static UniqueConstraint readUnique(Map<String, Object> u) {
        return new UniqueConstraint(str(u, "name"), strings(u.get("columns")));
    }

    public static Index readIndex(Map<String, Object> i) {
        return new Index(str(i, "name"), strings(i.get("columns")), bool(i, "unique"));
    }

    public static CheckConstraint readCheck(Map<String, Object> c) {
        return new CheckConstraint(str(c, "name"), str(c, "column"),
                c.get("values") == null ? null : strings(c.get("values")),
                (Long) c.get("min"), (Long) c.get("max"), str(c, "expression"));
    }

    public static ForeignKey readForeignKey(Map<String, Object> f) {
        String onDelete = str(f, "onDelete");
        OnDelete action;
        try {
            action = onDelete == null ? null : OnDelete.fromJson(onDelete);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("foreign key " + str(f, "name") + ": " + e.getMessage(), e);
        }
        return new ForeignKey(str(f, "name"), strings(f.get("columns")), str(f, "referencedSchema"),
                str(f, "referencedTable"), strings(f.get("referencedColumns")), action);
    }

    public static Sequence readSequence(Map<String, Object> m) {
        return new Sequence(str(m, "schema"), str(m, "name"), num(m, "start"), num(m, "increment"),
                bool(m, "quoted"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object for " + what);
        }
        return (Map<String, Object>) o;
    }

    static List<?> list(Map<String, Object> m, String key) {
        return list(m.get(key), key);
    }

    private static List<?> list(Object o, String key) {
        if (o != null && !(o instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array for \"" + key + "\", found " + o);
        }
        return o == null ? List.of() : (List<?>) o;
    }

    private static List<String> strings(Object o) {
        List<?> items = list(o, "names");
        String[] names = new String[items.size()];
        for (int i = 0; i < names.length; i++) {
            if (!(items.get(i) instanceof String name)) {
                throw new IllegalArgumentException("expected a name (a JSON string) in a list of names, found "
                        + items.get(i));
            }
            names[i] = name;
        }
        return List.of(names);
    }

    static String str(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    private static long num(Map<String, Object> m, String key) {
        return (Long) m.get(key);
    }

    private static Integer integer(Map<String, Object> m, String key) {
        Long v = (Long) m.get(key);
        return v == null ? null : v.intValue();
    }
}
