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
        for (Ann check : Scope.overrides(e.type(), "Check")) {
            addCheck(table, check);
        }
        Ann hibernateCheck = Ann.named(e.type(), "org.hibernate.annotations.Check");
        if (hibernateCheck != null) {
            addCheck(table, hibernateCheck);
        }
    }

    private static void addCheck(TableDraft table, Ann check) {
        String name = check.string("name");
        table.addCheck(CheckConstraint.expression(
                name.isEmpty() ? ConstraintNames.check(table.nameText(), "check" + table.nameText().length()) : name,
                null, check.string("constraints")));
    }

    static void applyConstraints(SchemaBuilder b, TableDraft table, Ann annotation, Element where) {
        for (Ann index : annotation.annotations("indexes")) {
            List<String> columns = resolve(table, index, index.string("columnList").split(","), where);
            table.addIndex(index.string("name"), columns, index.bool("unique"));
        }
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
