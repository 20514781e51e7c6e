package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate 7.1 and later (HHH-19614) keep a SINGLE_TABLE subclass's required columns nullable, since rows of
 * other types have no value there, and add a table check instead: {@code DTYPE <> 'Article' or (wordCount is
 * not null)}. Collects the required columns while attributes are bound and adds the checks at the end.
 */
final class SubclassChecks {

    private record Discriminator(Ident column, String kind) {
    }

    private final SchemaBuilder b;
    private final Map<String, Discriminator> discriminators = new HashMap<>();
    private final Map<EntityInfo, List<Ident>> required = new LinkedHashMap<>();

    SubclassChecks(SchemaBuilder builder) {
        this.b = builder;
    }

    void discriminator(EntityInfo root, Ident column, String kind) {
        discriminators.put(root.qualifiedName(), new Discriminator(column, kind));
    }

    /** A column of a single-table subclass that the subclass's rows must fill. */
    void require(EntityInfo subclass, Ident column) {
        required.computeIfAbsent(subclass, e -> new ArrayList<>()).add(column);
    }

    /** Adds the checks, when the followed Hibernate has them. */
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
                check.append(" <> ").append(d.kind().equals("INTEGER") ? value : "'" + value.replace("'", "''") + "'");
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
