package io.github.entitymigrations.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * What the processor knows about one entity class before building tables.
 *
 * @param type        the entity class
 * @param entityName  the JPA entity name ({@code @Entity(name)} or the simple class name)
 * @param table       the primary table's logical name as mapped ({@code @Table(name)}), or {@code null}
 * @param schema      the {@code @Table(schema)}, or {@code null}
 * @param parent      the nearest entity superclass, or {@code null} for a hierarchy root
 * @param strategy    the hierarchy's inheritance strategy
 * @param attributes  the attributes this class maps itself: its own and those of the mapped
 *                    superclasses between it and {@code parent}, superclass first
 * @param isAbstract  whether the class is abstract
 * @param qualifiedName the class's qualified name (decoded once: it is asked for at every table and key)
 */
record EntityInfo(TypeElement type, String entityName, Ident table, Ident schema, EntityInfo parent,
                  Inheritance strategy, List<Attribute> attributes, boolean isAbstract, String qualifiedName) {

    EntityInfo(TypeElement type, String entityName, Ident table, Ident schema, EntityInfo parent,
               Inheritance strategy, List<Attribute> attributes, boolean isAbstract) {
        this(type, entityName, table, schema, parent, strategy, attributes, isAbstract,
                Ann.qualifiedNameOf(type));
    }

    enum Inheritance { SINGLE_TABLE, JOINED, TABLE_PER_CLASS }

    EntityInfo root() {
        EntityInfo e = this;
        while (e.parent != null) {
            e = e.parent;
        }
        return e;
    }

    boolean isRoot() {
        return parent == null;
    }

    /** Attributes of this class and every entity above it, root first. */
    List<Attribute> allAttributes() {
        if (parent == null) {
            return attributes;
        }
        List<Attribute> all = new java.util.ArrayList<>(parent.allAttributes());
        all.addAll(attributes);
        return all;
    }
}
