package io.github.entitymigrations.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * One persistent attribute: a field (field access) or a getter (property access), with the type as
 * seen from the entity (type variables of generic mapped superclasses resolved): its Java name, the field or
 * getter (where its annotations are and where diagnostics point), its type, and the class that declares it
 * (entity, mapped superclass or embeddable). Equal as a record of those four would be.
 */
final class Attribute {

    private final String name;
    private final Element element;
    private final TypeMirror type;
    private final TypeElement declarer;
    /** The element's annotations, read on first use: the binders ask each attribute for a dozen of them. */
    private Ann[] annotations;
    /** {@link #toString()}, made once: binders pass it along for their messages. */
    private String description;

    Attribute(String name, Element element, TypeMirror type, TypeElement declarer) {
        this.name = name;
        this.element = element;
        this.type = type;
        this.declarer = declarer;
    }

    String name() {
        return name;
    }

    Element element() {
        return element;
    }

    TypeMirror type() {
        return type;
    }

    TypeElement declarer() {
        return declarer;
    }

    private Ann[] annotations() {
        if (annotations == null) {
            annotations = Ann.annotationsOf(element);
        }
        return annotations;
    }

    Ann jpa(String simpleName) {
        return Ann.find(annotations(), Ann.JAKARTA, Ann.JAVAX, simpleName);
    }

    boolean has(String simpleName) {
        return jpa(simpleName) != null;
    }

    private static final byte READ = 1;
    private static final byte TO_ONE = 2;
    private static final byte TO_MANY = 4;
    /**
     * Which association annotations the attribute has ({@link #READ} once looked at): the binders and the entity
     * closure ask every attribute whether it is an association, and which kind, several times over.
     */
    private byte association;

    private byte association() {
        byte kind = association;
        if (kind == 0) {
            kind = READ;
            if (has("ManyToOne") || has("OneToOne")) {
                kind |= TO_ONE;
            }
            if (has("OneToMany") || has("ManyToMany") || has("ElementCollection")) {
                kind |= TO_MANY;
            }
            association = kind;
        }
        return kind;
    }

    /** {@code @ManyToOne} or {@code @OneToOne}, jakarta or javax. */
    boolean isToOne() {
        return (association() & TO_ONE) != 0;
    }

    /** A to-one, {@code @OneToMany}, {@code @ManyToMany} or {@code @ElementCollection}. */
    boolean isAssociation() {
        return (association() & (TO_ONE | TO_MANY)) != 0;
    }

    Ann hibernate(String simpleName) {
        return Ann.find(annotations(), "org.hibernate.annotations.", null, simpleName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && java.util.Objects.equals(name, a.name)
                && java.util.Objects.equals(element, a.element) && java.util.Objects.equals(type, a.type)
                && java.util.Objects.equals(declarer, a.declarer);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, element, type, declarer);
    }

    @Override
    public String toString() {
        if (description == null) {
            description = Ann.simpleNameOf(declarer) + "." + name;
        }
        return description;
    }
}
