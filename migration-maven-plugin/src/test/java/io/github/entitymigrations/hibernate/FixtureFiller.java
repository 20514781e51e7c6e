package io.github.entitymigrations.hibernate;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.MapsId;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.annotations.IdGeneratorType;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

/**
 * Builds one instance of an entity from Hibernate's own mapping model (so attribute overrides, property
 * access and inherited generic ids are seen exactly as Hibernate sees them): every basic attribute gets a
 * value that fits its column; embeddables (records too) are filled recursively; associations point at an
 * instance persisted earlier ({@link #persisted}), or stay empty when there is none yet; element
 * collections get one element, entity collections one target when one exists; mapped-by sides are left
 * alone. Ids are assigned unless generated or derived ({@code @MapsId}); a one-to-one over the primary key
 * takes its target's id.
 */
final class FixtureFiller {

    /** An association, as {@link FixtureOrder} needs it: required ones must point at a persisted instance. */
    record Dependency(String property, Class<?> target, boolean required) {
    }

    private final FixtureValues values = new FixtureValues();
    private final List<Object> persisted = new ArrayList<>();
    private final Function<Object, Object> idOf;

    /** @param idOf the identifier of a persisted instance */
    FixtureFiller(Function<Object, Object> idOf) {
        this.idOf = idOf;
    }

    /** Makes {@code entity} available as the target of later associations. */
    void persisted(Object entity) {
        persisted.add(entity);
    }

    Object build(PersistentClass entity) {
        Class<?> type = entity.getMappedClass();
        Object instance = instantiate(type);
        Property version = entity.getVersion();
        for (Property p : entity.getPropertyClosure()) {
            if (version != null && p.getName().equals(version.getName())) {
                continue; // Hibernate sets it
            }
            set(instance, type, p, valueOf(p, type));
        }
        assignId(entity, type, instance);
        return instance;
    }

    /** Every association of the entity, embedded ones included, except references to its own class. */
    static List<Dependency> dependencies(PersistentClass entity) {
        List<Dependency> out = new ArrayList<>();
        Class<?> type = entity.getMappedClass();
        entity.getPropertyClosure().forEach(p -> collect(p, type, type, out));
        return out;
    }

    private static void collect(Property p, Class<?> ownerType, Class<?> entityType, List<Dependency> out) {
        Value v = p.getValue();
        if (v instanceof Component c) {
            c.getProperties().forEach(child -> collect(child, c.getComponentClass(), entityType, out));
        } else if (v instanceof ToOne t && !isMappedBy(v)) {
            Class<?> target = classOf(t.getReferencedEntityName());
            boolean required = !p.isOptional() || t.getColumns().stream().anyMatch(col -> !col.isNullable())
                    || annotated(ownerType, p.getName(), NotNull.class);
            if (target != entityType) {
                out.add(new Dependency(p.getName(), target, required));
            }
        } else if (v instanceof Collection c && !c.isInverse() && targetEntity(c.getElement()) != null) {
            out.add(new Dependency(p.getName(), classOf(targetEntity(c.getElement())), false));
        }
    }

    /** The value for an attribute, or {@code null} to leave it as the constructor did. */
    private Object valueOf(Property p, Class<?> ownerType) {
        Value v = p.getValue();
        if (v instanceof BasicValue b) {
            return basic(b);
        }
        if (v instanceof Component c) {
            return component(c);
        }
        if (v instanceof ToOne t) {
            return isMappedBy(v) ? null : reference(t.getReferencedEntityName(), ownerType);
        }
        if (v instanceof Collection c) {
            return c.isInverse() ? null : collection(c);
        }
        throw new IllegalArgumentException("FixtureFiller cannot fill " + p.getName() + " of " + ownerType.getName()
                + " (" + v.getClass().getSimpleName() + ")");
    }

    private Object basic(BasicValue b) {
        var resolution = b.resolve();
        Column column = b.getColumns().isEmpty() ? null : b.getColumns().get(0);
        return values.of(resolution.getDomainJavaType().getJavaTypeClass(),
                resolution.getJdbcType().getDefaultSqlTypeCode(), column);
    }

