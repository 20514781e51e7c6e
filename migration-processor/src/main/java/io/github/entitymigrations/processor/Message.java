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
    CUSTOM_TYPE("%s has Hibernate's %s(%s), whose %s decides its column's type when Hibernate starts, which the "
            + "processor cannot read (the Java type alone would give a wrong column): give the type Hibernate "
            + "creates for it with @Column(columnDefinition = \"...\"), or map it with @JdbcTypeCode or an "
            + "AttributeConverter instead"),
    UNSUPPORTED_TYPE_CODE("@JdbcTypeCode(SqlTypes.%s) on %s is not supported by entity-migrations yet (Hibernate "
            + "creates an enum type of the database's own for it): map the enum without it (@Enumerated(EnumType."
            + "STRING): a varchar with a check of its values), or give the column's type with @Column(columnDefinition "
            + "= \"...\") and create that type in a migration's sql step"),
    UNMAPPED_TYPE_CODE("@JdbcTypeCode(%s) on %s names a type code the processor does not map: Hibernate's column "
            + "for it depends on the dialect and its extensions. Give the column's type with @Column(columnDefinition "
            + "= \"...\"), or use another SqlTypes code"),
    UNKNOWN_COLUMN("%s names column \"%s\", which table %s does not have (its columns: %s)"),
    DUPLICATE_COLUMN("Column %s of table %s is mapped by two writable attributes, %s and %s, which Hibernate refuses "
            + "(\"Column ... is duplicated in mapping\"): make one of them read-only with insertable = false, "
            + "updatable = false on its @Column or @JoinColumn (for an association that shares the key, @MapsId "
            + "does this), or give one another column name"),
    COLUMN_TYPES_DIFFER("Column %s of table %s is mapped by %s as %s and by %s as %s: give one of them another "
            + "column name with @Column(name = ...) or @AttributeOverride, or make the types agree"),
    JOIN_COLUMNS_DISAGREE("The @JoinColumns of %s differ in %s, which Hibernate refuses (\"Column mappings for "
            + "property ... mix ...\"): give every @JoinColumn of the association the same nullable, insertable "
            + "and updatable; to share columns with other attributes, make the whole association insertable = "
            + "false, updatable = false"),
    INHERITANCE_ON_MAPPED_SUPERCLASS("Mapped superclass %s has @Inheritance, which Hibernate refuses at start-up "
            + "(\"Mapped superclass ... may not specify an '@Inheritance' mapping strategy\"): remove @Inheritance "
            + "from it; to choose the strategy of the hierarchy of %s, put @Inheritance on its root @Entity"),
    TABLE_ON_MAPPED_SUPERCLASS("Mapped superclass %s has @Table, which Hibernate refuses at start-up (\"Mapped "
            + "superclass ... may not specify a '@Table'\"): remove @Table from it; to name the table of %s, put "
            + "@Table on that @Entity"),
    GENERATED_VALUE_NOT_ID("%s is not an @Id, and Hibernate refuses @GeneratedValue on it at start-up (\"Property "
            + "... is annotated @GeneratedValue but is not part of an identifier\"): remove @GeneratedValue (Hibernate "
            + "generates only ids); for a value the database assigns on insert, mark the attribute "
            + "@org.hibernate.annotations.Generated and give its column a database default"),
    COLLECTION_JOIN_COLUMN_MUTABILITY("Join column %s of %s has insertable = %s but updatable = %s, which Hibernate "
            + "refuses at start-up for the join columns of a join or collection table (\"must be defined with the "
            + "same insertable and updatable attributes\"): remove both, or set both to false"),
    UNKNOWN_TARGET("Cannot tell the target entity of %s: declare a generic type such as List<Order>, or set "
            + "targetEntity"),
    JOIN_COLUMN_MISMATCH("%s has %d join columns but %s has %d key columns: give one @JoinColumn per key column, "
            + "each with referencedColumnName"),
    BAD_NAMING_OPTION("Unknown -Amigration.naming=%s: use jpa (Hibernate's defaults) or spring (Spring Boot's "
            + "defaults)"),
    BAD_BOOLEAN_OPTION("Unknown -A%s=%s: use true or false, the value of %s in your application"),
    SPRING_NAMING_DETECTED("entity-migrations: Spring Boot's naming strategies are on the classpath (%s), so the "
            + "snapshot uses Spring Boot's names (createdAt -> created_at), as spring.jpa.hibernate.naming does by "
            + "default. If the application sets other naming strategies, pass -Amigration.naming=jpa (or spring to "
            + "silence this note) in maven-compiler-plugin's <compilerArgs>."),
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
    MAP_KEY_JOIN_COLUMNS("%s is a map keyed by %s, whose primary key has %d columns, so one implicit key column "
            + "cannot reference it: declare @MapKeyJoinColumns with one @MapKeyJoinColumn(name = ..., "
            + "referencedColumnName = ...) per key column"),
    EMBEDDED_IN_SEVERAL_TABLES("%s embeds %s with columns in several tables (%s), which Hibernate refuses: put "
            + "all of its columns in one table (the same table = ... in every @Column or @AttributeOverride of it)"),
    UNKNOWN_SECONDARY_TABLE("table = \"%s\" names no table of %s: use the name of its table or of one of its "
            + "@SecondaryTable declarations (%s), or declare @SecondaryTable(name = ...) on the entity"),
    GENERATOR_ELSEWHERE("@GeneratedValue(generator = \"%s\") on %s names a @%s declared on %s, not on this "
            + "entity, its superclasses or its package: Hibernate 7 never uses it here, and Hibernate 6 only when it "
            + "happens to bind %s first, so the snapshot takes the generator as undeclared (named \"%s\"). To "
            + "share it, repeat the same @%s on each entity that uses it (Hibernate 6 and 7 accept the repeat)"),
    UNSUPPORTED("%s is not supported by entity-migrations yet, and the snapshot would not match what Hibernate "
            + "creates: %s"),
    BAD_SERVER_DEFAULT("@%s(\"%s\") on attribute %s %s. A server default is written into the DDL as it is, so it must be "
            + "one SQL expression, such as 'it''s', current_timestamp or (1 + 2)"),
    BAD_BACKFILL("@Backfill(\"%s\") on attribute %s %s. The backfill is written into an update statement as it is "
            + "(update ... set column = <it> where column is null), so it must be one SQL expression, such as 'NEW', 0, "
            + "created_at or coalesce(a, b)"),
    HINTS_NOT_IN_CLASS_FILES("The entities not recompiled now (%s) are read from class files written by an earlier "
            + "entity-migrations, which did not keep @RenamedFrom and @ServerDefault in them: the snapshot would turn "
            + "a rename into a drop and add. Recompile all sources once (mvn clean compile; in an IDE, rebuild the "
            + "project); partial recompilations work from then on"),
    ENVERS_NOT_MODELLED("Hibernate Envers audits mappings whose audit tables are not modelled yet: %s. Their audit "
            + "tables are not in the snapshot, so the migrations generated from it do not create them and Envers fails "
            + "when it records a revision. Create those tables in a hand-written sql step (Hibernate's create script "
            + "shows their DDL); migration:drift will list them as tables the migrations do not have"),
    OLD_ANNOTATIONS("migration-annotations on the classpath is older than migration-processor: its @RenamedFrom and "
            + "@ServerDefault are not kept in class files, so an entity read from its class file (%s) loses them "
            + "and a rename becomes a drop and add. Use the same version of migration-annotations as of "
            + "migration-processor, then recompile all sources (mvn clean compile)"),
    INTERNAL_ERROR("entity-migrations internal error while reading %s: %s. Please report it with this entity; "
            + "the snapshot is not written while this error stands"),
    INTERNAL_ERROR_IN_SNAPSHOT("entity-migrations internal error while making the schema snapshot: %s. Please report "
            + "it; the snapshot is not written while this error stands");

    private final String template;

    Message(String template) {
        this.template = template;
    }

    String format(Object... args) {
        return String.format(template, args);
    }
}
