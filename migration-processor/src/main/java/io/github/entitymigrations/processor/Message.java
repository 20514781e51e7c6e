package io.github.entitymigrations.processor;

/**
 * Every diagnostic the processor reports, each saying what to change. Kept in one place so wording
 * stays consistent and tests can refer to it.
 */
enum Message {
    NO_ID("Entity %s has no @Id or @EmbeddedId: add an @Id attribute (or @EmbeddedId, or @IdClass with @Id "
            + "attributes), or inherit one from a @MappedSuperclass. If it is not an entity, remove @Entity."),
    MAPPED_BY_MISSING("mappedBy = \"%s\" names no attribute of %s: use the name of the attribute on the owning "
            + "side that maps this association (one of: %s)"),
    NOT_AN_ENTITY("%s is not an @Entity, so it cannot be the target of @%s: annotate %s with @Entity, use an "
            + "@Embeddable with @Embedded/@ElementCollection, or mark this attribute @Transient"),
    TABLE_CONFLICT("Table %s is mapped by %s and %s, and its column %s differs (%s versus %s): give the "
            + "entities different @Table names, or make the column mappings agree"),
    UNKNOWN_TYPE("No column type is known for %s (attribute %s): add @Convert with an AttributeConverter, "
            + "@Column(columnDefinition = \"...\"), @Embedded for an @Embeddable, or mark it @Transient"),
    UNKNOWN_COLUMN("%s names column \"%s\", which table %s does not have (its columns: %s)"),
    DUPLICATE_COLUMN("Column %s of table %s is mapped twice (by %s and %s): rename one with @Column(name = ...) "
            + "or @AttributeOverride, or make one insertable = false, updatable = false on the same mapping"),
    UNKNOWN_TARGET("Cannot tell the target entity of %s: declare a generic type such as List<Order>, or set "
            + "targetEntity"),
    JOIN_COLUMN_MISMATCH("%s has %d join columns but %s has %d key columns: give one @JoinColumn per key column, "
            + "each with referencedColumnName"),
    BAD_NAMING_OPTION("Unknown -Amigration.naming=%s: use jpa (Hibernate's defaults) or spring (Spring Boot's "
            + "defaults)"),
    BAD_HIBERNATE_OPTION("Unknown -Amigration.hibernate=%s: use one of %s (the Hibernate version whose schema the "
            + "snapshot follows; 7.0 and 7.1 behave as 7.2, 7.3 and later as 7.4), or leave it out to follow the "
            + "hibernate-core on the compile classpath"),
    HIBERNATE_VERSION_UNREADABLE("hibernate-core is on the compile classpath (%s) but its version could not be read, "
            + "so the snapshot follows Hibernate 6.6: set -A%s=6.6, 7.2 or 7.4 to say which Hibernate your "
            + "application runs"),
    FOLLOWING_HIBERNATE("entity-migrations: the snapshot follows Hibernate %s (%s)"),
    BAD_REFERENCED_COLUMN("referencedColumnName = \"%s\" is not a column of %s (its columns: %s)"),
    MAPS_ID_UNKNOWN("@MapsId(\"%s\") names no attribute of the embedded id %s: use one of %s"),
    BAD_ID_CLASS("@IdClass(%s) on %s does not match its @Id attributes: the id class must have an attribute for "
            + "each @Id attribute (%s)"),
    BAD_CONVERTER("@Convert(converter = %s.class) on %s: the converter does not implement "
            + "AttributeConverter<EntityType, DatabaseType>, so the column type is unknown: implement "
            + "jakarta.persistence.AttributeConverter with both type arguments"),
    UNSUPPORTED("%s is not supported by entity-migrations yet, and the snapshot would not match what Hibernate "
            + "creates: %s"),
    BAD_SERVER_DEFAULT("@%s(\"%s\") on attribute %s %s. A server default is written into the DDL as it is, so it must be "
            + "one SQL expression, such as 'it''s', current_timestamp or (1 + 2)"),
    INTERNAL_ERROR("entity-migrations internal error while reading %s: %s. Please report it with this entity; "
            + "the snapshot is not written while this error stands");

    private final String template;

    Message(String template) {
        this.template = template;
    }

    String format(Object... args) {
        return String.format(template, args);
    }
}
