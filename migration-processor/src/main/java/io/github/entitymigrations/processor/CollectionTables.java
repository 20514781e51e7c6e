package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Tables and columns of collections: join tables, one-to-many join columns on the child, and
 * {@code @ElementCollection} tables, with order and map-key columns and the primary key Hibernate gives
 * each collection kind (set: all columns; indexed list or map: owner and index; bag: none).
 */
final class CollectionTables {

    enum Kind { SET, LIST, MAP, BAG }

    private final SchemaBuilder b;

    CollectionTables(SchemaBuilder builder) {
        this.b = builder;
    }

    Kind kindOf(Attribute a) {
        if (!(a.type() instanceof DeclaredType d)) {
            return Kind.BAG;
        }
        TypeElement t = (TypeElement) d.asElement();
        String name = Ann.qualifiedNameOf(t);
        // The interfaces themselves, as most attributes declare them, need no subtype check.
        switch (name) {
            case "java.util.Map", "java.util.SortedMap" -> {
                return Kind.MAP;
            }
            case "java.util.Set", "java.util.SortedSet" -> {
                return Kind.SET;
            }
            case "java.util.List" -> {
                return a.has("OrderColumn") ? Kind.LIST : Kind.BAG;
            }
            case "java.util.Collection" -> {
                return Kind.BAG;
            }
            default -> {
            }
        }
        if (isSubtype(a.type(), "java.util.Map")) {
            return Kind.MAP;
        }
        if (isSubtype(a.type(), "java.util.Set")) {
            return Kind.SET;
        }
        if (name.equals("java.util.List") || isSubtype(a.type(), "java.util.List")) {
            return a.has("OrderColumn") ? Kind.LIST : Kind.BAG;
        }
        return Kind.BAG;
    }

    /** The erased collection interfaces by name (absent: not on the class path), looked up once. */
    private final java.util.Map<String, java.util.Optional<TypeMirror>> erasedTargets = new java.util.HashMap<>();

    private boolean isSubtype(TypeMirror type, String qualifiedName) {
        java.util.Optional<TypeMirror> target = erasedTargets.computeIfAbsent(qualifiedName, n -> {
            TypeElement e = b.env.getElementUtils().getTypeElement(n);
            return e == null ? java.util.Optional.empty() : java.util.Optional.of(b.types.erasure(e.asType()));
        });
        return target.isPresent() && b.types.isAssignable(b.types.erasure(type), target.get());
    }

    void joinTable(Scope scope, Attribute a, EntityInfo target, boolean oneToMany) {
        Ann jt = a.jpa("JoinTable");
        TableDraft targetTable = b.keys.keyOf(target).table();
        Ident logical = jt != null && !jt.string("name").isEmpty() ? Ident.parse(jt.string("name"))
                : new Ident(b.naming.joinTableName(scope.table().logicalName, targetTable.logicalName, a.name()),
                        scope.table().name.quoted() || targetTable.name.quoted());
        Ident schema = jt == null || jt.string("schema").isEmpty() ? null : Ident.parse(jt.string("schema"));
        TableDraft table = b.table(schema, b.naming.physical(logical), true);
        table.sources.add(scope.owner().qualifiedName());
        Attribute inverse = b.associations.inverseOf(a, scope.owner(), target);
        String ownerPrefix = inverse != null ? inverse.name() : scope.owner().entityName();
        if (jt != null) {
            checkMutability(a, jt.annotations("joinColumns"));
            checkMutability(a, jt.annotations("inverseJoinColumns"));
        }
        Keys.JoinColumns owner = b.keys.joinColumns(a, jt == null ? List.of() : jt.annotations("joinColumns"), null,
                scope.owner(), ownerPrefix, false);
        Keys.JoinColumns element = b.keys.joinColumns(a, jt == null ? List.of() : jt.annotations("inverseJoinColumns"),
                null, target, a.name(), false);
        owner = withForeignKey(owner, jt, "foreignKey");
        element = withForeignKey(element, jt, "inverseForeignKey");
        addAll(table, owner);
        addAll(table, element);
        AssociationBinder.addForeignKey(table, owner, a.element());
        AssociationBinder.addForeignKey(table, element, a.element());
        Kind kind = kindOf(a);
        // A one-to-many's element columns are unique in its join table. Hibernate 7.4 makes them a set's primary key
        // (each element in one set only); earlier releases key the set on owner and element, with a unique key beside.
        boolean elementKeyed = oneToMany && kind == Kind.SET && b.hibernate.atLeast(HibernateVersion.V7_4);
        if (oneToMany && !elementKeyed) {
            table.addUnique(null, element.names());
        }
        List<String> key = new ArrayList<>(elementKeyed ? List.of() : owner.names());
        List<String> index = switch (kind) {
            case LIST -> List.of(orderColumn(table, a, false));
            case MAP -> mapKeyColumns(table, a);
            default -> List.of();
        };
        key.addAll(kind == Kind.SET ? element.names() : index);
        b.audit.collection(new AuditTables.Collection(scope.owner(), a, table, owner.names(), element.names(), index));
        // As Hibernate's collection: no key over a table that has one (an entity's, whose table this also is).
        if (kind != Kind.BAG && table.primaryKey == null) {
            table.setPrimaryKey(key);
        }
        if (jt != null) {
            TableAnnotations.applyConstraints(b, table, jt, a.element());
        }
        addChecks(table, a);
    }

