package io.github.entitymigrations.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Where attributes are being bound: the owning entity, the table that receives their columns, the
 * attribute path inside embeddables, and the overrides that apply along that path.
 *
 * @param owner                the entity that owns the attributes
 * @param table                the table receiving the columns
 * @param path                 the dotted attribute path of the enclosing embeddable ("" at top level)
 * @param columnOverrides      {@code @AttributeOverride} columns by attribute path relative to this scope
 * @param associationOverrides {@code @AssociationOverride}s by attribute path relative to this scope
 * @param forcedNull           implied NOT NULL is dropped (single-table subclasses)
 * @param inCollection         attributes bound into an element collection's table
 * @param embedded             attributes of an embeddable (implied NOT NULL of primitives is dropped)
 * @param validated            Bean Validation reaches here (entity level, or embedded through {@code @Valid})
 * @param notNullValidated     {@code @NotNull} reaches here (embedded through {@code @Valid @NotNull})
 * @param fieldAccess          the access type that reaches embeddables
 */
record Scope(EntityInfo owner, TableDraft table, String path, Map<String, Ann> columnOverrides,
             Map<String, Ann> associationOverrides, boolean forcedNull, boolean inCollection, boolean embedded,
             boolean validated, boolean notNullValidated, boolean fieldAccess) {

    /** The top-level scope of an entity's own attributes. */
    static Scope of(EntityInfo owner, TableDraft table, boolean forcedNull, boolean fieldAccess) {
        Map<String, Ann> columns = new HashMap<>();
        for (Ann o : overrides(owner.type(), "AttributeOverride")) {
            columns.put(o.string("name"), o.annotation("column"));
        }
        Map<String, Ann> associations = new HashMap<>();
        for (Ann o : overrides(owner.type(), "AssociationOverride")) {
            associations.put(o.string("name"), o);
        }
        return new Scope(owner, table, "", columns, associations, forcedNull, false, false, true, true, fieldAccess);
    }

    /** The scope of an embeddable reached through {@code attribute}, with its overrides merged in. */
    Scope nested(Attribute attribute) {
        String prefix = attribute.name() + ".";
        Map<String, Ann> columns = new HashMap<>();
        Map<String, Ann> associations = new HashMap<>();
        // Overrides on the embedding attribute apply to paths relative to it.
        for (Ann o : overrides(attribute.element(), "AttributeOverride")) {
            columns.put(stripValuePrefix(o.string("name")), o.annotation("column"));
        }
        for (Ann o : overrides(attribute.element(), "AssociationOverride")) {
            associations.put(stripValuePrefix(o.string("name")), o);
        }
        // Outer overrides naming a deeper path win over inner ones, as in JPA.
        inherit(columnOverrides, prefix, columns);
        inherit(associationOverrides, prefix, associations);
        // Hibernate's Bean Validation integration descends into an embeddable only through @Valid, and
        // takes @NotNull inside it only when the embedding attribute is @NotNull as well.
        boolean valid = validated && (Ann.named(attribute.element(), "jakarta.validation.Valid") != null
                || Ann.named(attribute.element(), "javax.validation.Valid") != null);
        boolean notNull = valid && notNullValidated && BeanValidation.notNull(attribute.element());
        return new Scope(owner, table, path.isEmpty() ? attribute.name() : path + "." + attribute.name(), columns,
                associations, forcedNull, inCollection, true, valid, notNull, fieldAccess);
    }

    /** The same owner, binding into a collection table. */
    Scope inCollectionTable(TableDraft other) {
        // Bean Validation on a collection attribute says nothing about its elements' columns.
        return new Scope(owner, other, path, columnOverrides, associationOverrides, false, true, embedded, false, false,
                fieldAccess);
    }

    /** The same scope, binding into another table of the same row (a secondary table). */
    Scope inTable(TableDraft other) {
        return other == table ? this : new Scope(owner, other, path, columnOverrides, associationOverrides, forcedNull,
                inCollection, embedded, validated, notNullValidated, fieldAccess);
    }

    /** Map values are addressed as {@code value.x} in overrides of element collections. */
    private static String stripValuePrefix(String name) {
        return name.startsWith("value.") ? name.substring("value.".length()) : name;
    }

    /** {@code @AttributeOverride} / {@code @AssociationOverride}, single or repeated in the plural container. */
    static List<Ann> overrides(Element element, String simpleName) {
        List<Ann> result = new ArrayList<>();
        Ann single = Ann.jpa(element, simpleName);
        if (single != null) {
            result.add(single);
        }
        Ann plural = Ann.jpa(element, simpleName + "s");
        if (plural != null) {
            result.addAll(plural.annotations("value"));
        }
        return result;
    }

    /** The outer overrides under {@code prefix}, by their path below it. */
    private static void inherit(Map<String, Ann> outer, String prefix, Map<String, Ann> into) {
        for (Map.Entry<String, Ann> e : outer.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                into.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
    }
}
