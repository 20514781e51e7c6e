package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.columnNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.foreignKey;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static io.github.entitymigrations.processor.SnapshotCompiler.tableNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mapped superclasses, the three inheritance strategies, embeddables and element collections. */
class StructureMappingTest {

    @Test
    void mappedSuperclassChainsContributeTheirColumns() {
        Schema schema = compile(
                source("BaseEntity", "@MappedSuperclass public abstract class BaseEntity { @Id Long id; }"),
                source("Audited", "@MappedSuperclass public abstract class Audited extends BaseEntity {",
                        "  Instant createdAt; @Column(name = \"created_by\", nullable = false) String createdBy; }"),
                source("Note", "@Entity public class Note extends Audited { String text; }"));

        Table note = table(schema, "Note");
        assertEquals(List.of("id", "createdAt", "created_by", "text"), columnNames(note));
        assertFalse(column(note, "created_by").nullable());
        assertEquals(List.of("Note"), tableNames(schema), "a mapped superclass has no table");
    }

    @Test
    void genericMappedSuperclassesAndRecordEmbeddablesResolveTheirTypes() {
        Schema schema = compile(
                source("Base", "@MappedSuperclass public abstract class Base<K extends java.io.Serializable, S> {",
                        "  @Id K id; S state; @Embedded Stamp stamp; }"),
                source("Stamp", "@Embeddable public record Stamp(Instant at, String by) { }"),
                source("Doc", "@Entity public class Doc extends Base<UUID, String> { }"),
                source("Wallet", "@Entity public class Wallet extends Base<Long, Integer> { }"));

        Table doc = table(schema, "Doc");
        assertEquals("UUID", type(doc, "id"));
        assertEquals("VARCHAR(255)", type(doc, "state"));
        assertEquals("TIMESTAMP_UTC", type(doc, "at"));
        assertEquals("BIGINT", type(table(schema, "Wallet"), "id"));
        assertEquals("INTEGER", type(table(schema, "Wallet"), "state"));
    }

    @Test
    void singleTableAddsDiscriminatorAndRelaxesImpliedNotNull() {
        Schema schema = compile(
                source("Payment", "@Entity public class Payment { @Id Long id; int amount; }"),
                source("CardPayment", "@Entity public class CardPayment extends Payment {",
                        "  int installments; @Basic(optional = false) String holder;",
                        "  @Column(nullable = false) String cardNumber; @ManyToOne(optional = false) Payment refund; }"),
                source("CashPayment", "@Entity public class CashPayment extends Payment { String till; }"));

        assertEquals(List.of("Payment"), tableNames(schema));
        Table t = table(schema, "Payment");
        assertEquals("VARCHAR(31)", type(t, "DTYPE"));
        assertFalse(column(t, "DTYPE").nullable());
        assertFalse(column(t, "amount").nullable(), "the root's primitive keeps NOT NULL");
        assertTrue(column(t, "installments").nullable(), "a subclass primitive is nullable");
        assertTrue(column(t, "holder").nullable(), "@Basic(optional = false) in a subclass");
        assertFalse(column(t, "cardNumber").nullable(), "an explicit @Column(nullable = false) is kept");
        assertFalse(column(t, "refund_id").nullable(), "optional = false is kept too, as in Hibernate");
        assertEquals(List.of("id", "DTYPE", "amount", "cardNumber", "holder", "installments", "refund_id", "till"), columnNames(t));
        assertEquals(List.of("test.CardPayment", "test.CashPayment", "test.Payment"), t.sources());
    }

    @Test
    void discriminatorColumnSetsNameTypeAndLength() {
        Schema schema = compile(
                source("Animal", "@Entity @DiscriminatorColumn(name = \"kind\", length = 10) public class Animal { @Id Long id; }"),
                source("Dog", "@Entity public class Dog extends Animal { }"),
                source("Plant", "@Entity @DiscriminatorColumn(name = \"code\",",
                        "  discriminatorType = DiscriminatorType.INTEGER) public class Plant { @Id Long id; }"),
                source("Tree", "@Entity @DiscriminatorValue(\"1\") public class Tree extends Plant { }"),
                source("Rock", "@Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR)",
                        "@DiscriminatorValue(\"R\") public class Rock { @Id Long id; }"),
                source("Gem", "@Entity @DiscriminatorValue(\"G\") public class Gem extends Rock { }"));

        assertEquals("VARCHAR(10)", type(table(schema, "Animal"), "kind"));
        assertEquals("INTEGER", type(table(schema, "Plant"), "code"));
        assertEquals("CHAR(1)", type(table(schema, "Rock"), "DTYPE"));
        assertFalse(column(table(schema, "Rock"), "DTYPE").nullable());
    }

