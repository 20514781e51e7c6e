package io.github.entitymigrations.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads {@code AttributeConverter<X, Y>} type arguments without loading the converter. */
final class Converters {

    private Converters() {
    }

    /** Y, the database-side type of a converter class, or {@code null} if it does not implement one. */
    static TypeMirror databaseType(Types types, TypeMirror converter) {
        List<? extends TypeMirror> args = converterArguments(types, converter);
        return args == null ? null : args.get(1);
    }

    /** X, the entity-side type of a converter class. */
    static TypeMirror entityType(Types types, TypeMirror converter) {
        List<? extends TypeMirror> args = converterArguments(types, converter);
        return args == null ? null : args.get(0);
    }

    private static List<? extends TypeMirror> converterArguments(Types types, TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("jakarta.persistence.AttributeConverter") || name.equals("javax.persistence.AttributeConverter")) {
            List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
            return args.size() == 2 ? args : null;
        }
        for (TypeMirror s : types.directSupertypes(type)) {
            List<? extends TypeMirror> found = converterArguments(types, s);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
