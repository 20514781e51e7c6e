package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.OnDelete;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * Primary keys and the join columns that reference them: simple, generated, embedded ({@code @EmbeddedId}),
 * composite ({@code @IdClass}) and derived ({@code @MapsId}, {@code @Id} on an association) keys, and
 * the keys of joined subclasses.
 */
final class Keys {

    /**
     * A key column with the logical name implicit join-column names are built from, and (for a basic {@code @Id}) its
     * mapping, whose enum check the key's own table gets as a basic column's ({@code null} otherwise).
     */
    record KeyColumn(Ident physical, String logical, ColumnType type, BasicTypes.Mapping mapping) {
    }

    /**
     * @param identifierMapper the key is mapped by several {@code @Id} attributes (with or without {@code @IdClass}),
     *                         which Hibernate binds as an "identifier mapper": it leaves such key columns out of
     *                         its check for columns mapped twice, so another writable mapping of them is accepted
     */
    record EntityKey(TableDraft table, List<KeyColumn> columns, boolean identifierMapper) {
        List<String> names() {
            List<String> names = new ArrayList<>(columns.size());
            for (KeyColumn k : columns) {
                names.add(k.physical().text());
            }
            return names;
        }
    }

    /** Join columns worked out for one association, and what they reference. */
    record JoinColumns(List<TableDraft.ColumnDraft> columns, List<String> logicalNames, TableDraft target,
                       List<String> targetColumns, String foreignKeyName, boolean noConstraint) {
        List<String> names() {
            List<String> names = new ArrayList<>(columns.size());
            for (TableDraft.ColumnDraft c : columns) {
                names.add(c.name.text());
            }
            return names;
        }
    }

    private final SchemaBuilder b;
    private final Map<String, EntityKey> cache = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    Keys(SchemaBuilder builder) {
        this.b = builder;
    }

    EntityKey keyOf(EntityInfo e) {
        EntityKey known = cache.get(e.qualifiedName());
        if (known != null) {
            return known;
        }
        if (!resolving.add(e.qualifiedName())) {
            throw new MappingException(e.type(), Message.NO_ID, e.qualifiedName() + " (its key refers back to itself)");
        }
        try {
            EntityKey key = e.isRoot() ? rootKey(e) : subclassKey(e);
            cache.put(e.qualifiedName(), key);
            return key;
        } finally {
            resolving.remove(e.qualifiedName());
        }
    }

    private EntityKey subclassKey(EntityInfo e) {
        EntityKey parent = keyOf(e.parent());
        if (e.strategy() != EntityInfo.Inheritance.JOINED) {
            return new EntityKey(b.tableOf(e), parent.columns(), false);
        }
        List<Ann> pkJoins = Scope.overrides(e.type(), "PrimaryKeyJoinColumn");
        List<KeyColumn> columns = new ArrayList<>();
        boolean parentQuoted = parent.table().name.quoted();
        for (int i = 0; i < parent.columns().size(); i++) {
            KeyColumn p = parent.columns().get(i);
            String written = i < pkJoins.size() ? pkJoins.get(i).string("name") : "";
            if (written.isEmpty()) {
                // As Hibernate: the implicit key join column is quoted when the parent's table is.
                columns.add(parentQuoted && !p.physical().quoted()
                        ? new KeyColumn(new Ident(p.physical().text(), true), p.logical(), p.type(), null) : p);
            } else {
                columns.add(new KeyColumn(b.naming.physical(Ident.parse(written)), written, p.type(), null));
            }
        }
        return new EntityKey(b.tableOf(e), columns, false);
    }

    private EntityKey rootKey(EntityInfo e) {
        List<Attribute> all = e.attributes();
        Scope scope = Scope.of(e, b.tableOf(e), false, b.scanner.hierarchyUsesFields(e.type()));
        // Plain loops: once per entity, mostly before the JIT has compiled any of it.
        Attribute embeddedId = null;
        List<Attribute> mapsIds = new ArrayList<>();
        List<Attribute> ids = new ArrayList<>();
        for (Attribute a : all) {
            if (embeddedId == null && isEmbeddedId(e, a)) {
                embeddedId = a;
            }
            if (a.has("MapsId")) {
                mapsIds.add(a);
            }
            if (a.isId()) {
                ids.add(a);
            }
        }
        List<KeyColumn> columns = new ArrayList<>();
        if (embeddedId != null) {
            TypeElement embeddable = (TypeElement) b.types.asElement(embeddedId.type());
            Scope nested = scope.nested(embeddedId);
            List<Attribute> parts = new ArrayList<>(b.scanner.embeddableAttributes(embeddable, scope.fieldAccess()));
            parts.sort(BY_NAME);
            for (Attribute part : parts) {
                Attribute derivedFrom = mapsIdNamed(mapsIds, part.name());
                columns.addAll(derivedFrom != null ? associationKey(scope, derivedFrom) : basicKey(nested, part));
            }
            return new EntityKey(b.tableOf(e), columns, false);
        }
        if (ids.isEmpty()) {
            throw new MappingException(e.type(), Message.NO_ID, e.qualifiedName());
        }
        ids.sort(BY_NAME);
        Attribute simpleDerived = mapsIdNamed(mapsIds, "");
        for (Attribute id : ids) {
            if (id.isToOne()) {
                columns.addAll(associationKey(scope, id));
            } else if (simpleDerived != null && ids.size() == 1) {
                columns.addAll(associationKey(scope, simpleDerived));
            } else {
                columns.addAll(basicKey(scope, id));
            }
        }
        return new EntityKey(b.tableOf(e), columns, ids.size() > 1 || Ann.jpa(e.type(), "IdClass") != null);
    }

