package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.SqlExpression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/** Basic and embedded attributes, version and discriminator columns. */
final class ColumnBinder {

    private final SchemaBuilder b;

    ColumnBinder(SchemaBuilder builder) {
        this.b = builder;
    }

    void bindAttribute(Scope scope, Attribute a) {
        if (a.isId() || a.has("EmbeddedId")) {
            if (a.isToOne()) {
                b.defer(scope.owner(), () -> b.associations.bindKeyAssociation(scope, a));
            }
            return;
        }
        if (a.hibernate("Formula") != null) {
            return;
        }
        if (a.isAssociation()) {
            b.defer(scope.owner(), () -> b.associations.bind(scope, a));
            return;
        }
        Ann generated = a.jpa("GeneratedValue");
        if (generated != null) {
            throw new MappingException(a.element(), generated.mirror(), Message.GENERATED_VALUE_NOT_ID, a);
        }
        boolean naturalId = isNaturalId(scope, a);
        TypeElement embeddable = embeddableType(a);
        if (embeddable != null) {
            List<String> before = naturalId ? scope.table().columnNames() : List.of();
            Map<TableDraft, Integer> sizes = secondaryTableSizes(scope);
            bindEmbedded(scope.nested(a), embeddable);
            checkOneTable(scope, a, embeddable, sizes);
            if (naturalId) {
                scope.table().addNaturalId(a.name(),
                        scope.table().columnNames().stream().filter(n -> !before.contains(n)).toList());
            }
            return;
        }
        TableDraft.ColumnDraft column = addBasic(scope, a);
        if (naturalId) {
            scope.table().addNaturalId(a.name(), List.of(column.name.text()));
        }
    }

    /** Column counts of the tables an embedded value may go to, when the entity has secondary tables. */
    private Map<TableDraft, Integer> secondaryTableSizes(Scope scope) {
        Map<TableDraft, Integer> sizes = new LinkedHashMap<>();
        if (!scope.inCollection() && !b.secondaryTables.of(scope.owner()).isEmpty()) {
            sizes.put(scope.table(), scope.table().columnNames().size());
            b.secondaryTables.of(scope.owner()).values().forEach(t -> sizes.put(t, t.columnNames().size()));
        }
        return sizes;
    }

    /** Hibernate refuses an embedded value whose columns are spread over several tables of the entity. */
    private static void checkOneTable(Scope scope, Attribute a, TypeElement embeddable, Map<TableDraft, Integer> sizes) {
        if (sizes.isEmpty()) {
            return; // no secondary tables
        }
        List<String> grown = sizes.entrySet().stream()
                .filter(e -> e.getKey().columnNames().size() != e.getValue())
                .map(e -> e.getKey().nameText()).toList();
        if (grown.size() > 1) {
            throw new MappingException(a.element(), Message.EMBEDDED_IN_SEVERAL_TABLES, a,
                    embeddable.getQualifiedName(), String.join(", ", grown));
        }
    }

