package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.SqlExpression;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/** Basic and embedded attributes, version and discriminator columns. */
final class ColumnBinder {

    private final SchemaBuilder b;

    ColumnBinder(SchemaBuilder builder) {
        this.b = builder;
    }

    void bindAttribute(Scope scope, Attribute a) {
        if (a.has("Id") || a.has("EmbeddedId")) {
            if (AssociationBinder.isToOne(a)) {
                b.defer(scope.owner(), () -> b.associations.bindKeyAssociation(scope, a));
            }
            return;
        }
        if (a.hibernate("Formula") != null) {
            return;
        }
        if (AssociationBinder.isAssociation(a)) {
            b.defer(scope.owner(), () -> b.associations.bind(scope, a));
            return;
        }
        TypeElement embeddable = embeddableType(a);
        if (embeddable != null) {
            bindEmbedded(scope.nested(a), embeddable);
            return;
        }
        addBasic(scope, a);
    }

    void bindEmbedded(Scope nested, TypeElement embeddable) {
        for (Attribute part : b.scanner.embeddableAttributes(embeddable, nested.fieldAccess())) {
            bindAttribute(nested, part);
        }
    }

    /** The {@code @Embeddable} type of an attribute, if it is embedded. */
    TypeElement embeddableType(Attribute a) {
        if (!(a.type() instanceof DeclaredType d)) {
            return null;
        }
        TypeElement t = (TypeElement) d.asElement();
        return a.has("Embedded") || EntityScanner.isEmbeddable(t) ? t : null;
    }

    /** Adds a basic attribute's column with its unique and check constraints. */
    TableDraft.ColumnDraft addBasic(Scope scope, Attribute a) {
        TableDraft.ColumnDraft c = basicColumn(scope, a, scope.forcedNull());
        TableDraft.ColumnDraft added = scope.table().addColumn(c, logicalName(scope, a).text(),
                scope.owner().qualifiedName());
        Ann column = columnAnnotation(scope, a);
        if (column != null && column.bool("unique")) {
            scope.table().addUnique(null, List.of(c.name.text()));
        }
        addEnumCheck(scope.table(), c.name.text(), c.mapping);
        if (b.beanValidation && scope.validated()) {
            BeanValidation.checks(a.element(), scope.table(), c.name.text()).forEach(scope.table()::addCheck);
        }
        Ann check = a.hibernate("Check");
        if (check != null) {
            String name = check.string("name");
            scope.table().addCheck(CheckConstraint.expression(
                    name.isEmpty() ? ConstraintNames.check(scope.table().nameText(), c.name.text()) : name,
                    c.name.text(), check.string("constraints")));
        }
        return added;
    }

    static void addEnumCheck(TableDraft table, String column, BasicTypes.Mapping mapping) {
        if (mapping.enumValues() == null) {
            return;
        }
        String name = ConstraintNames.check(table.nameText(), column);
        table.addCheck(mapping.ordinal()
                ? CheckConstraint.between(name, column, 0, mapping.enumValues().size() - 1L)
                : CheckConstraint.in(name, column, mapping.enumValues()));
    }

