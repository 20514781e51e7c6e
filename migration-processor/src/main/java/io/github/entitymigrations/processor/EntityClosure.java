package io.github.entitymigrations.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The compiled entities plus every entity they reach: entity superclasses and association targets,
 * also through embeddables. Hibernate needs those tables too, even when their classes come from a
 * dependency rather than this compilation.
 */
final class EntityClosure {

    private final SchemaBuilder b;

    EntityClosure(SchemaBuilder builder) {
        this.b = builder;
    }

    List<TypeElement> of(List<TypeElement> entities) {
        Set<TypeElement> seen = new LinkedHashSet<>();
        Deque<TypeElement> work = new ArrayDeque<>(entities);
        while (!work.isEmpty()) {
            TypeElement type = work.pop();
            if (type == null || !seen.add(type)) {
                continue;
            }
            for (TypeElement s = b.scanner.superclass(type); s != null; s = b.scanner.superclass(s)) {
                if (EntityScanner.isEntity(s)) {
                    work.push(s);
                }
            }
            try {
                boolean fields = b.scanner.hierarchyUsesFields(type);
                collectTargets(b.scanner.scan(type).attributes(), fields, work, new LinkedHashSet<>());
            } catch (RuntimeException e) {
                // Reported with its entity when the schema is built.
            }
        }
        return List.copyOf(seen);
    }

    private void collectTargets(List<Attribute> attributes, boolean fields, Deque<TypeElement> work,
                                Set<TypeElement> embeddablesSeen) {
        for (Attribute a : attributes) {
            if (a.isAssociation()) {
                TypeMirror target = a.isToOne() ? a.type() : AssociationBinder.elementType(a.type());
                TypeElement element = target instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
                if (element != null && EntityScanner.isEntity(element)) {
                    work.push(element);
                } else if (element != null && EntityScanner.isEmbeddable(element) && embeddablesSeen.add(element)) {
                    collectTargets(b.scanner.embeddableAttributes(element, fields), fields, work, embeddablesSeen);
                }
            } else if (a.type() instanceof DeclaredType d && EntityScanner.isEmbeddable(d.asElement())
                    && embeddablesSeen.add((TypeElement) d.asElement())) {
                collectTargets(b.scanner.embeddableAttributes((TypeElement) d.asElement(), fields), fields, work,
                        embeddablesSeen);
            }
        }
    }
}
