package io.github.entitymigrations.processor;

import java.util.List;

/**
 * Mappings the processor does not model yet. Each is a compile error naming a way around it, because a
 * snapshot that silently misses a table or puts a column in the wrong one is worse than none.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void check(EntityInfo e) {
        for (Attribute a : e.attributes()) {
            for (String hibernate : List.of("Any", "ManyToAny")) {
                if (a.hibernate(hibernate) != null) {
                    throw new MappingException(a.element(), Message.UNSUPPORTED, "@" + hibernate,
                            "map the association per target type, or mark the attribute @Transient");
                }
            }
        }
    }
}
