package io.github.entitymigrations.hibernate;

import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.fixtures.content.SmsNotification;
import io.github.entitymigrations.fixtures.content.Video;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.Audited;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.type.SqlTypes;

/**
 * Persists one instance of every concrete fixture entity, each after the entities it refers to, then reads
 * every one back in a new session and compares up to two attributes and the size of every collection it
 * owns (element collections and join tables). Abstract entities are read back through a query on the root,
 * which returns their subclasses' rows.
 */
final class FixtureRoundTrip {

    /** Attribute types whose values come back from both databases exactly as they went in (and enums). */
    private static final Set<Class<?>> COMPARABLE = Set.of(String.class, Integer.class, int.class, Long.class,
            long.class, Short.class, short.class, Boolean.class, boolean.class);

    /**
     * Fixtures that a schema Hibernate itself creates may be unable to store, each with the column that would refuse
     * them: a subclass column of a SINGLE_TABLE hierarchy that Hibernate makes NOT NULL in the shared table, so every
     * sibling subclass leaves it null and is refused. Hibernate's own DDL says so (see migration-processor's
     * target/hibernate-reference-jpa.sql), and the snapshot matches Hibernate, as it must.
     * <ul>
     *   <li>{@code EmailNotification.customer}, {@code @ManyToOne(optional = false)}: notifications.customer_id
     *       (NOT NULL in Hibernate 6.6's schema, nullable in 7's), so no {@code SmsNotification} can be stored on
     *       6.6's;</li>
     *   <li>{@code Article.body}, {@code @Column(nullable = false)}: Document.body, so no {@code Video}.</li>
     * </ul>
     * Which of them the running Hibernate refuses is read from its own model ({@link #refused}): each is then still
     * persisted, alone, and must be refused for exactly that reason; once it is stored, it belongs with the others.
     */
    static final Map<Class<?>, String> REFUSED_BY_HIBERNATES_OWN_SCHEMA = Map.of(
            SmsNotification.class, "customer_id",
            Video.class, "body");

    private record Saved(PersistentClass entity, Object instance, Object id) {
    }

    private final SessionFactory factory;
    private final Metadata metadata;
    private final Map<Class<?>, String> unreadableByFind;
    /** {@link #REFUSED_BY_HIBERNATES_OWN_SCHEMA} as the running Hibernate maps it. */
    private final Map<Class<?>, String> refused;
    private final List<Class<?>> entities;
    private final List<String> log = new ArrayList<>();

    /**
     * @param unreadableByFind entities that {@code find} cannot load on this database, each with the message it
     *                         fails with; they are read back by a query of their compared attributes instead
     */
    FixtureRoundTrip(SessionFactory factory, Metadata metadata, Map<Class<?>, String> unreadableByFind) {
        this(factory, metadata, unreadableByFind, FixtureEntities.ALL);
    }

    /** Over {@code entities} instead of {@link FixtureEntities#ALL}. */
    FixtureRoundTrip(SessionFactory factory, Metadata metadata, Map<Class<?>, String> unreadableByFind,
                     List<Class<?>> entities) {
        this.entities = entities;
        this.factory = factory;
        this.metadata = metadata;
        this.unreadableByFind = unreadableByFind;
        this.refused = refused(metadata);
    }

    /**
     * The fixtures of {@link #REFUSED_BY_HIBERNATES_OWN_SCHEMA} whose column the running Hibernate version maps NOT
     * NULL, each with that column.
     */
    private static Map<Class<?>, String> refused(Metadata metadata) {
        Map<Class<?>, String> refused = new java.util.HashMap<>();
        REFUSED_BY_HIBERNATES_OWN_SCHEMA.forEach((type, column) -> {
            org.hibernate.mapping.Column mapped = metadata.getEntityBinding(type.getName()).getTable()
                    .getColumn(org.hibernate.boot.model.naming.Identifier.toIdentifier(column));
            if (mapped == null) {
                throw new AssertionError(type.getSimpleName() + "'s table has no column " + column
                        + ": update FixtureRoundTrip.REFUSED_BY_HIBERNATES_OWN_SCHEMA");
            }
            if (!mapped.isNullable()) {
                refused.put(type, column);
            }
        });
        return refused;
    }

    /** One line per entity: what was persisted and what was read back. */
    List<String> log() {
        return log;
    }