    /** Hibernate's {@code @NaturalId} on an entity's own attribute: its columns get one unique key together. */
    static boolean isNaturalId(Scope scope, Attribute a) {
        return scope.path().isEmpty() && a.hibernate("NaturalId") != null;
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
    TableDraft.ColumnDraft addBasic(Scope where, Attribute a) {
        Ann placed = columnAnnotation(where, a);
        Scope scope = placed == null || where.inCollection() ? where
                : where.inTable(b.secondaryTables.tableNamed(where, placed.string("table"), a.element()));
        TableDraft.ColumnDraft c = basicColumn(scope, a, scope.forcedNull());
        c.bindingOrder = () -> BindingOrder.basic(scope, a);
        TableDraft.ColumnDraft added = scope.table().addColumn(c, logicalName(scope, a).text(), scope.owner());
        Ann column = columnAnnotation(scope, a);
        if (column != null && column.bool("unique")) {
            scope.table().addUnique(null, List.of(c.name.text()));
        }
        if (c.superseded) {
            return added; // column checks belong to the column of the mapping Hibernate bound first
        }
        addEnumCheck(scope.table(), c.name.text(), c.mapping);
        if (b.beanValidation && scope.validated()) {
            BeanValidation.checks(a.element(), scope.table(), c.name.text()).forEach(scope.table()::addCheck);
        }
        for (Ann check : TableAnnotations.hibernateChecks(a.element())) {
            TableAnnotations.addCheck(scope.table(), check, c.name.text());
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
        BasicTypes.Mapping mapping = b.basicTypes.map(a.type(), a.element(), column, a, false);
        ColumnType type = mapping.type();
        if (b.beanValidation && scope.validated()) {
            type = BeanValidation.apply(a.element(), a.type(), type);
        }
        boolean nullable = !notNull(scope, a, column, forcedNull);
        if (forcedNull && nullable && requiredInSubclass(scope, a, a.jpa("Basic"))) {
            b.discriminatorChecks.require(scope.owner(), b.naming.physical(logicalName(scope, a)));
        }
        TableDraft.ColumnDraft c = new TableDraft.ColumnDraft(b.naming.physical(logicalName(scope, a)), type, nullable,
                a.element(), a);
        c.mapping = mapping;
        c.embeddedIn = scope.path();
        try {
            c.defaultValue = serverDefault(a.element());
        } catch (MappingException e) {
            b.report(e); // the snapshot is not written; the other attributes' problems are still worth telling
        }
        c.columnDefinition = column == null || column.string("columnDefinition").isEmpty() ? null
                : b.naming.columnDefinition(column.string("columnDefinition"));
        c.readOnly = column != null && !column.bool("insertable") && !column.bool("updatable");
        Ann renamed = Ann.named(a.element(), ProjectAnnotations.RENAMED_FROM);
        // Recorded in physical form, so an old Java name and an old column name both match the old column.
        c.renamedFrom = renamed == null ? null : b.naming.physical(Ident.parse(renamed.string("value"))).text();
        try {
            c.backfill = backfill(a.element());
        } catch (MappingException e) {
            b.report(e);
        }
        return c;
    }

    /**
     * Hibernate's nullability of a basic attribute's column (its PropertyBinder and AnnotatedColumn):
     * <ul>
     *   <li>an explicit column ({@code @Column}, or an {@code @AttributeOverride}) is NOT NULL only when it says
     *       {@code nullable = false}: a primitive with {@code @Column} is nullable;</li>
     *   <li>an implicit column is NOT NULL when the attribute is not optional: {@code @Basic(optional)} if present
     *       (Hibernate 6.6: {@code @Basic} on a primitive is optional; 7.x treats a primitive as never optional),
     *       else a primitive that is neither an array nor inside an embeddable;</li>
     *   <li>{@code @Basic(optional = false)} forces any column NOT NULL, except on a {@code @Version};</li>
     *   <li>Hibernate 7.3 and later: {@code @Version}, {@code @CreationTimestamp} and {@code @UpdateTimestamp}
     *       are always NOT NULL, see {@link #isGeneratedOnWrite};</li>
     *   <li>Bean Validation's {@code @NotNull} where Hibernate's integration reaches the attribute.</li>
     * </ul>
     * Implied NOT NULL (all but an explicit {@code nullable = false}) is dropped where {@code forcedNull}
     * (single-table subclasses, whose rows of other types have no value).
     */
    private boolean notNull(Scope scope, Attribute a, Ann column, boolean forcedNull) {
        if (a.isId() || (column != null && !column.bool("nullable"))
                || (b.hibernate.atLeast(HibernateVersion.V7_4) && isGeneratedOnWrite(a))) {
            return true;
        }
        if (forcedNull) {
            return false;
        }
        Ann basic = a.jpa("Basic");
        // Hibernate 7 never takes a primitive as optional, even with @Basic (6.6 does, @Basic's default).
        boolean optional = basic != null
                ? basic.bool("optional") && !(b.hibernate.atLeast(HibernateVersion.V7_2)
                        && a.type().getKind().isPrimitive())
                : a.type().getKind() == TypeKind.ARRAY || scope.embedded() || !a.type().getKind().isPrimitive()
                        // a secondary table's row may be missing, so its primitives are optional too
                        || b.secondaryTables.isSecondary(scope);
        boolean implied = column == null && !optional;
        boolean forcedByBasic = basic != null && !basic.bool("optional") && !a.has("Version");
        boolean validated = b.beanValidation && scope.notNullValidated() && BeanValidation.notNull(a.element());
        return implied || forcedByBasic || validated;
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
            d = Ann.named(element, ProjectAnnotations.SERVER_DEFAULT);
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

    /** {@code @Backfill}'s expression for existing rows, or null; one SQL expression, else an error on it. */
    static String backfill(Element element) {
        Ann b = Ann.named(element, ProjectAnnotations.BACKFILL);
        if (b == null) {
            return null;
        }
        String value = b.string("value");
        String problem = SqlExpression.problem(value);
        if (problem != null) {
            throw new MappingException(element, b.mirror(), Message.BAD_BACKFILL, value, element.getSimpleName(),
                    problem);
        }
        return value;
    }

    /** The {@code @Column} in effect: an override along the path, else the attribute's own. */
    Ann columnAnnotation(Scope scope, Attribute a) {
        Ann override = scope.columnOverrides().get(a.name());
        return override != null ? override : a.column();
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
        c.checkedInEveryEntity = true;
        table.addColumn(c, logical.text(), root);
        b.discriminatorChecks.discriminator(root, table, c.name, kind, subclasses);
    }
}
