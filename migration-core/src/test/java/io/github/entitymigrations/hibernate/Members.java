package io.github.entitymigrations.hibernate;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** The field and the getter behind a mapped attribute, wherever in the class hierarchy they are declared. */
final class Members {

    private Members() {
    }

    static List<AnnotatedElement> of(Class<?> type, String property) {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        List<AnnotatedElement> members = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(property)) {
                    members.add(f);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0
                        && (m.getName().equals("get" + capitalized) || m.getName().equals("is" + capitalized))) {
                    members.add(m);
                }
            }
        }
        return members;
    }

    /** Whether the field or the getter behind the attribute carries the annotation. */
    static boolean annotated(Class<?> type, String property, Class<? extends Annotation> annotation) {
        return annotation(type, property, annotation) != null;
    }

    /** The annotation on the field or the getter behind the attribute, the first found; null if neither has it. */
    static <A extends Annotation> A annotation(Class<?> type, String property, Class<A> annotation) {
        return of(type, property).stream().map(m -> m.getAnnotation(annotation))
                .filter(a -> a != null).findFirst().orElse(null);
    }
}
