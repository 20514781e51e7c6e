package io.github.entitymigrations.migrations;

/** The advice in use on each thread; see {@link Advice#use()}. */
final class AdviceInUse {

    private static final ThreadLocal<Advice> CURRENT = new ThreadLocal<>();

    private AdviceInUse() {
    }

    static Advice current() {
        Advice advice = CURRENT.get();
        return advice == null ? Advice.LIBRARY : advice;
    }

    static Advice.InUse use(Advice advice) {
        Advice before = CURRENT.get();
        CURRENT.set(advice);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }
}