    /**
     * {@code @EmbeddedId}, or (as Hibernate binds it) an {@code @Id} whose type is an {@code @Embeddable} on an
     * entity without {@code @IdClass}.
     */
    private boolean isEmbeddedId(EntityInfo e, Attribute a) {
        return a.has("EmbeddedId")
                || (a.isId() && b.columns.embeddableType(a) != null && Ann.jpa(e.type(), "IdClass") == null);
    }

    private List<KeyColumn> basicKey(Scope scope, Attribute id) {
        TableDraft.ColumnDraft c = b.columns.basicColumn(scope, id, false);
        return List.of(new KeyColumn(c.name, b.columns.logicalName(scope, id).text(), c.type, c.mapping));
    }

    private List<KeyColumn> associationKey(Scope scope, Attribute association) {
        EntityInfo target = b.associations.targetOf(association, false);
        JoinColumns join = joinColumns(association, AssociationBinder.joinColumnAnnotations(scope, association),
                AssociationBinder.foreignKeySource(scope, association), target, association.name(), false);
        List<KeyColumn> result = new ArrayList<>();
        for (int i = 0; i < join.columns().size(); i++) {
            result.add(new KeyColumn(join.columns().get(i).name, join.logicalNames().get(i),
                    join.columns().get(i).type, null));
        }
        return result;
    }

    /** Adds an entity's key columns and primary key to its table, with generators and joined-subclass FKs. */
    void bindPrimaryKey(EntityInfo e, TableDraft table) {
        EntityKey key = keyOf(e);
        for (KeyColumn k : key.columns()) {
            TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(k.physical(), k.type(), false,
                    e.type(), e.qualifiedName());
            c.bindingOrder = () -> BindingOrder.KEY;
            c.readOnly = key.identifierMapper(); // not a writable mapping in Hibernate's duplicate check
            c.checkedInEveryEntity = e.isRoot();
            table.addColumn(c, k.logical(), e);
            if (e.isRoot() && k.mapping() != null) {
                ColumnBinder.addEnumCheck(table, k.physical().text(), k.mapping()); // as Hibernate: an enum @Id's check
            }
        }
        table.setPrimaryKey(key.names());
        if (e.isRoot()) {
            Generators.bind(b, e, table, key);
        } else if (e.strategy() == EntityInfo.Inheritance.JOINED) {
            EntityKey parent = keyOf(e.parent());
            Ann pkJoin = Ann.jpa(e.type(), "PrimaryKeyJoinColumn");
            Ann fk = pkJoin == null ? null : pkJoin.annotation("foreignKey");
            OnDelete onDelete = onDelete(e.type());
            table.addForeignKey(new TableDraft.ForeignKeyDraft(fk == null ? null : fk.string("name"), key.names(),
                    parent.table(), parent.names(), onDelete));
        }
    }

    /** {@code CASCADE} when Hibernate's {@code @OnDelete(action = CASCADE)} is on the element. */
    static OnDelete onDelete(Element element) {
        Ann onDelete = Ann.named(element, "org.hibernate.annotations.OnDelete");
        if (onDelete == null) {
            return OnDelete.NO_ACTION;
        }
        return switch (onDelete.enumName("action")) {
            case "CASCADE" -> OnDelete.CASCADE;
            case "SET_NULL" -> OnDelete.SET_NULL;
            case "SET_DEFAULT" -> OnDelete.SET_DEFAULT;
            case "RESTRICT" -> OnDelete.RESTRICT;
            default -> OnDelete.NO_ACTION;
        };
    }

    /**
     * Join columns for an association to {@code target}: as written in {@code @JoinColumn}s (by name and
     * referencedColumnName), else implicit {@code <prefix>_<referenced column>} per key column.
     */
    JoinColumns joinColumns(Attribute source, List<Ann> written, Ann container, EntityInfo target, String prefix,
                            boolean nullable) {
        return joinColumns(source, written, container, target, referenced -> prefix + "_" + referenced, nullable);
    }

