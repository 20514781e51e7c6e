package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every mapping error is a compile error on the element at fault (file and line), says what to change,
 * and leaves no snapshot behind.
 */
class ProcessorErrorsTest {

    private static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
    }

    /** Compiles again with a real file manager into a directory, and checks no snapshot appeared there. */
    private static void assertNoSnapshot(JavaFileObject... sources) throws IOException {
        Path out = Files.createTempDirectory("no-snapshot");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, d -> { }, List.of("-d", out.toString(),
                    "-proc:only", "-classpath", System.getProperty("java.class.path")), null, List.of(sources));
            task.setProcessors(List.of(new EntityMigrationsProcessor()));
            assertFalse(task.call(), "the compilation should fail");
        }
        assertFalse(Files.exists(out.resolve(EntityMigrationsProcessor.SNAPSHOT)),
                "no snapshot may be written while mapping errors stand");
    }

    @Test
    void entityWithoutIdIsAnErrorOnTheClass() throws IOException {
        JavaFileObject broken = JavaFileObjects.forSourceLines("demo.Broken",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Broken {",
                "    private String name;",
                "}");
        Compilation c = compile(broken);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Entity demo.Broken has no @Id or @EmbeddedId: add an @Id attribute")
                .inFile(broken).onLineContaining("public class Broken");
        assertNoSnapshot(broken);
    }

    /** Hibernate refuses it too ("Column 'gateway_id' is duplicated"): see DuplicateColumnReferenceTest. */
    @Test
    void aColumnWrittenByTwoAttributesIsAnErrorOnTheSecondSayingToMakeOneReadOnly() throws IOException {
        JavaFileObject gateway = JavaFileObjects.forSourceLines("demo.Gateway",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Gateway { @Id Long id; }");
        JavaFileObject charge = JavaFileObjects.forSourceLines("demo.Charge",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Charge {",
                "    @Id Long id;",
                "    @Column(name = \"gateway_id\") Long gatewayId;",
                "    @ManyToOne @JoinColumn(name = \"gateway_id\")",
                "    Gateway gateway;",
                "}");
        Compilation c = compile(gateway, charge);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Column gateway_id of table Charge is mapped by two writable attributes, "
                + "Charge.gatewayId and Charge.gateway, which Hibernate refuses").inFile(charge)
                .onLineContaining("Gateway gateway;");
        assertThat(c).hadErrorContaining("make one of them read-only with insertable = false, updatable = false on "
                + "its @Column or @JoinColumn");
        assertNoSnapshot(gateway, charge);
    }

    @Test
    void mappedByNamingAMissingAttributeListsTheCandidates() {
        JavaFileObject customer = JavaFileObjects.forSourceLines("demo.Customer",
                "package demo;",
                "import jakarta.persistence.*;",
                "import java.util.List;",
                "@Entity",
                "public class Customer {",
                "    @Id Long id;",
                "    @OneToMany(mappedBy = \"custmer\")",
                "    List<PurchaseOrder> orders;",
                "}");
        JavaFileObject order = JavaFileObjects.forSourceLines("demo.PurchaseOrder",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class PurchaseOrder {",
                "    @Id Long id;",
                "    @ManyToOne Customer customer;",
                "}");
        Compilation c = compile(customer, order);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("mappedBy = \"custmer\" names no attribute of demo.PurchaseOrder: use the name "
                + "of the attribute on the owning side that maps this association (one of: id, customer)")
                .inFile(customer).onLineContaining("mappedBy = \"custmer\"");
    }

    @Test
    void associationToANonEntitySaysHowToFixIt() {
        JavaFileObject order = JavaFileObjects.forSourceLines("demo.Shipment",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Shipment {",
                "    @Id Long id;",
                "    @ManyToOne",
                "    Carrier carrier;",
                "    public static class Carrier { String name; }",
                "}");
        Compilation c = compile(order);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("demo.Shipment.Carrier is not an @Entity, so it cannot be the target of "
                + "@ManyToOne: annotate Carrier with @Entity").inFile(order).onLineContaining("@ManyToOne");
    }

    @Test
    void twoEntitiesClaimingOneTableWithConflictingColumnsNameBoth() {
        JavaFileObject a = JavaFileObjects.forSourceLines("demo.LegacyCode",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity @Table(name = \"codes\")",
                "public class LegacyCode {",
                "    @Id Long id;",
                "    String code;",
                "}");
        JavaFileObject b = JavaFileObjects.forSourceLines("demo.NewCode",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity @Table(name = \"codes\")",
                "public class NewCode {",
                "    @Id Long id;",
                "    Integer code;",
                "}");
        Compilation c = compile(a, b);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Table codes is mapped by demo.LegacyCode and demo.NewCode, and its column "
                + "code differs (VARCHAR(255) versus INTEGER)").inFile(b).onLineContaining("Integer code;");
    }

    @Test
    void typeWithoutColumnTypeNamesTheAlternatives() throws IOException {
        JavaFileObject order = JavaFileObjects.forSourceLines("demo.Invoice",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Invoice {",
                "    @Id Long id;",
                "    Amount total;",
                "    public static class Amount { java.math.BigDecimal value; }",
                "}");
        Compilation c = compile(order);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("No column type is known for demo.Invoice.Amount (attribute Invoice.total): "
                + "add @Convert with an AttributeConverter, @Column(columnDefinition = \"...\"), @Embedded for an "
                + "@Embeddable, or mark it @Transient").inFile(order).onLineContaining("Amount total;");
        assertNoSnapshot(order);
    }

    @Test
    void indexNamingAMissingColumnListsTheColumns() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Book",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "@Table(indexes = @Index(columnList = \"titel\"))",
                "public class Book {",
                "    @Id Long id;",
                "    String title;",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@Index names column \"titel\", which table Book does not have (its columns: "
                + "[id, title])").inFile(e).onLineContaining("@Table(indexes");
    }

    @Test
    void referencedColumnThatDoesNotExistIsAnError() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Loan",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Loan {",
                "    @Id Long id;",
                "    @ManyToOne @JoinColumn(name = \"book_isbn\", referencedColumnName = \"isbn\")",
                "    Loan previous;",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("referencedColumnName = \"isbn\" is not a column of Loan")
                .inFile(e).onLineContaining("Loan previous;");
    }

    @Test
    void unknownNamingOptionIsAnError() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Tag",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity public class Tag { @Id Long id; }");
        Compilation c = javac().withProcessors(new EntityMigrationsProcessor())
                .withOptions("-Amigration.naming=snake").compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Unknown -Amigration.naming=snake: use jpa (Hibernate's defaults) or spring");
    }

    @Test
    void everyBrokenEntityIsReportedNotJustTheFirst() {
        JavaFileObject a = JavaFileObjects.forSourceLines("demo.First",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity public class First { String name; }");
        JavaFileObject b = JavaFileObjects.forSourceLines("demo.Second",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity public class Second { String name; }");
        Compilation c = compile(a, b);
        assertThat(c).failed();
        assertEquals(2, c.errors().size(), () -> "one error per broken entity: " + c.errors());
        assertThat(c).hadErrorContaining("demo.First has no @Id").inFile(a).onLine(3);
        assertThat(c).hadErrorContaining("demo.Second has no @Id").inFile(b).onLine(3);
    }

    @Test
    void nonJpaProjectsGetNoSnapshot() {
        JavaFileObject plain = JavaFileObjects.forSourceLines("demo.Plain", "package demo;", "public class Plain {}");
        Compilation c = compile(plain);
        assertThat(c).succeededWithoutWarnings();
        assertFalse(c.generatedFiles().stream().anyMatch(f -> f.toUri().getPath().endsWith("schema.json")));
    }

    @Test
    void unsupportedMappingIsAnErrorWithAWayAround() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Comment",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Comment {",
                "    @Id Long id;",
                "    @org.hibernate.annotations.Any",
                "    @JoinColumn(name = \"target_id\")",
                "    Object target;",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@Any is not supported by entity-migrations yet, and the snapshot would not "
                + "match what Hibernate creates: map the association per target type, or mark the attribute "
                + "@Transient").inFile(e).onLineContaining("Object target");
    }

    /** Hibernate refuses it too ("Secondary table 'member_info' for property ... is not declared"). */
    @Test
    void aColumnInAnUndeclaredSecondaryTableIsAnError() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Member",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "@SecondaryTable(name = \"member_details\")",
                "public class Member {",
                "    @Id Long id;",
                "    @Column(table = \"member_detail\") String bio;",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("table = \"member_detail\" names no table of demo.Member: use the name of "
                + "its table or of one of its @SecondaryTable declarations (member_details), or declare "
                + "@SecondaryTable(name = ...) on the entity").inFile(e).onLineContaining("String bio");
    }

    /** As in Hibernate, a subclass cannot put columns into a secondary table its superclass declares. */
    @Test
    void aSubclassCannotUseItsSuperclassSecondaryTable() {
        JavaFileObject parent = JavaFileObjects.forSourceLines("demo.Vehicle",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "@SecondaryTable(name = \"vehicle_specs\")",
                "public class Vehicle {",
                "    @Id Long id;",
                "}");
        JavaFileObject child = JavaFileObjects.forSourceLines("demo.Truck",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Truck extends Vehicle {",
                "    @Column(table = \"vehicle_specs\") Integer axles;",
                "}");
        Compilation c = compile(parent, child);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("table = \"vehicle_specs\" names no table of demo.Truck: use the name of "
                + "its table or of one of its @SecondaryTable declarations (none)").inFile(child)
                .onLineContaining("Integer axles");
    }

    /** Hibernate refuses it too ("has 1 '@JoinColumn's but the primary key has 2 columns"). */
    @Test
    void aMapKeyedByACompositeKeyEntityNeedsItsKeyColumnsNamed() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Shelf",
                "package demo;",
                "import jakarta.persistence.*;",
                "import java.util.Map;",
                "@Entity",
                "public class Shelf {",
                "    @Id Long id;",
                "    @ElementCollection Map<Slot, Integer> counts;",
                "}");
        JavaFileObject slot = JavaFileObjects.forSourceLines("demo.Slot",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity @IdClass(SlotId.class)",
                "public class Slot {",
                "    @Id Long rack; @Id Integer level;",
                "}");
        JavaFileObject slotId = JavaFileObjects.forSourceLines("demo.SlotId",
                "package demo;",
                "public class SlotId implements java.io.Serializable { Long rack; Integer level; }");
        Compilation c = compile(e, slot, slotId);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Shelf.counts is a map keyed by demo.Slot, whose primary key has 2 columns, "
                + "so one implicit key column cannot reference it: declare @MapKeyJoinColumns with one "
                + "@MapKeyJoinColumn(name = ..., referencedColumnName = ...) per key column").inFile(e)
                .onLineContaining("counts");
    }

    /** Hibernate refuses it too ("properties mapped to two different tables"). */
    @Test
    void anEmbeddedValueSpreadOverTwoTablesIsAnError() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Venue",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "@SecondaryTable(name = \"venue_location\")",
                "public class Venue {",
                "    @Id Long id;",
                "    @Embedded",
                "    @AttributeOverride(name = \"city\", column = @Column(table = \"venue_location\"))",
                "    Place place;",
                "}");
        JavaFileObject place = JavaFileObjects.forSourceLines("demo.Place",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Embeddable public class Place { String street; String city; }");
        Compilation c = compile(e, place);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Venue.place embeds demo.Place with columns in several tables (Venue, "
                + "venue_location), which Hibernate refuses: put all of its columns in one table").inFile(e)
                .onLineContaining("Place place");
    }

    @Test
    void aGeneratorDeclaredOnAnotherEntityIsAWarning() {
        JavaFileObject owner = JavaFileObjects.forSourceLines("demo.Invoice",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "@TableGenerator(name = \"ids\", table = \"id_blocks\")",
                "public class Invoice {",
                "    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = \"ids\") Long id;",
                "}");
        JavaFileObject user = JavaFileObjects.forSourceLines("demo.Receipt",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Receipt {",
                "    @Id @GeneratedValue(strategy = GenerationType.TABLE, generator = \"ids\") Long id;",
                "}");
        Compilation c = compile(owner, user);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("@GeneratedValue(generator = \"ids\") on Receipt.id names a "
                + "@TableGenerator declared on Invoice, not on this entity, its superclasses or its package")
                .inFile(user).onLineContaining("Long id");
        assertThat(c).hadWarningContaining("To share it, repeat the same @TableGenerator on each entity that uses it");
    }

    @Test
    void anUnexpectedExceptionIsOneInternalErrorOnTheEntityNotACrash() {
        // An @EmbeddedId of a primitive type is nothing the processor expects to meet.
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Odd",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Odd {",
                "    @EmbeddedId int id;",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertEquals(1, c.errors().size(), () -> "exactly one diagnostic: " + c.errors());
        assertThat(c).hadErrorContaining("entity-migrations internal error while reading demo.Odd: "
                + "java.lang.NullPointerException").inFile(e).onLineContaining("public class Odd");
        assertThat(c).hadErrorContaining("Please report it with this entity");
    }

    @Test
    void aConverterWithoutItsTypeArgumentsIsAnError() {
        JavaFileObject e = JavaFileObjects.forSourceLines("demo.Meter",
                "package demo;",
                "import jakarta.persistence.*;",
                "@Entity",
                "public class Meter {",
                "    @Id Long id;",
                "    @Convert(converter = Raw.class)",
                "    Object reading;",
                "    @SuppressWarnings(\"rawtypes\")",
                "    public static class Raw implements AttributeConverter {",
                "        public Object convertToDatabaseColumn(Object o) { return o; }",
                "        public Object convertToEntityAttribute(Object o) { return o; }",
                "    }",
                "}");
        Compilation c = compile(e);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@Convert(converter = Raw.class) on reading: the converter does not implement "
                + "AttributeConverter<EntityType, DatabaseType>").inFile(e).onLineContaining("@Convert(converter");
    }
    /** Issue 10, item 8: the default was written into the DDL as it is, and on PostgreSQL dropped the table. */
    @Test
    void aServerDefaultThatIsNotOneExpressionIsAnErrorOnTheAnnotation() throws IOException {
        JavaFileObject account = JavaFileObjects.forSourceLines("demo.Account",
                "package demo;",
                "import jakarta.persistence.*;",
                "import io.github.entitymigrations.annotations.ServerDefault;",
                "@Entity",
                "public class Account {",
                "    @Id Long id;",
                "    @ServerDefault(\"'x'; drop table victim; --\")",
                "    String note;",
                "    @org.hibernate.annotations.ColumnDefault(\"0 /* hidden */\")",
                "    Integer level;",
                "    @ServerDefault(\"('a'\") String open;",
                "    @ServerDefault(\"'it''s'\") String quote;",
                "    @ServerDefault(\"current_timestamp\") java.time.Instant created;",
                "    @ServerDefault(\"(1 + 2)\") Integer sum;",
                "    @ServerDefault(\"nextval('seq')\") Long next;",
                "    @ServerDefault(\"'a;b'\") String semi;",
                "}");
        Compilation c = compile(account);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@ServerDefault(\"'x'; drop table victim; --\") on attribute note has a ; "
                + "outside quotes, which would end the statement. A server default is written into the DDL as it is, so "
                + "it must be one SQL expression").inFile(account).onLineContaining("drop table victim");
        assertThat(c).hadErrorContaining("@ColumnDefault(\"0 /* hidden */\") on attribute level has a comment (/*)")
                .inFile(account).onLineContaining("hidden");
        assertThat(c).hadErrorContaining("@ServerDefault(\"('a'\") on attribute open has an unclosed (")
                .inFile(account).onLineContaining("String open");
        assertThat(c).hadErrorCount(3);
        assertNoSnapshot(account);
    }
}
