package io.github.entitymigrations.processor;

/**
 * Mappings the processor does not model yet. Each is a compile error naming a way around it, because a
 * snapshot that silently misses a table or puts a column in the wrong one is worse than none.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void check(EntityInfo e) {
        for (Attribute a : e.attributes()) {
            String unsupported = a.hibernate("Any") != null ? "Any" : a.hibernate("ManyToAny") != null ? "ManyToAny"
                    : null;
            if (unsupported != null) {
                throw new MappingException(a.element(), Message.UNSUPPORTED, "@" + unsupported,
                        "map the association per target type, or mark the attribute @Transient");
            }
        }
    }
}