    @Test
    void joinedSubclassKeyIsAForeignKeyToTheParent() {
        Schema schema = compile(
                source("Vehicle", "@Entity @Inheritance(strategy = InheritanceType.JOINED)",
                        "public class Vehicle { @Id Long id; String maker; }"),
                source("Car", "@Entity public class Car extends Vehicle { int doors; }"),
                source("Truck", "@Entity @PrimaryKeyJoinColumn(name = \"truck_id\") public class Truck extends Vehicle {",
                        "  double load; }"));

        Table car = table(schema, "Car");
        assertEquals(List.of("id", "doors"), columnNames(car));
        assertEquals(List.of("id"), car.primaryKey().columns());
        assertEquals(new ForeignKey("fk_Car_id", List.of("id"), null, "Vehicle", List.of("id"), OnDelete.NO_ACTION),
                foreignKey(car, "id"));
        Table truck = table(schema, "Truck");
        assertEquals(List.of("truck_id", "load"), columnNames(truck));
        assertEquals(List.of("id"), foreignKey(truck, "truck_id").referencedColumns());
        assertFalse(column(truck, "load").nullable(), "joined subclass primitives stay NOT NULL");
        assertNull(table(schema, "Vehicle").column("DTYPE"), "no discriminator for JOINED by default");
    }

    @Test
    void tablePerClassRepeatsInheritedColumnsAndSkipsTheAbstractRoot() {
        Schema schema = compile(
                source("Account", "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
                        "public abstract class Account { @Id Long id; BigDecimal balance; }"),
                source("Checking", "@Entity public class Checking extends Account { BigDecimal overdraft; }"),
                source("Savings", "@Entity public class Savings extends Account { double rate; }"));

        assertEquals(List.of("Checking", "Savings"), tableNames(schema));
        Table checking = table(schema, "Checking");
        assertEquals(List.of("id", "balance", "overdraft"), columnNames(checking));
        assertEquals(List.of("id"), checking.primaryKey().columns());
        assertEquals(List.of(), checking.foreignKeys());
        assertEquals(List.of("id", "balance", "rate"), columnNames(table(schema, "Savings")));
    }

    @Test
    void noForeignKeyReferencesATablePerClassEntityThatHasSubclasses() {
        Schema schema = compile(
                source("Animal", "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)",
                        "public class Animal { @Id Long id; }"),
                source("Dog", "@Entity public class Dog extends Animal { boolean barks; }"),
                source("Owner", "@Entity public class Owner { @Id Long id; @ManyToOne Animal pet; @ManyToOne Dog dog; }"));

        Table owner = table(schema, "Owner");
        assertEquals(List.of("id", "dog_id", "pet_id"), columnNames(owner));
        // A Dog row lives in Dog, not Animal: Hibernate creates no FK to Animal, only to the leaf table Dog.
        assertEquals(List.of(List.of("dog_id")), owner.foreignKeys().stream().map(f -> f.columns()).toList());
        assertEquals("Dog", foreignKey(owner, "dog_id").referencedTable());
    }

    private static final JavaFileObject GEO = source("GeoPoint", "@Embeddable public class GeoPoint { double lat; double lng; }");
    private static final JavaFileObject ADDRESS = source("Address", "@Embeddable public class Address {",
            "  String street; @Column(length = 80) String city; @Embedded GeoPoint geo; }");

