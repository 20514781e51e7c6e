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

    /** {@link #column()} once looked up. */
    private boolean columnRead;
    private Ann column;

    /**
     * The attribute's own {@code @Column}, jakarta or javax, or null: asked about nine times for each basic attribute
     * (its name, type, nullability, uniqueness, definition), read once.
     */
    Ann column() {
        if (!columnRead) {
            column = jpa("Column");
            columnRead = true;
        }
        return column;
    }

    private static final byte READ = 1;
    private static final byte TO_ONE = 2;
    private static final byte TO_MANY = 4;
    private static final byte ID = 8;
    /**
     * Which association annotations the attribute has, and whether it has {@code @Id} ({@link #READ} once looked
     * at): the binders and the entity closure ask every attribute whether it is an association, and which kind, and
     * the key, generator and column binders whether it is an id, several times over.
     */
    private byte kind;

    private byte kind() {
        byte known = kind;
        if (known == 0) {
            known = READ;
            if (has("ManyToOne") || has("OneToOne")) {
                known |= TO_ONE;
            }
            if (has("OneToMany") || has("ManyToMany") || has("ElementCollection")) {
                known |= TO_MANY;
            }
            if (has("Id")) {
                known |= ID;
            }
            kind = known;
        }
        return known;
    }

    /** {@code @Id}, jakarta or javax. */
    boolean isId() {
        return (kind() & ID) != 0;
    }

    /** {@code @ManyToOne} or {@code @OneToOne}, jakarta or javax. */
    boolean isToOne() {
        return (kind() & TO_ONE) != 0;
    }

    /** A to-one, {@code @OneToMany}, {@code @ManyToMany} or {@code @ElementCollection}. */
    boolean isAssociation() {
        return (kind() & (TO_ONE | TO_MANY)) != 0;
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
