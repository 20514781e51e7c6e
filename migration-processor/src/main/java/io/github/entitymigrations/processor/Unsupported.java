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
        for (String name : List.of("SecondaryTable", "SecondaryTables")) {
            Ann a = Ann.jpa(e.type(), name);
            if (a != null) {
                throw new MappingException(e.type(), a.mirror(), Message.UNSUPPORTED, "@" + name,
                        "map the secondary table as its own @Entity with a @OneToOne @MapsId to " + e.entityName());
            }
        }
        for (Attribute a : e.attributes()) {
            if (AssociationBinder.isToOne(a) && a.has("JoinTable")) {
                throw new MappingException(a.element(), a.jpa("JoinTable").mirror(), Message.UNSUPPORTED,
                        "@JoinTable on a to-one association", "use a @JoinColumn, or map the link table as an entity");
            }
            if (a.has("MapKeyJoinColumn") || a.has("MapKeyJoinColumns")) {
                throw new MappingException(a.element(), Message.UNSUPPORTED, "An entity-keyed map (@MapKeyJoinColumn)",
                        "key the map by a basic value with @MapKeyColumn, or by an attribute of the value with @MapKey");
            }
            for (String hibernate : List.of("Any", "ManyToAny")) {
                if (a.hibernate(hibernate) != null) {
                    throw new MappingException(a.element(), Message.UNSUPPORTED, "@" + hibernate,
                            "map the association per target type, or mark the attribute @Transient");
                }
            }
        }
    }
}
