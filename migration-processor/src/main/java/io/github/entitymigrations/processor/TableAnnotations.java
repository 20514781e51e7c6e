package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;

/**
 * Table-level constraints written in annotations: {@code indexes} and {@code uniqueConstraints} of
 * {@code @Table}, {@code @JoinTable} and {@code @CollectionTable}, and Hibernate's class-level
 * {@code @Check}. Column names in them are logical names, as in Hibernate, or physical ones.
 */
final class TableAnnotations {

    private TableAnnotations() {
    }

    static void apply(SchemaBuilder b, EntityInfo e, TableDraft table) {
        Ann t = Ann.jpa(e.type(), "Table");
        if (t != null) {
            applyConstraints(b, table, t, e.type());
        }
        for (Ann check : hibernateChecks(e.type())) {
            addCheck(table, check, null);
        }
        if (SchemaBuilder.ownsTable(e)) {
            table.addNaturalIdKey();
        }
    }

    /** Hibernate's {@code @Check}s on an element: one, or several (repeated, so in {@code @Checks}). */
    static List<Ann> hibernateChecks(Element element) {
        List<Ann> result = new ArrayList<>();
        Ann single = Ann.named(element, "org.hibernate.annotations.Check");
        if (single != null) {
            result.add(single);
        }
        Ann plural = Ann.named(element, "org.hibernate.annotations.Checks");
        if (plural != null) {
            result.addAll(plural.annotations("value"));
        }
        return result;
    }

    /**
     * Adds a Hibernate {@code @Check} on {@code column}, or on the table when it is {@code null}. Hibernate
     * leaves an unnamed check to the database; ours gets a name that stays the same while its condition
     * does: {@code ck_<table>_<column>} for a column, and for the table (or a column's second check) one
     * ending in a hash of the condition, so several unnamed checks never share a name.
     */
    static void addCheck(TableDraft table, Ann check, String column) {
        String name = check.string("name");
        String condition = check.string("constraints");
        if (!name.isEmpty()) {
            table.addCheck(CheckConstraint.expression(name, column, condition));
            return;
        }
        String base = ConstraintNames.check(table.nameText(), column == null ? "" : column);
        String byCondition = ConstraintNames.check(table.nameText(),
                (column == null ? "" : column + "_") + ConstraintNames.shortHash(condition));
        if (column == null || table.hasCheckNamed(base)) {
            table.addCheck(CheckConstraint.expression(byCondition, column, condition));
        } else {
            table.addCheck(CheckConstraint.expression(base, column, condition));
        }
    }

    static void applyConstraints(SchemaBuilder b, TableDraft table, Ann annotation, Element where) {
        for (Ann index : annotation.annotations("indexes")) {
            List<String> columns = resolve(table, index, index.string("columnList").split(","), where);
            table.addIndex(index.string("name"), columns, index.bool("unique"));
        }
        applyUniqueConstraints(table, annotation, where);
    }

    /** Only the {@code uniqueConstraints}: all Hibernate applies of a to-one's {@code @JoinTable}. */
    static void applyUniqueConstraints(TableDraft table, Ann annotation, Element where) {
        for (Ann unique : annotation.annotations("uniqueConstraints")) {
            List<String> columns = resolve(table, unique, unique.strings("columnNames").toArray(String[]::new), where);
            table.addUnique(unique.string("name"), columns);
        }
    }

    private static List<String> resolve(TableDraft table, Ann owner, String[] written, Element where) {
        List<String> result = new ArrayList<>();
        for (String raw : written) {
            String name = raw.trim();
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.endsWith(" ASC") || upper.endsWith(" DESC")) {
                name = name.substring(0, name.lastIndexOf(' ')).trim();
            }
            if (name.isEmpty()) {
                continue;
            }
            String physical = table.resolveColumn(name);
            if (physical == null) {
                throw new MappingException(where, owner.mirror(), Message.UNKNOWN_COLUMN, "@" + owner.simpleName(),
                        name, table.name, table.columnNames());
            }
            result.add(physical);
        }
        return result;
    }
}
