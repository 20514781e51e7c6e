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
import org.hibernate.annotations.Nationalized;
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
 * takes its target's id. A column that an association maps together with basic attributes (one of the
 * mappings read-only) gets the target's key value through those attributes, or its foreign key would fail.
 */
final class FixtureFiller {

    /** An association, as {@link FixtureOrder} needs it: required ones must point at a persisted instance. */
    record Dependency(String property, Class<?> target, boolean required) {
    }

    private final FixtureValues values = new FixtureValues();
    private final List<Object> persisted = new ArrayList<>();
    private final Function<Object, Object> idOf;
    private final Function<String, PersistentClass> bindings;

    /**
     * @param idOf     the identifier of a persisted instance
     * @param bindings Hibernate's mapping of an entity, by entity name
     */
    FixtureFiller(Function<Object, Object> idOf, Function<String, PersistentClass> bindings) {
        this.idOf = idOf;
        this.bindings = bindings;
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
        alignSharedColumns(entity, type, instance);
        return instance;
    }

    /** Where a basic attribute's value lives: the object holding it (the entity, an embeddable, an id). */
    private record Slot(Object holder, Class<?> holderType, Property property) {
    }

    /**
     * Sets every basic attribute that maps a column of a to-one association to the value the association's
     * target has in the column it references.
     */
    private void alignSharedColumns(PersistentClass entity, Class<?> type, Object instance) {
        Map<String, Slot> slots = new HashMap<>();
        keyProperties(entity, type, instance).forEach((holder, props) -> props.forEach(
                p -> collectSlots(holder, p, slots)));
        entity.getPropertyClosure().forEach(p -> collectSlots(new Slot(instance, type, p), p, slots));
        for (Property p : entity.getPropertyClosure()) {
            if (!(p.getValue() instanceof ToOne t) || isMappedBy(t) || !t.isReferenceToPrimaryKey()) {
                continue;
            }
            Object target = p.getGetter(type).get(instance);
            if (target == null) {
                continue;
            }
            Map<String, Object> keyValues = keyValues(target);
            List<Column> referenced = bindings.apply(t.getReferencedEntityName()).getKey().getColumns();
            List<Column> columns = t.getColumns();
            for (int i = 0; i < columns.size() && i < referenced.size(); i++) {
                Slot slot = slots.get(columns.get(i).getName());
                if (slot != null) {
                    set(slot.holder(), slot.holderType(), slot.property(), keyValues.get(referenced.get(i).getName()));
                }
            }
        }
    }

    /** The key attributes of an entity, by the slot of the object holding them. */
    private Map<Slot, List<Property>> keyProperties(PersistentClass entity, Class<?> type, Object instance) {
        Map<Slot, List<Property>> out = new LinkedHashMap<>();
        if (entity.getIdentifierMapper() != null) { // @IdClass: the id attributes live on the entity
            out.put(new Slot(instance, type, null), entity.getIdentifierMapper().getProperties());
        } else if (entity.getIdentifierProperty() != null) {
            Property id = entity.getIdentifierProperty();
            if (id.getValue() instanceof Component key) {
                Object value = id.getGetter(type).get(instance);
                if (value != null) {
                    out.put(new Slot(value, key.getComponentClass(), null), key.getProperties());
                }
            } else {
                out.put(new Slot(instance, type, null), List.of(id));
            }
        }
        return out;
    }

    private static void collectSlots(Slot holder, Property p, Map<String, Slot> slots) {
        if (p.getValue() instanceof BasicValue b && b.getColumns().size() == 1) {
            slots.putIfAbsent(b.getColumns().get(0).getName(), new Slot(holder.holder(), holder.holderType(), p));
        }
    }

    /** The persisted target's value in each of its key columns. */
    private Map<String, Object> keyValues(Object target) {
        PersistentClass binding = bindings.apply(target.getClass().getName());
        Map<String, Object> out = new HashMap<>();
        keyProperties(binding, target.getClass(), target).forEach((holder, props) -> props.forEach(p -> {
            if (p.getValue() instanceof BasicValue b && b.getColumns().size() == 1) {
                Object value = holder.holder() == target && props.size() == 1 && binding.getIdentifierMapper() == null
                        ? idOf.apply(target) : p.getGetter(holder.holderType()).get(holder.holder());
                out.put(b.getColumns().get(0).getName(), value);
            }
        }));
        return out;
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
                    || Members.annotated(ownerType, p.getName(), NotNull.class);
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
            return basic(b, Members.annotated(ownerType, p.getName(), Nationalized.class));
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
        return basic(b, false);
    }

    private Object basic(BasicValue b, boolean nationalized) {
        var resolution = b.resolve();
        Column column = b.getColumns().isEmpty() ? null : b.getColumns().get(0);
        return values.of(resolution.getDomainJavaType().getJavaTypeClass(),
                resolution.getJdbcType().getDefaultSqlTypeCode(), column, nationalized);
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
                MapsId mapsId = Members.annotation(type, association.getName(), MapsId.class);
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
                .anyMatch(p -> Members.annotation(type, p.getName(), MapsId.class) != null)) {
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
        if (Members.annotated(type, property, GeneratedValue.class)) {
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
