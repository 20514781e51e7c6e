package io.github.entitymigrations.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent attribute: a field (field access) or a getter (property access), with the type as
 * seen from the entity (type variables of generic mapped superclasses resolved).
 *
 * @param name     the Java attribute name
 * @param element  the field or getter, where its annotations are and where diagnostics point
 * @param type     the attribute's type
 * @param declarer the class that declares it (entity, mapped superclass or embeddable)
 */
record Attribute(String name, Element element, TypeMirror type, TypeElement declarer) {

    Ann jpa(String simpleName) {
        return Ann.jpa(element, simpleName);
    }

    boolean has(String simpleName) {
        return Ann.hasJpa(element, simpleName);
    }

    Ann hibernate(String simpleName) {
        return Ann.inPackage(element, "org.hibernate.annotations.", simpleName);
    }

    @Override
    public String toString() {
        return declarer.getSimpleName() + "." + name;
    }
}
