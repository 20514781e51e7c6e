package io.github.entitymigrations.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A mapping the processor cannot turn into a schema. Thrown where found, caught per entity, and reported
 * once on {@link #element} so the compiler shows the right file and line.
 */
final class MappingException extends RuntimeException {

    private final transient Element element;
    private final transient AnnotationMirror annotation;

    MappingException(Element element, AnnotationMirror annotation, Message message, Object... args) {
        super(message.format(args));
        this.element = element;
        this.annotation = annotation;
    }

    MappingException(Element element, Message message, Object... args) {
        this(element, null, message, args);
    }

    Element element() {
        return element;
    }

    AnnotationMirror annotation() {
        return annotation;
    }
}