    private Object component(Component c) {
        Class<?> type = c.getComponentClass();
        Map<String, Object> parts = new LinkedHashMap<>();
        for (Property p : c.getProperties()) {
            parts.put(p.getName(), valueOf(p, type));
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = parts.get(components[i].getName());
            }
            return construct(type, types, args);
        }
        Object instance = instantiate(type);
        c.getProperties().forEach(p -> set(instance, type, p, parts.get(p.getName())));
        return instance;
    }

    private Object collection(Collection c) {
        Value element = c.getElement();
        Object value = targetEntity(element) != null ? reference(targetEntity(element), null)
                : element instanceof Component e ? component(e) : basic((BasicValue) element);
        if (c instanceof org.hibernate.mapping.Map) {
            Value index = ((IndexedCollection) c).getIndex();
            // A map keyed by an entity (@MapKeyJoinColumn) needs a persisted key; without one it stays empty.
            Object key = index instanceof ToOne t ? reference(t.getReferencedEntityName(), null)
                    : basic((BasicValue) index);
            Map<Object, Object> map = new HashMap<>();
            if (value != null && key != null) {
                map.put(key, value);
            }
            return map;
        }
        java.util.Collection<Object> items = c instanceof org.hibernate.mapping.Set
                ? new HashSet<>() : new ArrayList<>();
        if (value != null) {
            items.add(value);
        }
        return items;
    }

    /** The latest persisted instance of the target entity (a subclass will do), other than the owner's own type. */
    private Object reference(String entityName, Class<?> ownerType) {
        Class<?> target = classOf(entityName);
        for (int i = persisted.size() - 1; i >= 0; i--) {
            Object candidate = persisted.get(i);
            if (target.isInstance(candidate) && candidate.getClass() != ownerType) {
                return candidate;
            }
        }
        return null;
    }

    private void assignId(PersistentClass entity, Class<?> type, Object instance) {
        if (entity.getIdentifierMapper() != null) { // @IdClass: the id attributes live on the entity
            entity.getIdentifierMapper().getProperties().forEach(p -> set(instance, type, p, valueOf(p, type)));
            return;
        }
        Property id = entity.getIdentifierProperty();
        if (id.getValue() instanceof Component key) { // @EmbeddedId, with @MapsId parts taken from the association
            Object value = component(key);
            for (Property association : entity.getPropertyClosure()) {
                MapsId mapsId = annotation(type, association.getName(), MapsId.class);
                Object target = association.getGetter(type).get(instance);
                if (mapsId != null && !mapsId.value().isEmpty() && target != null) {
                    key.getProperties().stream().filter(p -> p.getName().equals(mapsId.value())).findFirst()
                            .ifPresent(p -> set(value, key.getComponentClass(), p, idOf.apply(target)));
                }
            }
            set(instance, type, id, value);
            return;
        }
        if (generated(type, id.getName()) || entity.getPropertyClosure().stream()
                .anyMatch(p -> annotation(type, p.getName(), MapsId.class) != null)) {
            return; // generated, or derived from the @MapsId association
        }
        for (Property p : entity.getPropertyClosure()) {
            if (p.getValue() instanceof OneToOne && !isMappedBy(p.getValue())) { // shares the target's key
                Object target = p.getGetter(type).get(instance);
                set(instance, type, id, target == null ? null : idOf.apply(target));
                return;
            }
        }
        set(instance, type, id, valueOf(id, type));
    }

    private static boolean generated(Class<?> type, String property) {
        if (annotated(type, property, GeneratedValue.class)) {
            return true;
        }
        for (AnnotatedElement member : Members.of(type, property)) {
            for (Annotation a : member.getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(IdGeneratorType.class)) {
                    return true; // @UuidGenerator and the like
                }
            }
        }
        return false;
    }

    private static boolean isMappedBy(Value v) {
        return v instanceof OneToOne o && o.getMappedByProperty() != null;
    }

    private static String targetEntity(Value element) {
        if (element instanceof ToOne t) {
            return t.getReferencedEntityName();
        }
        return element instanceof OneToMany o ? o.getReferencedEntityName() : null;
    }

    private static boolean annotated(Class<?> type, String property, Class<? extends Annotation> annotation) {
        return annotation(type, property, annotation) != null;
    }

    private static <A extends Annotation> A annotation(Class<?> type, String property, Class<A> annotation) {
        return Members.of(type, property).stream().map(m -> m.getAnnotation(annotation))
                .filter(a -> a != null).findFirst().orElse(null);
    }

    private static void set(Object owner, Class<?> ownerType, Property p, Object value) {
        if (value != null) {
            p.getSetter(ownerType).set(owner, value);
        }
    }

    static Class<?> classOf(String entityName) {
        try {
            return Class.forName(entityName, false, FixtureFiller.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class for entity " + entityName, e);
        }
    }

    private static Object instantiate(Class<?> type) {
        return construct(type, new Class<?>[0], new Object[0]);
    }

    private static Object construct(Class<?> type, Class<?>[] types, Object[] args) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
    }
}
