package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Envers' audit tables, compared with what the Hibernate and Envers on the class path map: an audited
 * entity's {@code <table>_AUD} (key, {@code REV}, {@code REVTYPE}, every audited column nullable, enum checks kept,
 * no unique keys or foreign keys to the targets), the revision table {@code REVINFO} and its sequence, audit tables
 * of join tables and of collections of basic values (ordered lists and maps too), SINGLE_TABLE and JOINED
 * hierarchies, {@code @NotAudited}, the version left out, attribute-level {@code @Audited}, mapped superclasses
 * (audited only when annotated), {@code @AuditTable} and {@code @AuditJoinTable}.
 */
class EnversReferenceTest {

    private static final JavaFileObject MODEL = HibernateBoot.source("Model",
            "import org.hibernate.envers.*;",
            "import java.util.*;",
            "@Audited @Entity class Customer { @Id @GeneratedValue Long id; @Column(nullable = false, length = 80)",
            "  String name; @Version int version; @Enumerated(EnumType.STRING) Kind kind; @ManyToOne Region region;",
            "  @ManyToMany Set<Tag> tags; @ElementCollection List<String> phones; @NotAudited String secret;",
            "  @OneToMany(mappedBy = \"customer\") List<Purchase> purchases; @Embedded Address address;",
            "  @Column(unique = true) String email; @Enumerated Kind ordinal; }",
            "enum Kind { A, B }",
            "@Embeddable class Address { String street; String city; }",
            "@Audited @Entity class Region { @Id Long id; String label; }",
            "@Audited @Entity class Tag { @Id Long id; String label; }",
            "@Audited @Entity @Table(name = \"purchases\") class Purchase { @Id Long id;",
            "  @ManyToOne(optional = false) Customer customer; int qty; }",
            "@Audited @Entity @Inheritance(strategy = InheritanceType.JOINED) class Vehicle { @Id Long id;",
            "  String plate; }",
            "@Audited @Entity class Car extends Vehicle { int seats; }",
            "@Audited @Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE) class Animal { @Id Long id;",
            "  String name; }",
            "@Audited @Entity class Dog extends Animal { boolean barks; }",
            "@Entity class Plain { @Id Long id; @Audited String tracked; String other; }",
            "@MappedSuperclass abstract class Base { @Id @GeneratedValue Long id; String createdBy; }",
            "@Audited @MappedSuperclass abstract class AuditedBase { @Id Long id; String createdBy; }",
            "@Audited @Entity class Memo extends Base { String text; }",
            "@Entity class Note extends AuditedBase { @Audited String body; String draft; }",
            "@Entity class Draft extends AuditedBase { String text; }",
            "@Audited @Entity @AuditTable(\"team_history\") class Team { @Id Long id;",
            "  @ManyToMany @AuditJoinTable(name = \"team_members_history\") Set<Tag> members;",
            "  @ElementCollection @OrderColumn List<String> lines; @ElementCollection Map<String, Integer> counts;",
            "  @ElementCollection Set<Kind> kinds; @ManyToMany @NotAudited Set<Region> regions; }");
    private static final List<String> ENTITIES = List.of("test.Customer", "test.Region", "test.Tag", "test.Purchase",
            "test.Vehicle", "test.Car", "test.Animal", "test.Dog", "test.Plain", "test.Memo", "test.Note", "test.Draft",
            "test.Team");