    /** The column for a basic attribute, not yet added to a table. */
    TableDraft.ColumnDraft basicColumn(Scope scope, Attribute a, boolean forcedNull) {
        Ann column = columnAnnotation(scope, a);
        BasicTypes.Mapping mapping = b.basicTypes.map(a.type(), a.element(), column, a.toString(), false);
        ColumnType type = mapping.type();
        // An explicit @Column(nullable = false) holds everywhere; implied NOT NULL (primitives, optional =
        // false, @NotNull) is dropped in single-table subclasses, whose rows of other types have no value.
        boolean explicitNotNull = a.has("Id") || (column != null && !column.bool("nullable"))
                || (b.hibernate.atLeast(HibernateVersion.V7_4) && isGeneratedOnWrite(a));
        Ann basic = a.jpa("Basic");
        // Hibernate drops a primitive's implied NOT NULL inside embeddables (the whole value may be null),
        // and Bean Validation reaches an embeddable's attributes only through @Valid.
        boolean validation = b.beanValidation && scope.validated();
        boolean impliedNotNull = (a.type().getKind().isPrimitive() && !scope.embedded())
                || (basic != null && !basic.bool("optional"))
                || (b.beanValidation && scope.notNullValidated() && BeanValidation.notNull(a.element()));
        if (validation) {
            type = BeanValidation.apply(a.element(), a.type(), type);
        }
        // Element-collection embeddables are treated the same way by Hibernate.
        boolean relaxed = forcedNull || scope.inCollection();
        boolean nullable = !explicitNotNull && !(impliedNotNull && !relaxed);
        if (forcedNull && nullable && requiredInSubclass(scope, a, basic)) {
            b.discriminatorChecks.require(scope.owner(), b.naming.physical(logicalName(scope, a)));
        }
        TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(logicalName(scope, a)), type, nullable,
                a.element(), a.toString());
        c.mapping = mapping;
        try {
            c.defaultValue = serverDefault(a.element());
        } catch (MappingException e) {
            b.report(e); // the snapshot is not written; the other attributes' problems are still worth telling
        }
        c.columnDefinition = column == null || column.string("columnDefinition").isEmpty() ? null
                : column.string("columnDefinition");
        c.readOnly = column != null && !column.bool("insertable") && !column.bool("updatable");
        Ann renamed = Ann.named(a.element(), "io.github.entitymigrations.annotations.RenamedFrom");
        // Recorded in physical form, so an old Java name and an old column name both match the old column.
        c.renamedFrom = renamed == null ? null : b.naming.physical(Ident.parse(renamed.string("value"))).text();
        return c;
    }

    /**
     * Hibernate 7.3 and later make these NOT NULL: Hibernate always writes them ({@code @Version} on insert too,
     * the timestamps from their generators).
     */
    private static boolean isGeneratedOnWrite(Attribute a) {
        return a.has("Version") || a.hibernate("CreationTimestamp") != null || a.hibernate("UpdateTimestamp") != null;
    }

    /**
     * A single-table subclass attribute Hibernate treats as required although its column must stay nullable:
     * a primitive or {@code @Basic(optional = false)} outside embeddables (Bean Validation's {@code @NotNull}
     * does not make an attribute required here). Hibernate 7.1 and later enforce it with a check.
     */
    private static boolean requiredInSubclass(Scope scope, Attribute a, Ann basic) {
        return !scope.embedded() && (a.type().getKind().isPrimitive() || (basic != null && !basic.bool("optional")));
    }

    /** {@code @ColumnDefault} (Hibernate) or {@code @ServerDefault} (ours); one SQL expression, else an error on it. */
    static String serverDefault(Element element) {
        Ann d = Ann.named(element, "org.hibernate.annotations.ColumnDefault");
        if (d == null) {
            d = Ann.named(element, "io.github.entitymigrations.annotations.ServerDefault");
        }
        if (d == null) {
            return null;
        }
        String value = d.string("value");
        String problem = SqlExpression.problem(value);
        if (problem != null) {
            throw new MappingException(element, d.mirror(), Message.BAD_SERVER_DEFAULT, d.simpleName(), value,
                    element.getSimpleName(), problem);
        }
        return value;
    }

    /** The {@code @Column} in effect: an override along the path, else the attribute's own. */
    Ann columnAnnotation(Scope scope, Attribute a) {
        Ann override = scope.columnOverrides().get(a.name());
        return override != null ? override : a.jpa("Column");
    }

    /** The logical column name: as written in the effective {@code @Column}, else the attribute name. */
    Ident logicalName(Scope scope, Attribute a) {
        Ann column = columnAnnotation(scope, a);
        if (column != null && !column.string("name").isEmpty()) {
            return Ident.parse(column.string("name"));
        }
        return Ident.plain(a.name());
    }

    void bindDiscriminator(EntityInfo root, TableDraft table, List<EntityInfo> subclasses) {
        Ann d = Ann.jpa(root.type(), "DiscriminatorColumn");
        String name = d == null || d.string("name").isEmpty() ? "DTYPE" : d.string("name");
        String kind = d == null ? "STRING" : d.enumName("discriminatorType");
        int length = d == null ? 31 : d.integer("length");
        ColumnType type = switch (kind) {
            case "CHAR" -> ColumnType.ofLength("CHAR", 1);
            case "INTEGER" -> ColumnType.of("INTEGER");
            default -> ColumnType.ofLength("VARCHAR", length);
        };
        Ident logical = Ident.parse(name);
        TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(logical), type, false, root.type(),
                root.qualifiedName());
        if (d != null && !d.string("columnDefinition").isEmpty()) {
            c.columnDefinition = d.string("columnDefinition");
        }
        table.addColumn(c, logical.text(), root.qualifiedName());
        b.discriminatorChecks.discriminator(root, table, c.name, kind, subclasses);
    }
}
