package io.github.entitymigrations.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 *
 * <p>Inside {@link #cached} (the snapshot's build) an element's annotations are read once, each annotation's
 * explicit members are decoded once, and each annotation type's defaults once: javac builds a new map on
 * every {@link AnnotationMirror#getElementValues()} and a new list on every
 * {@link Element#getEnclosedElements()}, and the binders ask the same attribute for a dozen annotations and
 * the same annotation for a dozen members.
 */
final class Ann {

    static final String JAKARTA = "jakarta.persistence.";
    static final String JAVAX = "javax.persistence.";

    static final String JAKARTA_VALIDATION = "jakarta.validation.constraints.";
    static final String JAVAX_VALIDATION = "javax.validation.constraints.";

    private final AnnotationMirror mirror;
    /** The annotation type's name, split for lookups; null for a nested annotation (never looked up). */
    private final TypeName type;
    /** The explicit members' names and values, decoded on first use (a few per annotation: a scan is fastest). */
    private String[] explicitNames;
    private AnnotationValue[] explicitValues;

    Ann(AnnotationMirror mirror) {
        this(mirror, null);
    }

    private Ann(AnnotationMirror mirror, TypeName type) {
        this.mirror = mirror;
        this.type = type;
    }

    /**
     * An annotation type's name, split once per type: lookups compare a hash and then the simple name, and the
     * package by identity first (its text is interned, as the package constants callers pass are). These lookups
     * run for every attribute and annotation name, tens of thousands of times in a large model, much of it before
     * the JIT has compiled them: string prefix and suffix tests on every annotation of the element were a quarter of
     * the processor's interpreted work.
     */
    private record TypeName(String qualified, int qualifiedHash, String prefix, String simple, int simpleHash) {

        static TypeName of(Element annotationType) {
            String qualified = ((TypeElement) annotationType).getQualifiedName().toString();
            int dot = qualified.lastIndexOf('.');
            String simple = qualified.substring(dot + 1);
            return new TypeName(qualified, qualified.hashCode(), qualified.substring(0, dot + 1).intern(), simple,
                    simple.hashCode());
        }

        boolean inPackage(String packagePrefix) {
            return prefix == packagePrefix || prefix.equals(packagePrefix);
        }
    }

    AnnotationMirror mirror() {
        return mirror;
    }

    /**
     * Runs {@code work} with the per-compilation caches on (for this thread), and drops them after: nothing of
     * a compilation's symbols is kept once it is over. The caches start at a size for about {@code types} top-level
     * types (at most 4,096 counted) instead of growing through a large model, each growth rehashing every entry.
     */
    static <T> T cached(int types, java.util.function.Supplier<T> work) {
        Cache previous = CACHE.get();
        CACHE.set(new Cache(Math.min(types, 4096)));
        try {
            return work.get();
        } finally {
            last = null;
            if (previous == null) {
                CACHE.remove();
            } else {
                CACHE.set(previous);
            }
        }
    }

    private static final ThreadLocal<Cache> CACHE = new ThreadLocal<>();
    /**
     * The cache last looked up, with its thread: asked hundreds of thousands of times in a build, and javac's
     * thread has enough thread-locals that {@link ThreadLocal#get} probes past misses.
     */
    private static volatile Cache last;

    /** What {@link #cached} keeps: by identity, as javac hands out the same symbols and mirrors. */
    private static final class Cache {
        final Thread thread = Thread.currentThread();
        /** Annotated elements: an entity's class and its fields or getters, some annotated several times. */
        final Map<Element, Ann[]> annotations;
        final Map<Element, Map<String, Object>> defaults = new IdentityHashMap<>();
        /** Annotation type names: a few dozen types, so a small map that stays in the CPU's cache. */
        final Map<Element, TypeName> names = new IdentityHashMap<>();
        /** Other types' qualified names ({@link #qualifiedNameOf}). */
        final Map<Element, String> typeNames;
        /** Simple names of members and annotation members ({@link #simpleNameOf}): fields, getters, setters. */
        final Map<Element, String> simpleNames;
        /** Classes' members ({@link #enclosedElementsOf}). */
        final Map<Element, List<? extends Element>> members;
        /**
         * The element {@link #annotationsOf} was last asked for, and its answer: the binders ask one attribute's
         * field for a dozen annotations in a row (column, type, checks, defaults), hundreds of thousands of lookups
         * in a large model, and this saves javac's list and the identity map's probe for all but the first.
         */
        Element lastElement;
        Ann[] lastAnnotations;

        /** @param types about how many top-level types the compilation has (sizes only) */
        Cache(int types) {
            annotations = new IdentityHashMap<>(Math.max(4096, types * 16));
            typeNames = new IdentityHashMap<>(Math.max(2048, types * 2));
            simpleNames = new IdentityHashMap<>(Math.max(8192, types * 48));
            members = new IdentityHashMap<>(Math.max(2048, types * 2));
        }
    }

    /**
     * A class's members, read once per compilation inside {@link #cached}: javac builds a new list on every
     * {@code getEnclosedElements()}, and the processor walks each compiled class for nested types before the
     * schema's build reads the same members.
     */
    static List<? extends Element> enclosedElementsOf(TypeElement type) {
        Cache cache = cache();
        if (cache == null) {
            return type.getEnclosedElements();
        }
        List<? extends Element> members = cache.members.get(type);
        if (members == null) {
            members = type.getEnclosedElements();
            cache.members.put(type, members);
        }
        return members;
    }

    /** This thread's cache, or null outside {@link #cached}. */
    private static Cache cache() {
        Cache c = last;
        if (c != null && c.thread == Thread.currentThread()) {
            return c;
        }
        c = CACHE.get();
        if (c != null) {
            last = c;
        }
        return c;
    }

    /**
     * A type's qualified name, decoded once per compilation inside {@link #cached} (javac decodes a name from its
     * table on every {@code toString()}; the binders ask for the same types' names for every attribute).
     */
    static String qualifiedNameOf(TypeElement type) {
        Cache cache = cache();
        return cache == null ? type.getQualifiedName().toString() : remembered(cache.typeNames, type, true);
    }

    /** An element's simple name, decoded once per compilation inside {@link #cached}. */
    static String simpleNameOf(Element element) {
        Cache cache = cache();
        return cache == null ? element.getSimpleName().toString() : remembered(cache.simpleNames, element, false);
    }

    private static String remembered(Map<Element, String> names, Element element, boolean qualified) {
        String name = names.get(element);
        if (name == null) {
            name = (qualified ? ((TypeElement) element).getQualifiedName() : element.getSimpleName()).toString();
            names.put(element, name);
        }
        return name;
    }

    private static final Ann[] NONE = new Ann[0];

    /**
     * These annotation mirrors (an element's), each with its type's name: from {@code cache} when given (inside
     * {@link #cached}), else from the names kept across compilations.
     */
    private static Ann[] read(List<? extends AnnotationMirror> mirrors, Cache cache) {
        if (mirrors.isEmpty()) {
            return NONE;
        }
        Ann[] result = new Ann[mirrors.size()];
        int i = 0;
        for (AnnotationMirror m : mirrors) {
            result[i++] = new Ann(m, typeName(cache == null ? NAMES : cache.names, m));
        }
        return result;
    }

    /**
     * The element's annotations, kept for the build when it has any: the same {@link Ann}s, with their members
     * decoded once, whichever binder asks.
     */
    static Ann[] annotationsOf(Element element) {
        Cache cache = cache();
        if (cache == null) {
            return read(element.getAnnotationMirrors(), null);
        }
        if (element == cache.lastElement) {
            return cache.lastAnnotations;
        }
        List<? extends AnnotationMirror> mirrors = element.getAnnotationMirrors();
        Ann[] known;
        if (mirrors.isEmpty()) {
            known = NONE; // most getters and setters: nothing to keep
        } else {
            known = cache.annotations.get(element);
            if (known == null) {
                known = read(mirrors, cache);
                cache.annotations.put(element, known);
            }
        }
        cache.lastElement = element;
        cache.lastAnnotations = known;
        return known;
    }

    /** Among {@code annotations}, {@code first + simpleName}, else {@code second + simpleName} (may be null). */
    static Ann find(Ann[] annotations, String first, String second, String simpleName) {
        if (annotations.length == 0) {
            return null;
        }
        int hash = simpleName.hashCode();
        Ann fallback = null;
        for (Ann a : annotations) {
            TypeName t = a.type;
            if (t.simpleHash != hash || !t.simple.equals(simpleName)) {
                continue;
            }
            if (t.inPackage(first)) {
                return a;
            }
            if (fallback == null && second != null && t.inPackage(second)) {
                fallback = a;
            }
        }
        return fallback;
    }

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
    private static Ann inEither(Element element, String first, String second, String simpleName) {
        return element == null ? null : find(annotationsOf(element), first, second, simpleName);
    }

    /**
     * Annotation type names, decoded once per type: javac decodes a name from its table on every
     * {@code toString()}, and these lookups ask for the same few dozen names thousands of times. Weak keys: a
     * compilation's symbols are not kept once it is over.
     */
    private static final Map<Element, TypeName> NAMES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The mirror's annotation type name, from {@code names} (the compilation's, or {@link #NAMES}), else made. */
    private static TypeName typeName(Map<Element, TypeName> names, AnnotationMirror m) {
        Element type = m.getAnnotationType().asElement();
        TypeName name = names.get(type);
        if (name == null) {
            name = TypeName.of(type);
            names.put(type, name);
        }
        return name;
    }

    static Ann named(Element element, String qualifiedName) {
        if (element == null) {
            return null;
        }
        Ann[] annotations = annotationsOf(element);
        if (annotations.length == 0) {
            return null;
        }
        int hash = qualifiedName.hashCode();
        for (Ann a : annotations) {
            if (a.type.qualifiedHash == hash && a.type.qualified.equals(qualifiedName)) {
                return a;
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

    /** The explicit members' names and values, in their order, decoded once. */
    private void decode() {
        Map<? extends ExecutableElement, ? extends AnnotationValue> given = mirror.getElementValues();
        String[] names = new String[given.size()];
        AnnotationValue[] values = new AnnotationValue[names.length];
        int i = 0;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : given.entrySet()) {
            names[i] = simpleNameOf(e.getKey());
            values[i++] = e.getValue();
        }
        explicitValues = values;
        explicitNames = names;
    }

    /** The member's explicit value, or null when it is left to its default. */
    private AnnotationValue explicit(String member) {
        if (explicitNames == null) {
            decode();
        }
        for (int i = 0; i < explicitNames.length; i++) {
            if (explicitNames[i].equals(member)) {
                return explicitValues[i];
            }
        }
        return null;
    }

    /** Whether the member was given explicitly (not left to its default). */
    boolean isSet(String member) {
        return explicit(member) != null;
    }

    Object value(String member) {
        AnnotationValue given = explicit(member);
        if (given != null) {
            return given.getValue();
        }
        Cache cache = cache();
        Element type = mirror.getAnnotationType().asElement();
        if (cache != null) {
            Map<String, Object> defaults = cache.defaults.get(type);
            if (defaults == null) {
                defaults = defaults(type);
                cache.defaults.put(type, defaults);
            }
            return defaults.get(member);
        }
        return defaults(type).get(member);
    }

    /** The annotation type's members by name, to their default values (null without one). */
    private static Map<String, Object> defaults(Element annotationType) {
        Map<String, Object> result = new HashMap<>();
        for (Element e : annotationType.getEnclosedElements()) {
            if (e instanceof ExecutableElement method) {
                AnnotationValue d = method.getDefaultValue();
                result.putIfAbsent(method.getSimpleName().toString(), d == null ? null : d.getValue());
            }
        }
        return result;
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
        return explicit(member);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ann other && mirror.equals(other.mirror);
    }

    @Override
    public int hashCode() {
        return mirror.hashCode();
    }

    @Override
    public String toString() {
        return "Ann[mirror=" + mirror + "]";
    }
}