    @Test
    void auditTablesAsEnversMapsThem() {
        NormalizedSchema hibernate = HibernateBoot.read(ENTITIES, MODEL);
        Schema snapshot = HibernateBoot.snapshotWithoutWarnings(MODEL);

        assertTrue(hibernate.dump().contains("Customer_AUD"), hibernate.dump());
        Table customer = snapshot.tablesNamed("Customer_AUD").get(0);
        assertEquals(List.of("REV", "id"), customer.primaryKey().columns());
        assertEquals(List.of(), customer.uniques());
        assertEquals(List.of("fk_Customer_AUD_REV"), customer.foreignKeys().stream().map(f -> f.name()).toList());
        assertTrue(customer.columns().stream().filter(c -> !c.name().equals("id") && !c.name().equals("REV"))
                .allMatch(Column::nullable), customer.columns().toString());
        assertEquals(List.of(), snapshot.tablesNamed("Customer_AUD").get(0).columns().stream()
                .filter(c -> c.name().equals("version") || c.name().equals("secret")).toList());
        assertEquals(1, snapshot.tablesNamed("team_history").size());
        assertEquals(1, snapshot.tablesNamed("team_members_history").size());
        assertEquals(List.of(), snapshot.tablesNamed("Team_Region_AUD"));
        assertEquals(1, snapshot.tablesNamed("REVINFO").size());
        assertEquals(List.of("REVINFO_SEQ"), snapshot.sequences().stream().map(q -> q.name())
                .filter(n -> n.startsWith("REV")).toList());
        assertEquals(List.of(), differences(hibernate, snapshot), hibernate.dump());
    }

    private static final JavaFileObject OWN_REVISIONS = HibernateBoot.source("Own",
            "import org.hibernate.envers.*;",
            "@Entity @RevisionEntity @Table(name = \"revisions\") class Revision {",
            "  @Id @GeneratedValue @RevisionNumber @Column(name = \"rev_number\") long number;",
            "  @RevisionTimestamp long at; String username; }",
            "@Audited @Entity class Doc { @Id Long id; String title; }");

    @Test
    void anApplicationsRevisionEntityIsTheRevisionTable() {
        Schema snapshot = assertAsHibernate(OWN_REVISIONS, true, "test.Revision", "test.Doc");

        assertEquals(List.of(), snapshot.tablesNamed("REVINFO"));
        Table doc = snapshot.tablesNamed("Doc_AUD").get(0);
        assertEquals("BIGINT", doc.columns().stream().filter(c -> c.name().equals("REV")).findFirst().orElseThrow()
                .type().name(), "the revision entity's key type");
        assertEquals(List.of("revisions"), doc.foreignKeys().stream().map(f -> f.referencedTable()).toList());
    }

    private static final JavaFileObject EXTENDED_REVISIONS = HibernateBoot.source("Extended",
            "import org.hibernate.envers.*;",
            "@Entity @RevisionEntity @Table(name = \"revision_info\") @AttributeOverrides({",
            "  @AttributeOverride(name = \"timestamp\", column = @Column(name = \"rev_timestamp\")),",
            "  @AttributeOverride(name = \"id\", column = @Column(name = \"revision_id\")) })",
            "class AuditRevision extends " + revisionSuperclass() + " { @Column(name = \"username\") String user; }",
            "@Audited @Entity class Invoice { @Id Long id; String number; }");

    /**
     * Envers' mapped superclass for revision entities: {@code DefaultRevisionEntity} in 6, final in 7, which has
     * {@code RevisionMapping} for that.
     */
    private static String revisionSuperclass() {
        try {
            Class.forName("org.hibernate.envers.RevisionMapping");
            return "RevisionMapping";
        } catch (ClassNotFoundException six) {
            return "DefaultRevisionEntity";
        }
    }

    /** The common way to add the user to revisions: Envers' own mapped superclass, columns renamed. */
    @Test
    void aRevisionEntityExtendingEnversDefaultIsTheRevisionTable() {
        Schema snapshot = assertAsHibernate(EXTENDED_REVISIONS, false, "test.AuditRevision", "test.Invoice");

        assertEquals(List.of("revision_info"), snapshot.tablesNamed("Invoice_AUD").get(0).foreignKeys().stream()
                .map(f -> f.referencedTable()).toList());
    }

