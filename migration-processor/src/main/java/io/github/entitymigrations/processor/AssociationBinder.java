package io.github.entitymigrations.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Associations: to-one join columns, one-to-many join columns on the child, join tables, and element
 * collections (through {@link CollectionTables}). Runs after every table has its own columns.
 */
final class AssociationBinder {

    private final SchemaBuilder b;
    private final CollectionTables collections;

    AssociationBinder(SchemaBuilder builder) {
        this.b = builder;
        this.collections = new CollectionTables(builder);
    }

    void bind(Scope scope, Attribute a) {
        if (a.has("ElementCollection")) {
            collections.elementCollection(scope, a);
        } else if (a.isToOne()) {
            toOne(scope, a);
        } else {
            toMany(scope, a);
        }
    }

    /**
     * Where the foreign key of an association is declared: an {@code @AssociationOverride} with a
     * {@code foreignKey} along the path, else {@code @JoinColumns} (else the first {@code @JoinColumn}).
     */
    static Ann foreignKeySource(Scope scope, Attribute a) {
        Ann override = scope.associationOverrides().get(a.name());
        if (override != null && override.isSet("foreignKey")) {
            return override;
        }
        return a.jpa("JoinColumns");
    }

    /** The association annotation ({@code @ManyToOne}, ...) of an attribute. */
    static Ann kind(Attribute a) {
        for (String k : List.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany")) {
            Ann ann = a.jpa(k);
            if (ann != null) {
                return ann;
            }
        }
        return null;
    }

    /** The target entity: {@code targetEntity}, else the declared type or the collection's element type. */
    EntityInfo targetOf(Attribute a, boolean collection) {
        Ann kind = kind(a);
        TypeMirror target = kind == null ? null : kind.type("targetEntity");
        if (target == null || target.getKind() != TypeKind.DECLARED
                || ((TypeElement) b.types.asElement(target)).getQualifiedName().contentEquals("void")) {
            target = collection ? elementType(a.type()) : a.type();
        }
        if (target == null || target.getKind() != TypeKind.DECLARED) {
            throw new MappingException(a.element(), Message.UNKNOWN_TARGET, a);
        }
        TypeElement type = (TypeElement) b.types.asElement(target);
        if (!EntityScanner.isEntity(type)) {
            String annotation = kind == null ? "ManyToOne" : kind.simpleName();
            throw new MappingException(a.element(), kind == null ? null : kind.mirror(), Message.NOT_AN_ENTITY,
                    type.getQualifiedName(), annotation, type.getSimpleName());
        }
        return b.entity(type);
    }

    /** The element type of a collection, or the value type of a map. */
    static TypeMirror elementType(TypeMirror collection) {
        if (!(collection instanceof DeclaredType d) || d.getTypeArguments().isEmpty()) {
            return null;
        }
        List<? extends TypeMirror> args = d.getTypeArguments();
        return args.get(args.size() - 1);
    }

    /** {@code @JoinColumn}s of an association, or those of an {@code @AssociationOverride} along the path. */
    static List<Ann> joinColumnAnnotations(Scope scope, Attribute a) {
        Ann override = scope.associationOverrides().get(a.name());
        if (override != null && !override.annotations("joinColumns").isEmpty()) {
            return override.annotations("joinColumns");
        }
        List<Ann> result = new ArrayList<>();
        Ann single = a.jpa("JoinColumn");
        if (single != null) {
            result.add(single);
        }
        Ann plural = a.jpa("JoinColumns");
        if (plural != null) {
            result.addAll(plural.annotations("value"));
        }
        return result;
    }