    /** Hibernate puts a {@code @Check} on a collection attribute on the collection's table. */
    private static void addChecks(TableDraft table, Attribute a) {
        for (Ann check : TableAnnotations.hibernateChecks(a.element())) {
            TableAnnotations.addCheck(table, check, null);
        }
    }

    private static Keys.JoinColumns withForeignKey(Keys.JoinColumns join, Ann joinTable, String member) {
        Ann fk = joinTable == null ? null : joinTable.annotation(member);
        if (fk == null || (!joinTable.isSet(member))) {
            return join;
        }
        return new Keys.JoinColumns(join.columns(), join.logicalNames(), join.target(), join.targetColumns(),
                fk.string("name"), fk.enumName("value").equals("NO_CONSTRAINT"));
    }

    private static void addAll(TableDraft table, Keys.JoinColumns join) {
        for (int i = 0; i < join.columns().size(); i++) {
            table.addColumn(join.columns().get(i), join.logicalNames().get(i));
        }
    }

    /** {@code @OneToMany @JoinColumn}: the foreign key lives in the child's table. */
    void oneToManyJoinColumn(Scope scope, Attribute a, EntityInfo target) {
        TableDraft child = b.keys.keyOf(target).table();
        Keys.JoinColumns join = b.keys.joinColumns(a, AssociationBinder.joinColumnAnnotations(scope, a),
                AssociationBinder.foreignKeySource(scope, a), scope.owner(), a.name(), true);
        for (TableDraft.ColumnDraft key : join.columns()) {
            // A NOT NULL key: Hibernate writes it as a property of the child entity (a backref), so a writable
            // attribute of the child on the same column maps it twice, which Hibernate refuses (TableDraft checks).
            if (!key.nullable && !key.readOnly) {
                key.backrefOwner = target;
                key.backrefOf = a;
            }
        }
        addAll(child, join);
        AssociationBinder.addForeignKey(child, join, a.element());
        b.audit.unsupportedCollection(scope.owner(), a, "a @OneToMany with a @JoinColumn, audited in a middle table");
        if (kindOf(a) == Kind.LIST) {
            orderColumn(child, a, true);
        } else if (kindOf(a) == Kind.MAP) {
            mapKeyColumns(child, a);
        }
    }

    /** An ordered or keyed {@code @OneToMany(mappedBy)}: its order or key column lives in the child table. */
    void inverseSideIndex(Attribute a, EntityInfo target) {
        TableDraft child = b.keys.keyOf(target).table();
        if (kindOf(a) == Kind.LIST) {
            orderColumn(child, a, true);
        } else if (kindOf(a) == Kind.MAP) {
            mapKeyColumns(child, a);
        }
    }

