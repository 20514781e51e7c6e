package io.github.entitymigrations.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * An annotation read by name through {@link AnnotationMirror}: user classes and annotation classes are
 * never loaded, which is how {@code jakarta.persistence} and {@code javax.persistence} read the same.
 * Member values fall back to the annotation type's declared defaults.
 */
record Ann(AnnotationMirror mirror) {

    static final String JAKARTA = "jakarta.persistence.";
    static final String JAVAX = "javax.persistence.";

    static final String JAKARTA_VALIDATION = "jakarta.validation.constraints.";
    static final String JAVAX_VALIDATION = "javax.validation.constraints.";

    /** A JPA annotation by simple name ({@code "Column"}), jakarta or javax. */
    static Ann jpa(Element element, String simpleName) {
        return inEither(element, JAKARTA, JAVAX, simpleName);
    }

    /** Bean Validation constraint by simple name, jakarta or javax. */
    static Ann validation(Element element, String simpleName) {
        return inEither(element, JAKARTA_VALIDATION, JAVAX_VALIDATION, simpleName);
    }

    /**
     * The annotation {@code first + simpleName}, else {@code second + simpleName}. One pass over the element's
     * annotations, each type name decoded once and no name concatenated: these lookups run for every
     * attribute and annotation name, so they are a good part of the processor's time on large models.
     */
    /** The annotation {@code packagePrefix + simpleName} ({@code "org.hibernate.annotations."}, {@code "Check"}). */
    static Ann inPackage(Element element, String packagePrefix, String simpleName) {
        return inEither(element, packagePrefix, null, simpleName);
    }

    private static Ann inEither(Element element, String first, String second, String simpleName) {
        if (element == null) {
            return null;
        }
        Ann fallback = null;
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            String name = qualifiedName(m);
            if (isIn(name, first, simpleName)) {
                return new Ann(m);
            }
            if (fallback == null && second != null && isIn(name, second, simpleName)) {
                fallback = new Ann(m);
            }
        }
        return fallback;
    }

    /**
     * Annotation type names, decoded once per type: javac decodes a name from its table on every
     * {@code toString()}, and these lookups ask for the same few dozen names thousands of times. Weak keys: a
     * compilation's symbols are not kept once it is over.
     */
    private static final Map<Element, String> NAMES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static String qualifiedName(AnnotationMirror m) {
        Element type = m.getAnnotationType().asElement();
        String name = NAMES.get(type);
        if (name == null) {
            name = ((TypeElement) type).getQualifiedName().toString();
            NAMES.put(type, name);
        }
        return name;
    }

    private static boolean isIn(String qualifiedName, String packagePrefix, String simpleName) {
        return qualifiedName.length() == packagePrefix.length() + simpleName.length()
                && qualifiedName.startsWith(packagePrefix) && qualifiedName.endsWith(simpleName);
    }

    static Ann named(Element element, String qualifiedName) {
        if (element == null) {
            return null;
        }
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (qualifiedName(m).equals(qualifiedName)) {
                return new Ann(m);
            }
        }
        return null;
    }

    static boolean hasJpa(Element element, String simpleName) {
        return jpa(element, simpleName) != null;
    }

    /** The annotation's simple type name, for messages. */
    String simpleName() {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }

    /** Whether the member was given explicitly (not left to its default). */
    boolean isSet(String member) {
        for (ExecutableElement e : mirror.getElementValues().keySet()) {
            if (e.getSimpleName().contentEquals(member)) {
                return true;
            }
        }
        return false;
    }

    Object value(String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue().getValue();
            }
        }
        for (Element e : mirror.getAnnotationType().asElement().getEnclosedElements()) {
            if (e instanceof ExecutableElement method && method.getSimpleName().contentEquals(member)) {
                AnnotationValue d = method.getDefaultValue();
                return d == null ? null : d.getValue();
            }
        }
        return null;
    }

    String string(String member) {
        Object v = value(member);
        return v == null ? "" : v.toString();
    }

    boolean bool(String member) {
        return Boolean.TRUE.equals(value(member));
    }

    int integer(String member) {
        Object v = value(member);
        return v instanceof Number n ? n.intValue() : 0;
    }

    long longValue(String member) {
        Object v = value(member);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    /** An enum member's constant name ({@code "STRING"}). */
    String enumName(String member) {
        Object v = value(member);
        return v instanceof VariableElement ve ? ve.getSimpleName().toString() : (v == null ? "" : v.toString());
    }

    TypeMirror type(String member) {
        Object v = value(member);
        return v instanceof TypeMirror t ? t : null;
    }

    /** A nested annotation member. */
    Ann annotation(String member) {
        Object v = value(member);
        return v instanceof AnnotationMirror m ? new Ann(m) : null;
    }

    /** An array-of-annotations member ({@code indexes}, {@code joinColumns}). */
    List<Ann> annotations(String member) {
        List<Ann> result = new ArrayList<>();
        for (AnnotationValue v : values(member)) {
            if (v.getValue() instanceof AnnotationMirror m) {
                result.add(new Ann(m));
            }
        }
        return result;
    }

    List<String> strings(String member) {
        List<String> result = new ArrayList<>();
        for (AnnotationValue v : values(member)) {
            result.add(v.getValue().toString());
        }
        return result;
    }

    private List<? extends AnnotationValue> values(String member) {
        Object v = value(member);
        if (v instanceof List<?> list) {
            List<AnnotationValue> out = new ArrayList<>();
            for (Object o : list) {
                out.add((AnnotationValue) o);
            }
            return out;
        }
        return List.of();
    }

    /** The member's own value, for pointing a diagnostic at it. */
    AnnotationValue annotationValue(String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(member)) {
                return e.getValue();
            }
        }
        return null;
    }
}