    /**
     * Join columns as above, with {@code implicitName} giving the logical name of an unnamed column from
     * the logical name of the column it references.
     */
    JoinColumns joinColumns(Attribute source, List<Ann> written, Ann container, EntityInfo target,
                            java.util.function.UnaryOperator<String> implicitName, boolean nullable) {
        EntityKey key = keyOf(target);
        List<TableDraft.ColumnDraft> columns = new ArrayList<>();
        List<String> logical = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        TableDraft referencedTable = key.table();
        int count = written.isEmpty() ? key.columns().size() : written.size();
        if (!written.isEmpty() && written.size() != key.columns().size() && anyUnreferenced(written)) {
            throw new MappingException(source.element(), Message.JOIN_COLUMN_MISMATCH, source, written.size(),
                    target.qualifiedName(), key.columns().size());
        }
        for (int i = 0; i < count; i++) {
            Ann w = written.isEmpty() ? null : written.get(i);
            String refName = w == null ? "" : w.string("referencedColumnName");
            String refLogical;
            ColumnType type;
            boolean refQuoted;
            if (refName.isEmpty()) {
                KeyColumn k = key.columns().get(i);
                refLogical = k.logical();
                type = k.type();
                refQuoted = k.physical().quoted();
                referenced.add(k.physical().text());
            } else {
                TableDraft.ColumnDraft ref = findColumn(target, refName, source);
                refLogical = Ident.parse(refName).text();
                type = ref.type;
                refQuoted = ref.name.quoted();
                referenced.add(ref.name.text());
                referencedTable = tableHolding(target, ref);
            }
            String name = w == null ? "" : w.string("name");
            // As Hibernate: an implicit join column is quoted when what it references is (its table or column).
            Ident logicalName = name.isEmpty()
                    ? new Ident(implicitName.apply(refLogical), refQuoted || key.table().name.quoted())
                    : Ident.parse(name);
            boolean colNullable = nullable && (w == null || w.bool("nullable"));
            TableDraft.ColumnDraft column = new TableDraft.ColumnDraft(b.naming.physical(logicalName), type,
                    colNullable, source.element(), source.toString());
            column.readOnly = w != null && !w.bool("insertable") && !w.bool("updatable");
            columns.add(column);
            logical.add(logicalName.text());
        }
        if (referenced.size() > 1 && key.names().containsAll(referenced)) {
            // Like Hibernate, list the columns of a composite reference in the referenced key's order.
            List<String> refs = List.copyOf(referenced);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(i -> key.names().indexOf(refs.get(i))));
            reorder(columns, order);
            reorder(logical, order);
            reorder(referenced, order);
        }
        Ann fk = container != null && container.isSet("foreignKey") ? container.annotation("foreignKey")
                : written.isEmpty() ? null : written.get(0).annotation("foreignKey");
        boolean noConstraint = fk != null && fk.enumName("value").equals("NO_CONSTRAINT");
        return new JoinColumns(columns, logical, referencedTable, referenced, fk == null ? null : fk.string("name"),
                noConstraint);
    }

    private TableDraft.ColumnDraft findColumn(EntityInfo target, String written, Attribute source) {
        for (EntityInfo e = target; e != null; e = e.parent()) {
            TableDraft t = b.tableOf(e);
            String physical = t.resolveColumn(written);
            if (physical != null) {
                return t.column(physical);
            }
        }
        TableDraft t = b.tableOf(target);
        throw new MappingException(source.element(), Message.BAD_REFERENCED_COLUMN, written, t.name, t.columnNames());
    }

    private TableDraft tableHolding(EntityInfo target, TableDraft.ColumnDraft column) {
        for (EntityInfo e = target; e != null; e = e.parent()) {
            TableDraft t = b.tableOf(e);
            if (t.column(column.name.text()) == column) {
                return t;
            }
        }
        return b.tableOf(target);
    }

    private static <T> void reorder(List<T> items, List<Integer> order) {
        List<T> copy = List.copyOf(items);
        items.clear();
        for (int i : order) {
            items.add(copy.get(i));
        }
    }

    /**
     * Attributes by name: a class rather than {@code Comparator.comparing(Attribute::name)}, as this file's other
     * per-entity helpers are plain loops: the processor runs once per build in a cold JVM, where each lambda's first
     * call costs a class spun at run time and stream pipelines run interpreted (BENCHMARKS.md).
     */
    private static final Comparator<Attribute> BY_NAME = new Comparator<>() {
        @Override
        public int compare(Attribute x, Attribute y) {
            return x.name().compareTo(y.name());
        }
    };

    /** The first of {@code mapsIds} whose {@code @MapsId} names {@code attribute} ("" for the whole id), or null. */
    private static Attribute mapsIdNamed(List<Attribute> mapsIds, String attribute) {
        for (Attribute m : mapsIds) {
            if (m.jpa("MapsId").string("value").equals(attribute)) {
                return m;
            }
        }
        return null;
    }

    /** Whether any of the written join columns leaves {@code referencedColumnName} out. */
    private static boolean anyUnreferenced(List<Ann> written) {
        for (Ann w : written) {
            if (w.string("referencedColumnName").isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