    @Test
    void nestedEmbeddablesWithAttributeOverrides() {
        Table t = table(compile(GEO, ADDRESS, source("Shop", "@Entity public class Shop { @Id Long id;",
                "  @Embedded Address home;",
                "  @Embedded @AttributeOverrides({",
                "    @AttributeOverride(name = \"street\", column = @Column(name = \"work_street\")),",
                "    @AttributeOverride(name = \"city\", column = @Column(name = \"work_city\", length = 40)),",
                "    @AttributeOverride(name = \"geo.lat\", column = @Column(name = \"work_lat\")),",
                "    @AttributeOverride(name = \"geo.lng\", column = @Column(name = \"work_lng\", nullable = false)) })",
                "  Address work; }")), "Shop");

        assertEquals(List.of("id", "city", "lat", "lng", "street", "work_city", "work_lat", "work_lng", "work_street"),
                columnNames(t));
        assertEquals("VARCHAR(80)", type(t, "city"));
        assertEquals("VARCHAR(40)", type(t, "work_city"), "the override's length replaces the embeddable's");
        assertTrue(column(t, "lat").nullable(), "a primitive inside an embeddable is nullable, as in Hibernate");
        assertFalse(column(t, "work_lng").nullable());
        assertEquals("FLOAT(53)", type(t, "work_lat"));
    }

    @Test
    void associationOverrideRenamesAnEmbeddedJoinColumn() {
        Table t = table(compile(
                source("Country", "@Entity public class Country { @Id String iso; }"),
                source("Contact", "@Embeddable public class Contact { String phone; @ManyToOne Country country; }"),
                source("Company", "@Entity public class Company { @Id Long id;",
                        "  @Embedded Contact main;",
                        "  @Embedded @AttributeOverride(name = \"phone\", column = @Column(name = \"billing_phone\"))",
                        "  @AssociationOverride(name = \"country\", joinColumns = @JoinColumn(name = \"billing_country\"))",
                        "  Contact billing; }")), "Company");

        assertEquals(List.of("id", "billing_country", "billing_phone", "country_iso", "phone"), columnNames(t));
        assertEquals("Country", foreignKey(t, "billing_country").referencedTable());
        assertEquals(List.of("iso"), foreignKey(t, "country_iso").referencedColumns());
    }

    @Test
    void elementCollectionOfBasicsGetsItsOwnTable() {
        Schema schema = compile(source("Person", "@Entity public class Person { @Id Long id;",
                "  @ElementCollection Set<String> nicknames;",
                "  @ElementCollection @Column(name = \"code\", nullable = false, length = 8) Set<String> codes;",
                "  @ElementCollection List<Integer> scores; }"));

        Table nicknames = table(schema, "Person_nicknames");
        assertEquals(List.of("Person_id", "nicknames"), columnNames(nicknames));
        assertFalse(column(nicknames, "Person_id").nullable());
        assertTrue(column(nicknames, "nicknames").nullable());
        assertNull(nicknames.primaryKey(), "a set with a nullable element has no primary key");
        assertEquals(new ForeignKey("fk_Person_nicknames_Person_id", List.of("Person_id"), null, "Person",
                List.of("id"), OnDelete.NO_ACTION), foreignKey(nicknames, "Person_id"));
        Table codes = table(schema, "Person_codes");
        assertEquals(List.of("Person_id", "code"), codes.primaryKey().columns());
        assertEquals("VARCHAR(8)", type(codes, "code"));
        assertNull(table(schema, "Person_scores").primaryKey(), "a bag has no primary key");
    }

    @Test
    void elementCollectionOfEmbeddablesWithCollectionTable() {
        Schema schema = compile(GEO, ADDRESS,
                source("Phone", "@Embeddable public class Phone { String number; int extension; }"),
                source("Person", "@Entity @Table(name = \"people\") public class Person { @Id Long id;",
                        "  @ElementCollection @CollectionTable(name = \"person_phones\",",
                        "    joinColumns = @JoinColumn(name = \"owner\")) List<Phone> phones;",
                        "  @ElementCollection Set<Address> addresses; }"));

        Table phones = table(schema, "person_phones");
        assertEquals(List.of("extension", "number", "owner"), columnNames(phones));
        assertTrue(column(phones, "extension").nullable(), "element-collection embeddable primitives are nullable");
        assertFalse(column(phones, "owner").nullable());
        assertEquals("people", foreignKey(phones, "owner").referencedTable());
        Table addresses = table(schema, "Person_addresses");
        assertEquals(List.of("Person_id", "city", "lat", "lng", "street"), columnNames(addresses).stream().sorted().toList());
        assertTrue(column(addresses, "lat").nullable());
        assertNull(addresses.primaryKey(), "a set of embeddables with nullable columns has no primary key");
    }
}