    /**
     * Hibernate (6.6 and 7.x) refuses a join column of a join or collection table that is insertable but not
     * updatable, or the reverse: the build must not succeed for an application that does not start.
     */
    private static void checkMutability(Attribute a, List<Ann> joinColumns) {
        for (Ann j : joinColumns) {
            if (j.bool("insertable") != j.bool("updatable")) {
                String name = j.string("name").isEmpty() ? "(unnamed)" : j.string("name");
                throw new MappingException(a.element(), j.mirror(), Message.COLLECTION_JOIN_COLUMN_MUTABILITY, name,
                        a, j.bool("insertable"), j.bool("updatable"));
            }
        }
    }

    void elementCollection(Scope scope, Attribute a) {
        Ann ct = a.jpa("CollectionTable");
        Ident logical = ct != null && !ct.string("name").isEmpty() ? Ident.parse(ct.string("name"))
                : new Ident(scope.owner().entityName() + "_" + a.name(), scope.table().name.quoted());
        Ident schema = ct == null || ct.string("schema").isEmpty() ? null : Ident.parse(ct.string("schema"));
        TableDraft table = b.table(schema, b.naming.physical(logical), true);
        table.sources.add(scope.owner().qualifiedName());
        if (ct != null) {
            checkMutability(a, ct.annotations("joinColumns"));
        }
        Keys.JoinColumns owner = b.keys.joinColumns(a, ct == null ? List.of() : ct.annotations("joinColumns"), ct,
                scope.owner(), scope.owner().entityName(), false);
        addAll(table, owner);
        AssociationBinder.addForeignKey(table, owner, a.element());
        TypeMirror elementType = AssociationBinder.elementType(a.type());
        if (elementType == null) {
            throw new MappingException(a.element(), Message.UNKNOWN_TARGET, a);
        }
        List<String> elementColumns = new ArrayList<>();
        TypeElement embeddable = elementType instanceof DeclaredType d && EntityScanner.isEmbeddable(d.asElement())
                ? (TypeElement) d.asElement() : null;
        Scope inTable = scope.inCollectionTable(table).nested(a);
        if (embeddable != null) {
            List<String> before = table.columnNames();
            b.columns.bindEmbedded(inTable, embeddable);
            table.columnNames().stream().filter(n -> !before.contains(n)).forEach(elementColumns::add);
        } else {
            Attribute value = new Attribute(a.name(), a.element(), elementType, a.declarer());
            Scope valueScope = scope.inCollectionTable(table);
            elementColumns.add(b.columns.addBasic(valueScope, value).name.text());
        }
        List<String> key = new ArrayList<>(owner.names());
        Kind kind = kindOf(a);
        Kind declared = kind;
        // A set gets a primary key over all its columns only when none of its element columns is nullable;
        // else Hibernate 7.4 gives it a unique key over them (HHH-20130; "nulls not distinct" where the
        // database has it, PostgreSQL 15 on), and earlier releases no key. A LOB element gets neither.
        if (kind == Kind.SET && elementColumns.stream().anyMatch(c -> table.column(c).nullable)) {
            kind = Kind.BAG;
            if (b.hibernate.atLeast(HibernateVersion.V7_4) && !hasLob(table, elementColumns)
                    && (ct == null || ct.annotations("uniqueConstraints").isEmpty())) {
                List<String> unique = new ArrayList<>(owner.names());
                unique.addAll(elementColumns);
                table.addUnique(null, unique);
            }
        }
        List<String> index = switch (declared) {
            case LIST -> List.of(orderColumn(table, a, false));
            case MAP -> mapKeyColumns(table, a);
            default -> List.of();
        };
        key.addAll(kind == Kind.SET ? elementColumns : index);
        if (embeddable != null) {
            b.audit.unsupportedCollection(scope.owner(), a, "an element collection of embeddables");
        } else {
            b.audit.collection(new AuditTables.Collection(scope.owner(), a, table, owner.names(), elementColumns,
                    index));
        }
        if (kind != Kind.BAG && table.primaryKey == null) {
            table.setPrimaryKey(key);
        }
        if (ct != null) {
            TableAnnotations.applyConstraints(b, table, ct, a.element());
        }
        addChecks(table, a);
    }

