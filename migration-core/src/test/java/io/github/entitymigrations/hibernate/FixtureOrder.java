package io.github.entitymigrations.hibernate;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.mapping.PersistentClass;

/** The order to persist entities in: each after the entities it refers to. */
final class FixtureOrder {

    private FixtureOrder() {
    }

    /**
     * Where optional references form a cycle (Department.head and Employee.department), the first entity
     * whose required references are met goes first, its optional ones left empty.
     */
    static List<PersistentClass> of(List<PersistentClass> entities) {
        List<PersistentClass> pending = new ArrayList<>(entities);
        List<Class<?>> done = new ArrayList<>();
        List<PersistentClass> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            PersistentClass next = pending.stream().filter(e -> met(e, done, false)).findFirst()
                    .or(() -> pending.stream().filter(e -> met(e, done, true)).findFirst())
                    .orElseThrow(() -> new AssertionError("required associations form a cycle among "
                            + pending.stream().map(PersistentClass::getEntityName).toList()));
            pending.remove(next);
            done.add(next.getMappedClass());
            ordered.add(next);
        }
        return ordered;
    }

    private static boolean met(PersistentClass entity, List<Class<?>> done, boolean requiredOnly) {
        return FixtureFiller.dependencies(entity).stream()
                .filter(d -> d.required() || !requiredOnly)
                .allMatch(d -> done.stream().anyMatch(d.target()::isAssignableFrom));
    }
}
