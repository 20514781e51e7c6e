package io.github.entitymigrations.operations;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The concrete operation types, read from the sealed {@link Operation} hierarchy, and the check that keeps a
 * dispatch point honest. Java 17 has no exhaustive pattern switch, so a code path that handles some
 * operation types ({@code instanceof} chains) declares which types it handles and which it deliberately
 * leaves alone; {@link #decided} fails when the class loads if a type is in neither, so a new operation
 * cannot pass such a point unnoticed (and {@code OperationDispatchTest} loads every one of them).
 */
public final class OperationTypes {

    /** Every concrete operation type, by simple name. */
    public static final List<Class<?>> ALL = concrete(Operation.class);

    private OperationTypes() {
    }

    /**
     * Checks that {@code handled} and {@code ignored} (a type there stands for its subtypes too) together
     * cover every concrete operation type, without overlap; returns {@code handled}.
     *
     * @param where   the dispatch point, for the message
     * @param handled the types the point has a branch for
     * @param ignored the types it deliberately does nothing for
     * @throws IllegalStateException naming the dispatch point and each undecided type
     */
    public static Set<Class<?>> decided(String where, Set<Class<?>> handled, Set<Class<?>> ignored) {
        List<String> undecided = new ArrayList<>();
        List<String> both = new ArrayList<>();
        for (Class<?> type : ALL) {
            boolean h = covers(handled, type);
            boolean i = covers(ignored, type);
            if (!h && !i) {
                undecided.add(type.getSimpleName());
            } else if (h && i) {
                both.add(type.getSimpleName());
            }
        }
        if (!undecided.isEmpty() || !both.isEmpty()) {
            throw new IllegalStateException(where + " must decide every operation type: "
                    + (undecided.isEmpty() ? "" : "no decision for " + undecided + " (add a branch, or list it as "
                    + "deliberately ignored)") + (both.isEmpty() ? "" : " both handled and ignored: " + both));
        }
        return handled;
    }

    /** Whether {@code declared} names {@code type} or one of its supertypes. */
    public static boolean covers(Set<Class<?>> declared, Class<?> type) {
        return declared.stream().anyMatch(d -> d.isAssignableFrom(type));
    }

    private static List<Class<?>> concrete(Class<?> root) {
        List<Class<?>> result = new ArrayList<>();
        collect(root, result);
        result.sort(Comparator.comparing(Class::getSimpleName));
        return List.copyOf(result);
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, into);
            }
        } else if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !into.contains(type)) {
            into.add(type);
        }
    }
}