    private String orderColumn(TableDraft table, Attribute a, boolean nullable) {
        Ann oc = a.jpa("OrderColumn");
        Ident logical = oc == null || oc.string("name").isEmpty() ? Ident.plain(a.name() + "_ORDER")
                : Ident.parse(oc.string("name"));
        boolean colNullable = nullable && (oc == null || oc.bool("nullable"));
        TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(logical), ColumnType.of("INTEGER"),
                colNullable, a.element(), a.toString());
        TableDraft.ColumnDraft added = table.addColumn(c, logical.text());
        if (b.hibernate.atLeast(HibernateVersion.V7_4)) {
            // Hibernate 7.3 and later: the index is never below the list's base (@ListIndexBase, default 0).
            Ann base = a.hibernate("ListIndexBase");
            String name = added.name.text();
            table.addCheck(CheckConstraint.expression(ConstraintNames.check(table.nameText(), name), name,
                    DiscriminatorChecks.quoted(added.name) + ">=" + (base == null ? 0 : base.integer("value"))));
        }
        return added.name.text();
    }

    private static boolean hasLob(TableDraft table, List<String> columns) {
        return columns.stream().map(c -> table.column(c).type.name())
                .anyMatch(t -> t.equals("BLOB") || t.equals("CLOB") || t.equals("NCLOB"));
    }

    private List<String> mapKeyColumns(TableDraft table, Attribute a) {
        if (a.has("MapKey")) {
            return List.of(); // keyed by an attribute of the target: no column of its own
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) a.type()).getTypeArguments();
        if (arguments.size() != 2) {
            throw new MappingException(a.element(), Message.UNKNOWN_TARGET, a);
        }
        TypeMirror keyType = arguments.get(0);
        if (keyType instanceof DeclaredType d && EntityScanner.isEntity(d.asElement())) {
            return mapKeyJoinColumns(table, a, b.entity((TypeElement) d.asElement()));
        }
        Ann mk = a.jpa("MapKeyColumn");
        Ident logical = mk == null || mk.string("name").isEmpty() ? Ident.plain(a.name() + "_KEY")
                : Ident.parse(mk.string("name"));
        BasicTypes.Mapping mapping = b.basicTypes.map(keyType, a.element(), mk, a.toString(), true);
        TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(logical), mapping.type(), false,
                a.element(), a.toString());
        String name = table.addColumn(c, logical.text()).name.text();
        ColumnBinder.addEnumCheck(table, name, mapping);
        return List.of(name);
    }

    /**
     * A map keyed by an entity: {@code @MapKeyJoinColumn(s)}, else one implicit {@code <attribute>_KEY} column
     * per key column of the key entity, with a foreign key to it.
     */
    private List<String> mapKeyJoinColumns(TableDraft table, Attribute a, EntityInfo keyEntity) {
        List<Ann> written = new ArrayList<>();
        Ann single = a.jpa("MapKeyJoinColumn");
        if (single != null) {
            written.add(single);
        }
        Ann plural = a.jpa("MapKeyJoinColumns");
        if (plural != null) {
            written.addAll(plural.annotations("value"));
        }
        if (written.isEmpty() && b.keys.keyOf(keyEntity).columns().size() > 1) {
            throw new MappingException(a.element(), Message.MAP_KEY_JOIN_COLUMNS, a, keyEntity.qualifiedName(),
                    b.keys.keyOf(keyEntity).columns().size());
        }
        Keys.JoinColumns key = b.keys.joinColumns(a, written, plural, keyEntity, referenced -> a.name() + "_KEY", false);
        addAll(table, key);
        AssociationBinder.addForeignKey(table, key, a.element());
        return key.names();
    }
}