    private static final JavaFileObject TYPED = HibernateBoot.source("Model",
            "import org.hibernate.envers.*;",
            "import java.util.*;",
            "@Audited @Entity @Table(schema = \"audit_s\") class Person { @Id Long id;",
            "  @NotAudited @Embedded Addr home;",
            "  @Embedded Addr2 work; @org.hibernate.annotations.ColumnDefault(\"'x'\") String dflt;",
            "  @Column(columnDefinition = \"varchar(33)\") String defd; @Lob String bio;",
            "  @OneToOne Passport passport; @OneToMany @JoinTable(name = \"person_docs\") List<Passport> docs;",
            "  @ManyToMany @MapKeyJoinColumn(name = \"kind_id\") Map<Kind, Passport> byKind;",
            "  @ManyToMany(mappedBy = \"holders\") Set<Passport> held; }",
            "@Embeddable class Addr { String street; }",
            "@Embeddable class Addr2 { String town; }",
            "@Audited @Entity class Passport { @Id Long id; @ManyToMany Set<Person> holders; }",
            "@Audited @Entity class Kind { @Id Long id; }",
            "@Audited @Entity class Typed { @Id Long id; @Lob byte[] blob; @Lob char[] chars;",
            "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.LONGVARCHAR) String longText;",
            "  @Column(length = 1000) String wide;",
            "  java.util.UUID uuid; java.time.LocalDate day;",
            "  @Column(precision = 12, scale = 3) java.math.BigDecimal amount;",
            "  boolean flag; @Convert(converter = Conv.class) List<String> converted; java.time.Instant at;",
            "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) Map<String, String> json;",
            "  @Lob @Column(length = 5000) String sizedLob; @Lob java.sql.Clob clob;",
            "  @Lob @Convert(converter = Conv.class) List<String> lobConv; }",
            "class Conv implements AttributeConverter<List<String>, String> {",
            "  public String convertToDatabaseColumn(List<String> v) { return String.join(\",\", v); }",
            "  public List<String> convertToEntityAttribute(String v) { return List.of(v); } }");

    /**
     * Column types as Envers gives them: a {@code @Lob} is a plain string or binary column in the audit table with
     * Hibernate 6.6 (and with 7 when converted), a large object with 7; an attribute's length, precision, column
     * definition and JDBC type code are kept. Also {@code @NotAudited} on an embedded attribute, a table in a schema,
     * a one-to-one, a one-to-many's join table, a map keyed by an entity and the inverse side of a many-to-many.
     */
    @Test
    void columnTypesAndMoreMappingsAsEnversMapsThem() {
        assertAsHibernate(TYPED, true, "test.Person", "test.Passport", "test.Kind", "test.Typed");
    }

    private static final JavaFileObject SUBCLASSES = HibernateBoot.source("Sub",
            "import org.hibernate.envers.*;",
            "@Audited @Entity @Inheritance class Vehicle { @Id Long id; String plate; }",
            "@Entity class Truck extends Vehicle { int axles; }",
            "@Audited @Entity @Inheritance(strategy = InheritanceType.JOINED)",
            "class Animal { @Id Long id; String name; }",
            "@Entity class Dog extends Animal { String breed; }",
            "@Entity class Puppy extends Dog { int weeks; }");

    /**
     * A subclass without {@code @Audited} of an audited entity, in a single table and in joined tables: as Envers
     * decides, in Hibernate's own metadata.
     */
    @Test
    void subclassesOfAnAuditedEntityWithoutTheAnnotation() {
        assertAsHibernate(SUBCLASSES, false, "test.Vehicle", "test.Truck", "test.Animal", "test.Dog", "test.Puppy");
    }

    /**
     * Asserts that the snapshot of {@code source} is the schema Hibernate maps for {@code entities} (the processor
     * compiling without a warning when {@code withoutWarnings}); returns the snapshot.
     */
    private static Schema assertAsHibernate(JavaFileObject source, boolean withoutWarnings, String... entities) {
        NormalizedSchema hibernate = HibernateBoot.read(List.of(entities), source);
        Schema snapshot = withoutWarnings ? HibernateBoot.snapshotWithoutWarnings(source)
                : HibernateBoot.snapshot(source);
        assertEquals(List.of(), differences(hibernate, snapshot), hibernate.dump());
        return snapshot;
    }

    /** Hibernate's differences from the snapshot, but for the revision number's identity (see the reference test). */
    private static List<String> differences(NormalizedSchema hibernate, Schema snapshot) {
        List<String> all = new java.util.ArrayList<>(hibernate.differences(SnapshotSchemaReader.normalize(snapshot)));
        all.removeAll(HibernateReferenceTest.REVISION_NUMBER.keySet());
        return all;
    }
}