    private void toOne(Scope scope, Attribute a) {
        EntityInfo target = targetOf(a, false);
        Ann kind = kind(a);
        if (!kind.string("mappedBy").isEmpty()) {
            checkMappedBy(a, kind, target);
            return;
        }
        if (a.has("MapsId")) {
            bindKeyAssociation(scope, a);
            return;
        }
        if (a.has("OneToOne") && (a.has("PrimaryKeyJoinColumn") || a.has("PrimaryKeyJoinColumns")
                || joinsOwnKey(scope, a))) {
            sharedKeyOneToOne(scope, a, kind, target);
            return;
        }
        if (a.has("PrimaryKeyJoinColumn") || a.has("PrimaryKeyJoinColumns")) {
            return; // shares the primary key: no column of its own
        }
        checkJoinColumnsAgree(a, kind);
        boolean nullable = kind.bool("optional")
                && !(b.beanValidation && scope.notNullValidated() && !scope.forcedNull()
                && BeanValidation.notNull(a.element()));
        if (a.has("JoinTable")) {
            b.secondaryTables.toOneJoinTable(scope, a, target, nullable);
            return;
        }
        List<Ann> written = joinColumnAnnotations(scope, a);
        if (!written.isEmpty()) {
            scope = scope.inTable(b.secondaryTables.tableNamed(scope, written.get(0).string("table"), a.element()));
        }
        // In Hibernate 6.6 (and 7.0), optional = false holds in single-table subclasses too, unlike a primitive's
        // implied NOT NULL; from 7.1 on the column stays nullable and a check on the discriminator enforces it.
        boolean checkedInSubclass = !kind.bool("optional") && scope.forcedNull() && !scope.embedded()
                && b.hibernate.atLeast(HibernateVersion.V7_2);
        Keys.JoinColumns join = b.keys.joinColumns(a, joinColumnAnnotations(scope, a), foreignKeySource(scope, a), target,
                a.name(), nullable || checkedInSubclass);
        List<String> names = new ArrayList<>();
        boolean superseded = false;
        for (int i = 0; i < join.columns().size(); i++) {
            TableDraft.ColumnDraft c = join.columns().get(i);
            Scope bound = scope;
            c.bindingOrder = () -> BindingOrder.toOne(bound, a);
            TableDraft.ColumnDraft added = scope.table().addColumn(c, join.logicalNames().get(i), scope.owner());
            if (checkedInSubclass && added.nullable) {
                b.discriminatorChecks.require(scope.owner(), added.name);
            }
            names.add(c.name.text());
            superseded |= c.superseded;
        }
        // A one-to-one's uniqueness is an attribute of its join column in Hibernate: where a basic attribute of the
        // entity maps that column too, it is bound first and its column, not unique, is the table's.
        boolean unique = (a.has("OneToOne") || anyUnique(joinColumnAnnotations(scope, a)))
                && !(superseded && names.size() == 1);
        if (unique) {
            scope.table().addUnique(null, names);
        }
        if (ColumnBinder.isNaturalId(scope, a)) {
            scope.table().addNaturalId(a.name(), names);
        }
        addForeignKey(scope.table(), join, a.element());
    }