    /** Persists and reads back; returns every problem found, empty when all came back. */
    List<String> run() {
        FixtureFiller filler = new FixtureFiller(factory.getPersistenceUnitUtil()::getIdentifier,
                metadata::getEntityBinding);
        List<Saved> saved = persistAll(filler);
        List<String> problems = new ArrayList<>();
        refused.forEach((type, column) -> {
            if (entities.contains(type)) {
                persistRefused(filler, type, column).ifPresent(problems::add);
            }
        });
        saved.forEach(s -> inTransaction(session -> readBack(session, s)).ifPresent(problems::add));
        saved.stream().filter(s -> s.entity().getMappedClass().isAnnotationPresent(Audited.class))
                .forEach(s -> inTransaction(session -> readRevision(session, s)).ifPresent(problems::add));
        for (Class<?> type : entities) {
            if (Modifier.isAbstract(type.getModifiers())) {
                inTransaction(session -> countRows(session, type)).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private List<Saved> persistAll(FixtureFiller filler) {
        List<Saved> saved = new ArrayList<>();
        try (Session session = factory.openSession()) {
            for (PersistentClass entity : FixtureOrder.of(concreteEntities())) {
                Object instance = filler.build(entity);
                // One transaction per entity, so a failure names it, and so no SQLite write lock is held when
                // Hibernate's table-backed sequences take their next value on a connection of their own.
                try {
                    session.beginTransaction();
                    session.persist(instance);
                    session.getTransaction().commit();
                } catch (RuntimeException e) {
                    throw new AssertionError("persisting " + entity.getEntityName() + " failed: " + messages(e), e);
                }
                filler.persisted(instance);
                Object id = factory.getPersistenceUnitUtil().getIdentifier(instance);
                saved.add(new Saved(entity, instance, id));
                log.add("persisted " + entity.getMappedClass().getSimpleName() + " id " + id);
            }
        }
        return saved;
    }

    private Optional<String> persistRefused(FixtureFiller filler, Class<?> type, String column) {
        try (Session session = factory.openSession()) {
            session.beginTransaction();
            try {
                session.persist(filler.build(metadata.getEntityBinding(type.getName())));
                session.flush();
            } catch (RuntimeException e) {
                log.add("refused " + type.getSimpleName() + ", as in Hibernate's own schema: " + messages(e));
                return messages(e).contains(column) ? Optional.empty() : Optional.of(type.getSimpleName()
                        + " was refused for another reason than " + column + ": " + messages(e));
            } finally {
                session.getTransaction().rollback();
            }
        }
        return Optional.of(type.getSimpleName() + " was stored although " + column + " should refuse it: remove it "
                + "from FixtureRoundTrip.REFUSED_BY_HIBERNATES_OWN_SCHEMA");
    }

    /** Runs {@code work} in a session and transaction of its own (PostgreSQL reads @Lob values only in one). */
    private Optional<String> inTransaction(Function<Session, Optional<String>> work) {
        try (Session session = factory.openSession()) {
            session.beginTransaction();
            try {
                return work.apply(session);
            } finally {
                session.getTransaction().rollback();
            }
        }
    }

    /**
     * An entity Envers audits: its first revision, read back through Envers from the audit tables the migrations
     * created (Envers wrote it, with a {@code REVINFO} row, when the entity was persisted).
     */
    private Optional<String> readRevision(Session session, Saved s) {
        Class<?> type = s.entity().getMappedClass();
        AuditReader reader = AuditReaderFactory.get(session);
        List<Number> revisions = reader.getRevisions(type, s.id());
        if (revisions.isEmpty()) {
            return Optional.of(type.getSimpleName() + ": Envers recorded no revision");
        }
        Object audited = reader.find(type, s.id(), revisions.get(0));
        return audited != null && Objects.equals(factory.getPersistenceUnitUtil().getIdentifier(audited), s.id())
                ? Optional.empty()
                : Optional.of(type.getSimpleName() + ": Envers did not read back revision " + revisions.get(0));
    }

    private Optional<String> readBack(Session session, Saved s) {
        Class<?> type = s.entity().getMappedClass();
        String label = type.getSimpleName() + " id " + s.id();
        String failsWith = unreadableByFind.get(type);
        List<String> compared = new ArrayList<>();
        try {
            Object loaded = failsWith == null ? session.find(type, s.id()) : null;
            if (failsWith == null && loaded == null) {
                return Optional.of(label + ": not found after persisting it");
            }
            for (Property p : comparable(s.entity())) {
                Object expected = p.getGetter(type).get(s.instance());
                Object actual = failsWith == null ? p.getGetter(type).get(loaded)
                        : session.createQuery("select e." + p.getName() + " from " + s.entity().getEntityName()
                                + " e where id(e) = :id", Object.class).setParameter("id", s.id()).getSingleResult();
                if (!Objects.deepEquals(expected, actual)) { // deep: a basic array's elements
                    return Optional.of(label + ": " + p.getName() + " is " + Arrays.deepToString(new Object[] {actual})
                            + ", expected " + Arrays.deepToString(new Object[] {expected}));
                }
                compared.add(p.getName() + "=" + actual);
            }
            for (Property p : failsWith == null ? s.entity().getPropertyClosure() : List.<Property>of()) {
                if (p.getValue() instanceof Collection c && !c.isInverse()) { // element collections, join tables
                    int expected = size(p.getGetter(type).get(s.instance()));
                    int actual = size(p.getGetter(type).get(loaded));
                    if (expected != actual) {
                        return Optional.of(label + ": " + p.getName() + " has " + actual + " element(s), expected "
                                + expected);
                    }
                    compared.add(p.getName() + "[" + actual + "]");
                }
            }
        } catch (RuntimeException e) {
            return Optional.of(label + ": reading it back failed: " + messages(e));
        }
        if (compared.isEmpty()) {
            return Optional.of(type.getSimpleName() + ": no attribute to compare; FixtureRoundTrip.comparable "
                    + "needs another type");
        }
        log.add("read back " + label + (failsWith == null ? "" : " by a query") + ": " + String.join(", ", compared));
        return failsWith == null ? Optional.empty() : findStillFails(s, failsWith);
    }

    private static int size(Object collection) {
        return collection instanceof Map<?, ?> m ? m.size() : ((java.util.Collection<?>) collection).size();
    }

    /** Pins a known limitation: once {@code find} works, the entity belongs with the others. */
    private Optional<String> findStillFails(Saved s, String failsWith) {
        Class<?> type = s.entity().getMappedClass();
        try {
            inTransaction(session -> Optional.ofNullable(session.find(type, s.id())).map(Object::toString));
        } catch (RuntimeException e) {
            if (messages(e).contains(failsWith)) {
                log.add("  find(" + type.getSimpleName() + ") fails as documented: " + failsWith);
                return Optional.empty();
            }
            return Optional.of(type.getSimpleName() + ": find failed for another reason than \"" + failsWith + "\": "
                    + messages(e));
        }
        return Optional.of(type.getSimpleName() + ": find works now; drop it from the entities read by a query");
    }

    private Optional<String> countRows(Session session, Class<?> type) {
        long rows = session.createQuery("select count(e) from " + type.getName() + " e", Long.class).getSingleResult();
        log.add("read back " + type.getSimpleName() + " (abstract): " + rows + " row(s) of its subclasses");
        return rows > 0 ? Optional.empty()
                : Optional.of(type.getSimpleName() + ": a query on the abstract entity found no rows");
    }

    /**
     * The first two plain attributes (not the id, not the version, not JSON), every {@code @Nationalized} one
     * (Unicode text) and every basic array ({@code String[]}, {@code List<String>}: element by element).
     */
    private static List<Property> comparable(PersistentClass entity) {
        List<Property> all = comparableBasics(entity);
        List<Property> chosen = new ArrayList<>(all.subList(0, Math.min(2, all.size())));
        for (Property p : all.subList(chosen.size(), all.size())) {
            if (Members.annotated(entity.getMappedClass(), p.getName(),
                    org.hibernate.annotations.Nationalized.class)) {
                chosen.add(p);
            }
        }
        for (Property p : entity.getPropertyClosure()) {
            if (p.getValue() instanceof BasicValue b && b.resolve().getDomainJavaType()
                    instanceof org.hibernate.type.descriptor.java.BasicPluralJavaType<?>) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private static List<Property> comparableBasics(PersistentClass entity) {
        Property version = entity.getVersion();
        return entity.getPropertyClosure().stream()
                .filter(p -> version == null || !p.getName().equals(version.getName()))
                // a read-only view of a column another attribute writes reads back that attribute's value
                .filter(Property::isInsertable)
                .filter(p -> p.getValue() instanceof BasicValue b
                        && comparable(b.resolve().getDomainJavaType().getJavaTypeClass())
                        && b.resolve().getJdbcType().getDefaultSqlTypeCode() != SqlTypes.JSON)
                .toList();
    }

    private static boolean comparable(Class<?> type) {
        return COMPARABLE.contains(type) || type.isEnum();
    }

    private List<PersistentClass> concreteEntities() {
        List<PersistentClass> concrete = new ArrayList<>();
        for (Class<?> type : entities) {
            PersistentClass entity = metadata.getEntityBinding(type.getName());
            if (entity == null) {
                throw new AssertionError(type.getName() + " is among the fixtures but Hibernate did not map it");
            }
            if (!Modifier.isAbstract(type.getModifiers()) && !refused.containsKey(type)) {
                concrete.add(entity);
            }
        }
        concrete.sort(Comparator.comparing(PersistentClass::getEntityName));
        return concrete;
    }

    static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return out.toString();
    }
}
