package io.github.entitymigrations.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The order in which Hibernate binds one entity's mappings, as comparable strings. It decides which of
 * several mappings of one column gives the column its attributes (Hibernate's table keeps the first):
 * key columns first, then basic and embedded attributes (class by class from the top of the hierarchy, each
 * class's attributes in alphabetical order, as Hibernate's PropertyContainer sorts them), then the join
 * columns of to-one associations, which Hibernate binds in a second pass.
 */
final class BindingOrder {

    static final String KEY = "0";

    private BindingOrder() {
    }

    static String basic(Scope scope, Attribute a) {
        return "1" + position(scope, a);
    }

    static String toOne(Scope scope, Attribute a) {
        return "2" + position(scope, a);
    }

    /** The order a column's mapping was given, or {@code null} when it has none. */
    static String of(java.util.function.Supplier<String> order) {
        return order == null ? null : order.get();
    }

    /** Whether a mapping at {@code order} is bound before one at {@code other} (unknown orders never are). */
    static boolean before(String order, String other) {
        return order != null && other != null && order.compareTo(other) < 0;
    }

    private static String position(Scope scope, Attribute a) {
        String path = scope.path().isEmpty() ? a.name() : scope.path() + "." + a.name();
        int dot = path.indexOf('.');
        String top = dot < 0 ? path : path.substring(0, dot);
        int depth = 0;
        for (Attribute x : scope.owner().attributes()) {
            if (x.name().equals(top)) {
                depth = depth(x.declarer());
                break;
            }
        }
        // "%03d:%s" without String.format, which costs more than the rest of binding a column
        String digits = Integer.toString(depth);
        return "000".substring(Math.min(3, digits.length())) + digits + ":" + path;
    }

    private static int depth(TypeElement type) {
        int depth = 0;
        for (TypeMirror s = type.getSuperclass(); s instanceof DeclaredType d; ) {
            depth++;
            s = ((TypeElement) d.asElement()).getSuperclass();
        }
        return depth;
    }
}