    /**
     * Whether a {@code @OneToOne}'s join columns are exactly its entity's key columns. Hibernate then binds a
     * "true" one-to-one, as with {@code @PrimaryKeyJoinColumn}, and the key columns are not mapped twice.
     */
    private boolean joinsOwnKey(Scope scope, Attribute a) {
        List<Ann> written = joinColumnAnnotations(scope, a);
        List<String> key = b.keys.keyOf(scope.owner()).names();
        if (written.isEmpty() || written.size() != key.size()) {
            return false;
        }
        for (Ann w : written) {
            String name = w.string("name");
            if (name.isEmpty() || key.stream().noneMatch(
                    k -> k.equalsIgnoreCase(b.naming.physical(Ident.parse(name)).text()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A one-to-one that shares its entity's primary key adds no column. Like Hibernate's constrained
     * one-to-one, only a mandatory one ({@code optional = false}) makes the key a foreign key to the target.
     */
    private void sharedKeyOneToOne(Scope scope, Attribute a, Ann kind, EntityInfo target) {
        if (kind.bool("optional")) {
            return;
        }
        // The written join columns (or none) still name the foreign key, or disable it.
        Keys.JoinColumns join = b.keys.joinColumns(a, joinColumnAnnotations(scope, a), foreignKeySource(scope, a),
                target, a.name(), false);
        if (!join.noConstraint()) {
            scope.table().addForeignKey(new TableDraft.ForeignKeyDraft(join.foreignKeyName(),
                    b.keys.keyOf(scope.owner()).names(), join.target(), join.targetColumns(),
                    Keys.onDelete(a.element())));
        }
    }

    /**
     * Hibernate refuses an association whose join columns differ in nullable, insertable or updatable
     * ("Column mappings for property ... mix insertable with 'insertable=false'"); so does the processor,
     * instead of writing a snapshot for a mapping the application cannot start with.
     */
    private static void checkJoinColumnsAgree(Attribute a, Ann kind) {
        Ann plural = a.jpa("JoinColumns");
        if (plural == null) {
            return; // one join column at most: nothing to disagree
        }
        List<Ann> written = plural.annotations("value");
        for (String member : List.of("nullable", "insertable", "updatable")) {
            if (member.equals("nullable") && !kind.bool("optional")) {
                continue; // optional = false makes every join column NOT NULL
            }
            for (Ann w : written) {
                if (w.bool(member) != written.get(0).bool(member)) {
                    throw new MappingException(a.element(), plural.mirror(), Message.JOIN_COLUMNS_DISAGREE, a,
                            member);
                }
            }
        }
    }

    /** Whether any of these join columns says {@code unique = true}. */
    static boolean anyUnique(List<Ann> joinColumns) {
        for (Ann j : joinColumns) {
            if (j.bool("unique")) {
                return true;
            }
        }
        return false;
    }

    /** The foreign key of an association whose columns are (part of) the primary key. */
    void bindKeyAssociation(Scope scope, Attribute a) {
        EntityInfo target = targetOf(a, false);
        Keys.JoinColumns join = b.keys.joinColumns(a, joinColumnAnnotations(scope, a), foreignKeySource(scope, a), target,
                a.name(), false);
        addForeignKey(scope.table(), join, a.element());
    }

    static void addForeignKey(TableDraft table, Keys.JoinColumns join, Element onDeleteSource) {
        if (join.noConstraint()) {
            return;
        }
        table.addForeignKey(new TableDraft.ForeignKeyDraft(join.foreignKeyName(), join.names(), join.target(),
                join.targetColumns(), Keys.onDelete(onDeleteSource)));
    }

    private void toMany(Scope scope, Attribute a) {
        EntityInfo target = targetOf(a, true);
        Ann kind = kind(a);
        if (!kind.string("mappedBy").isEmpty()) {
            checkMappedBy(a, kind, target);
            if (a.has("OneToMany")) {
                collections.inverseSideIndex(a, target);
            }
            return;
        }
        if (a.has("OneToMany") && !joinColumnAnnotations(scope, a).isEmpty() && !a.has("JoinTable")) {
            collections.oneToManyJoinColumn(scope, a, target);
        } else {
            collections.joinTable(scope, a, target, a.has("OneToMany"));
        }
    }

    /** A {@code mappedBy} must name an attribute of the target (possibly inside an embeddable: a.b). */
    private void checkMappedBy(Attribute a, Ann kind, EntityInfo target) {
        String mappedBy = kind.string("mappedBy");
        String first = mappedBy.contains(".") ? mappedBy.substring(0, mappedBy.indexOf('.')) : mappedBy;
        for (Attribute t : target.allAttributes()) {
            if (t.name().equals(first)) {
                return;
            }
        }
        List<String> names = target.allAttributes().stream().map(Attribute::name).toList();
        throw new MappingException(a.element(), kind.mirror(), Message.MAPPED_BY_MISSING, mappedBy,
                target.qualifiedName(), String.join(", ", names));
    }

    /** The attribute of {@code target} that maps this association from the other side, if any. */
    Attribute inverseOf(Attribute owning, EntityInfo owner, EntityInfo target) {
        for (Attribute t : target.allAttributes()) {
            Ann k = kind(t);
            TypeMirror back = k == null ? null : t.isToOne() ? t.type() : elementType(t.type());
            if (k != null && k.string("mappedBy").equals(owning.name()) && back != null
                    && b.types.isAssignable(b.types.erasure(owner.type().asType()), b.types.erasure(back))) {
                return t;
            }
        }
        return null;
    }
}
