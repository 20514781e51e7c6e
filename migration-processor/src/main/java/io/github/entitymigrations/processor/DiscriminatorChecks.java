package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks Hibernate 7 puts on a discriminator. Its values: the discriminator column holds one of the concrete
 * entities' values ({@code DTYPE in ('Car','Truck')}). Single-table subclasses (7.1 on, HHH-19614): their
 * required columns stay nullable, since rows of other types have no value there, and a table check enforces
 * them for the subclass's rows ({@code DTYPE <> 'Car' or (seats is not null)}). Required columns are collected
 * while attributes are bound; the subclass checks are added at the end.
 */
final class DiscriminatorChecks {

    private record Discriminator(Ident column, String kind) {
    }

    private final SchemaBuilder b;
    private final Map<String, Discriminator> discriminators = new HashMap<>();
    private final Map<EntityInfo, List<Ident>> required = new LinkedHashMap<>();

    DiscriminatorChecks(SchemaBuilder builder) {
        this.b = builder;
    }

    /** A hierarchy's discriminator column (of type STRING, CHAR or INTEGER), with its values' check when due. */
    void discriminator(EntityInfo root, TableDraft table, Ident column, String kind, List<EntityInfo> subclasses) {
        discriminators.put(root.qualifiedName(), new Discriminator(column, kind));
        if (b.hibernate.atLeast(HibernateVersion.V7_2)) {
            addValuesCheck(root, table, column, kind, subclasses);
        }
    }

    /**
     * Hibernate 7 checks that the discriminator holds one of the values of the hierarchy's concrete entities,
     * unless a {@code @DiscriminatorValue("not null")} catches every other value, or
     * {@code @DiscriminatorOptions(force = true)} says the table holds rows of other types.
     */
    private static void addValuesCheck(EntityInfo root, TableDraft table, Ident column, String kind,
                                       List<EntityInfo> subclasses) {
        Ann options = Ann.named(root.type(), "org.hibernate.annotations.DiscriminatorOptions");
        if (options != null && options.bool("force")) {
            return;
        }
        List<EntityInfo> hierarchy = new ArrayList<>();
        hierarchy.add(root);
        subclassesInHibernatesOrder(root, subclasses, hierarchy);
        List<String> values = new ArrayList<>();
        for (EntityInfo e : hierarchy) {
            String value = discriminatorValue(e, kind);
            if (value.equals("not null")) {
                return;
            }
            if (!e.isAbstract() && !value.equals("null")) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        // An expression, as Hibernate writes it, not a list of allowed values: those are a STRING enum's, which
        // MariaDB and MySQL make a native enum column, where Hibernate 7 keeps the discriminator's varchar.
        List<String> literals = kind.equals("INTEGER") ? values : values.stream().map(DiscriminatorChecks::literal)
                .toList();
        table.addCheck(CheckConstraint.expression(ConstraintNames.check(table.nameText(), column.text()),
                column.text(), quoted(column) + " in (" + String.join(",", literals) + ")"));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Appends the subclasses below {@code parent} in the order Hibernate lists them in the check: the subclasses of
     * each direct subclass first (the same way down), then the direct subclasses themselves. Hibernate takes the
     * direct subclasses in the order the application registers them, for a scanned application that of their class
     * names; so do we, which also keeps the check's text the same from one compilation to the next.
     */
    private static void subclassesInHibernatesOrder(EntityInfo parent, List<EntityInfo> all, List<EntityInfo> out) {
        List<EntityInfo> direct = new ArrayList<>();
        for (EntityInfo e : all) {
            if (e.parent() != null && e.parent().type().equals(parent.type())) {
                direct.add(e);
            }
        }
        direct.sort((x, y) -> x.qualifiedName().compareTo(y.qualifiedName()));
        for (EntityInfo d : direct) {
            subclassesInHibernatesOrder(d, all, out);
        }
        out.addAll(direct);
    }

    /** A column of a single-table subclass that the subclass's rows must fill. */
    void require(EntityInfo subclass, Ident column) {
        required.computeIfAbsent(subclass, e -> new ArrayList<>()).add(column);
    }

    /** Adds the subclass checks, when the followed Hibernate has them. */
    void apply() {
        if (!b.hibernate.atLeast(HibernateVersion.V7_2)) {
            return;
        }
        required.forEach((subclass, columns) -> {
            Discriminator d = discriminators.get(subclass.root().qualifiedName());
            String value = discriminatorValue(subclass, d == null ? "STRING" : d.kind());
            if (d == null || subclass.isAbstract() || value.equals("not null")) {
                return; // "not null" catches every other value: Hibernate cannot say which rows are this type
            }
            StringBuilder check = new StringBuilder(quoted(d.column()));
            if (value.equals("null")) {
                check.append(" is null");
            } else {
                check.append(" <> ").append(d.kind().equals("INTEGER") ? value : literal(value));
            }
            check.append(" or (");
            for (int i = 0; i < columns.size(); i++) {
                check.append(i == 0 ? "" : " and ").append(quoted(columns.get(i))).append(" is not null");
            }
            check.append(')');
            TableDraft table = b.tableOf(subclass);
            table.addCheck(CheckConstraint.expression(ConstraintNames.check(table.nameText(), subclass.entityName()),
                    null, check.toString()));
        });
    }

    /**
     * An entity's discriminator value as Hibernate binds it: {@code @DiscriminatorValue}, else the entity name
     * (STRING) or the entity name's hash code (INTEGER); {@code null} and {@code not null} are special values.
     */
    static String discriminatorValue(EntityInfo e, String kind) {
        Ann value = Ann.jpa(e.type(), "DiscriminatorValue");
        if (value != null) {
            return value.string("value");
        }
        return kind.equals("INTEGER") ? String.valueOf(e.entityName().hashCode()) : e.entityName();
    }

    /** A column name as SQL text: quoted when the mapping quotes it. */
    static String quoted(Ident column) {
        return column.quoted() ? "\"" + column.text() + "\"" : column.text();
    }
}
