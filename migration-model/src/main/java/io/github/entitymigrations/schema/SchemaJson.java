package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file format ({@code META-INF/entity-migrations/schema.json}), documented in the
 * README. Default values are left out ({@code false}, {@code null}, empty lists where optional) so a
 * reviewer reads only what matters; keys are sorted, so the same schema always gives the same bytes.
 */
public final class SchemaJson {

    private SchemaJson() {
    }

    public static String write(Schema schema) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", (long) Schema.FORMAT);
        root.put("naming", schema.naming());
        root.put("hibernate", schema.hibernate());
        root.put("tables", schema.tables().stream().map(SchemaJson::table).toList());
        root.put("sequences", schema.sequences().stream().map(SchemaJson::sequence).toList());
        return Json.write(root);
    }

    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("name", t.name());
        m.put("quoted", t.quoted() ? Boolean.TRUE : null);
        m.put("renamedFrom", t.renamedFrom());
        m.put("sources", t.sources());
        m.put("columns", t.columns().stream().map(SchemaJson::column).toList());
        if (t.primaryKey() != null) {
            m.put("primaryKey", Map.of("name", t.primaryKey().name(), "columns", t.primaryKey().columns()));
        }
        m.put("uniques", t.uniques().stream().map(u -> Map.of("name", u.name(), "columns", u.columns())).toList());
        m.put("indexes", t.indexes().stream().map(SchemaJson::index).toList());
        m.put("checks", t.checks().stream().map(SchemaJson::check).toList());
        m.put("foreignKeys", t.foreignKeys().stream().map(SchemaJson::foreignKey).toList());
        return m;
    }

    private static Map<String, Object> column(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().name());
        m.put("length", c.type().length() == null ? null : (long) c.type().length());
        m.put("precision", c.type().precision() == null ? null : (long) c.type().precision());
        m.put("scale", c.type().scale() == null ? null : (long) c.type().scale());
        m.put("nullable", c.nullable());
        m.put("identity", c.identity() ? Boolean.TRUE : null);
        m.put("default", c.defaultValue());
        m.put("columnDefinition", c.columnDefinition());
        m.put("quoted", c.quoted() ? Boolean.TRUE : null);
        m.put("renamedFrom", c.renamedFrom());
        return m;
    }

    private static Map<String, Object> index(Index i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("columns", i.columns());
        m.put("unique", i.unique());
        return m;
    }

    private static Map<String, Object> check(CheckConstraint c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("column", c.column());
        m.put("values", c.values());
        m.put("min", c.min());
        m.put("max", c.max());
        m.put("expression", c.expression());
        return m;
    }

    private static Map<String, Object> foreignKey(ForeignKey f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("columns", f.columns());
        m.put("referencedSchema", f.referencedSchema());
        m.put("referencedTable", f.referencedTable());
        m.put("referencedColumns", f.referencedColumns());
        m.put("onDelete", f.onDelete());
        return m;
    }

    private static Map<String, Object> sequence(Sequence s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", s.schema());
        m.put("name", s.name());
        m.put("start", s.start());
        m.put("increment", s.increment());
        m.put("quoted", s.quoted() ? Boolean.TRUE : null);
        return m;
    }

    /** Reads a snapshot; fails with a message naming what is wrong. */
    public static Schema read(String text) {
        Map<String, Object> root = object(Json.read(text), "snapshot");
        Object format = root.get("format");
        if (!Long.valueOf(Schema.FORMAT).equals(format)) {
            throw new IllegalArgumentException("unsupported snapshot format " + format + " (this version reads "
                    + Schema.FORMAT + "); recompile the entities with the matching migration-processor");
        }
        List<Table> tables = new ArrayList<>();
        for (Object t : list(root, "tables")) {
            tables.add(readTable(object(t, "table")));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Object s : list(root, "sequences")) {
            Map<String, Object> m = object(s, "sequence");
            sequences.add(new Sequence(str(m, "schema"), str(m, "name"), num(m, "start"), num(m, "increment"),
                    bool(m, "quoted")));
        }
        return new Schema(str(root, "naming"), tables, sequences, str(root, "hibernate"));
    }

    private static Table readTable(Map<String, Object> m) {
        List<Column> columns = new ArrayList<>();
        for (Object o : list(m, "columns")) {
            Map<String, Object> c = object(o, "column");
            ColumnType type = new ColumnType(str(c, "type"), integer(c, "length"), integer(c, "precision"),
                    integer(c, "scale"));
            columns.add(new Column(str(c, "name"), type, bool(c, "nullable"), bool(c, "identity"),
                    str(c, "default"), str(c, "columnDefinition"), bool(c, "quoted"), str(c, "renamedFrom")));
        }
        PrimaryKey pk = null;
        if (m.get("primaryKey") != null) {
            Map<String, Object> p = object(m.get("primaryKey"), "primaryKey");
            pk = new PrimaryKey(str(p, "name"), strings(p.get("columns")));
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Object o : list(m, "uniques")) {
            Map<String, Object> u = object(o, "unique");
            uniques.add(new UniqueConstraint(str(u, "name"), strings(u.get("columns"))));
        }
        List<Index> indexes = new ArrayList<>();
        for (Object o : list(m, "indexes")) {
            Map<String, Object> i = object(o, "index");
            indexes.add(new Index(str(i, "name"), strings(i.get("columns")), bool(i, "unique")));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (Object o : list(m, "checks")) {
            Map<String, Object> c = object(o, "check");
            checks.add(new CheckConstraint(str(c, "name"), str(c, "column"),
                    c.get("values") == null ? null : strings(c.get("values")),
                    (Long) c.get("min"), (Long) c.get("max"), str(c, "expression")));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (Object o : list(m, "foreignKeys")) {
            Map<String, Object> f = object(o, "foreignKey");
            fks.add(new ForeignKey(str(f, "name"), strings(f.get("columns")), str(f, "referencedSchema"),
                    str(f, "referencedTable"), strings(f.get("referencedColumns")), str(f, "onDelete")));
        }
        return new Table(str(m, "schema"), str(m, "name"), bool(m, "quoted"), str(m, "renamedFrom"),
                strings(m.get("sources")), columns, pk, uniques, indexes, checks, fks);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object for " + what);
        }
        return (Map<String, Object>) o;
    }

    private static List<?> list(Map<String, Object> m, String key) {
        return list(m.get(key), key);
    }

    private static List<?> list(Object o, String key) {
        if (o != null && !(o instanceof List)) {
            throw new IllegalArgumentException("expected a JSON array for \"" + key + "\", found " + o);
        }
        return o == null ? List.of() : (List<?>) o;
    }

    private static List<String> strings(Object o) {
        return list(o, "names").stream().map(String.class::cast).toList();
    }

    private static String str(Map<String, Object> m, String key) {
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
