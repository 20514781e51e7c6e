package io.github.entitymigrations.processor;

/**
 * Mappings the processor does not model yet. Each is a compile error naming a way around it, because a
 * snapshot that silently misses a table or puts a column in the wrong one is worse than none.
 */
final class Unsupported {

    private Unsupported() {
    }

    static void check(EntityInfo e) {
        if (Ann.named(e.type(), "org.hibernate.annotations.View") != null) {
            // Hibernate's create writes "create view ... as <query>" (and a foreign key referencing it).
            throw new MappingException(e.type(), Message.UNSUPPORTED, "A database view (Hibernate's @View on "
                    + e.type().getQualifiedName() + ")", "map the entity with @org.hibernate.annotations.Subselect and "
                    + "the same query instead (no database object; Hibernate queries it inline)");
        }
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
