package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.ColumnType;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Identifier generation that shows in the schema: identity columns, sequences (named or Hibernate 6's
 * implicit {@code <root table>_SEQ} with increment 50) and table generators.
 */
final class Generators {

    static final long DEFAULT_ALLOCATION = 50;

    private Generators() {
    }

    static void bind(SchemaBuilder b, EntityInfo root, TableDraft table, Keys.EntityKey key) {
        if (key.columns().size() != 1) {
            return;
        }
        Attribute id = null;
        for (Attribute a : root.attributes()) {
            if (a.isId()) {
                id = a;
                break;
            }
        }
        Ann generated = id == null ? null : id.jpa("GeneratedValue");
        if (generated == null) {
            return;
        }
        String strategy = generated.enumName("strategy");
        String generator = generated.string("generator");
        ColumnType type = key.columns().get(0).type();
        boolean numeric = switch (type.name()) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "NUMERIC", "DECIMAL" -> true;
            default -> false;
        };
        switch (strategy) {
            case "IDENTITY" -> table.column(key.columns().get(0).physical().text()).identity = true;
            case "TABLE" -> tableGenerator(b, root, id, generator);
            case "SEQUENCE", "AUTO" -> {
                if (numeric) {
                    sequence(b, root, id, generator);
                }
            }
            default -> {
                // UUID: generated in the JVM, nothing in the schema.
            }
        }
    }

    private static void sequence(SchemaBuilder b, EntityInfo root, Attribute id, String generator) {
        if (generator.isEmpty()) {
            // Hibernate 6: one sequence per hierarchy, named after the root table.
            Ident table = root.table() != null ? root.table() : Ident.plain(root.entityName());
            b.addSequence(null, Ident.plain(table.text() + "_SEQ"), 1, DEFAULT_ALLOCATION);
            return;
        }
        Ann declared = find(b, root, id, "SequenceGenerator", generator);
        if (declared == null) {
            // Hibernate 6 takes an undeclared generator name as the sequence name.
            b.addSequence(null, Ident.parse(generator), 1, DEFAULT_ALLOCATION);
            return;
        }
        String sequenceName = declared.string("sequenceName").isEmpty() ? generator : declared.string("sequenceName");
        String schema = declared.string("schema");
        b.addSequence(schema.isEmpty() ? null : Ident.parse(schema), Ident.parse(sequenceName),
                declared.longValue("initialValue"), declared.longValue("allocationSize"));
    }

    private static void tableGenerator(SchemaBuilder b, EntityInfo root, Attribute id, String generator) {
        Ann declared = generator.isEmpty() ? null : find(b, root, id, "TableGenerator", generator);
        // Hibernate 6 names the table after the generator unless its @TableGenerator says otherwise (as an
        // undeclared sequence generator's name is the sequence's); only an unnamed one is hibernate_sequences.
        String tableName = declared != null && !declared.string("table").isEmpty() ? declared.string("table")
                : !generator.isEmpty() ? generator : "hibernate_sequences";
        String keyColumn = declared == null || declared.string("pkColumnName").isEmpty() ? "sequence_name"
                : declared.string("pkColumnName");
        String valueColumn = declared == null || declared.string("valueColumnName").isEmpty() ? "next_val"
                : declared.string("valueColumnName");
        Ident schema = declared == null || declared.string("schema").isEmpty() ? null : Ident.parse(declared.string("schema"));
        TableDraft t = b.table(schema, b.naming.physical(Ident.parse(tableName)), true);
        // Hibernate's TableGenerator passes the table name through the physical naming strategy, but not
        // the column names: with Spring's naming, "nextBlock" stays "nextBlock". The quoting settings do reach
        // them (its identifier helper normalizes them as any name).
        Ident k = b.naming.quoting().apply(Ident.parse(keyColumn));
        t.addColumn(new TableDraft.ColumnDraft(k, ColumnType.ofLength("VARCHAR", BasicTypes.DEFAULT_LENGTH), false,
                id.element(), root.qualifiedName()), keyColumn);
        Ident v = b.naming.quoting().apply(Ident.parse(valueColumn));
        t.addColumn(new TableDraft.ColumnDraft(v, ColumnType.of("BIGINT"),
                true, id.element(), root.qualifiedName()), valueColumn);
        t.setPrimaryKey(List.of(k.text()));
        t.sources.add(root.qualifiedName());
    }

    /** A generator declaration by name: on the id, the entity and its superclasses, then any entity. */
    private static Ann find(SchemaBuilder b, EntityInfo root, Attribute id, String kind, String name) {
        Ann onId = matching(id.element(), kind, name);
        if (onId != null) {
            return onId;
        }
        for (TypeElement c = root.type(); c != null; c = b.scanner.superclass(c)) {
            Ann onClass = matching(c, kind, name);
            if (onClass != null) {
                return onClass;
            }
        }
        Ann inPackage = matching(b.env.getElementUtils().getPackageOf(root.type()), kind, name);
        if (inPackage == null) {
            warnIfDeclaredElsewhere(b, root, id, kind, name);
        }
        return inPackage;
    }

    /**
     * A generator declared on another entity is found by Hibernate 6 only if that entity happens to be bound
     * first, and never by Hibernate 7; the snapshot cannot know the order, so it says so.
     */
    private static void warnIfDeclaredElsewhere(SchemaBuilder b, EntityInfo root, Attribute id, String kind,
                                                String name) {
        for (EntityInfo other : b.entities()) {
            boolean declared = matching(other.type(), kind, name) != null || other.attributes().stream()
                    .anyMatch(a -> a.isId() && matching(a.element(), kind, name) != null);
            if (declared && !other.type().equals(root.type())) {
                String where = other.type().getSimpleName().toString();
                b.warn(id.element(), Message.GENERATOR_ELSEWHERE, name, id, kind, where, where, name, kind);
                return;
            }
        }
    }

    private static Ann matching(Element element, String kind, String name) {
        for (Ann a : Scope.overrides(element, kind)) {
            if (a.string("name").equals(name)) {
                return a;
            }
        }
        return null;
    }
}
