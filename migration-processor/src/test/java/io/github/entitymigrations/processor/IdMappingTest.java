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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Identifiers: generation strategies and their sequences, embedded, composite and derived keys. */
class IdMappingTest {

    @Test
    void identityMarksTheColumnAndNeedsNoSequence() {
        Schema schema = compile(source("Ticket", "@Entity public class Ticket {",
                "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; String title; }"));

        Table t = table(schema, "Ticket");
        assertTrue(column(t, "id").identity());
        assertFalse(column(t, "id").nullable());
        assertFalse(column(t, "title").identity());
        assertEquals(new PrimaryKey("pk_Ticket", List.of("id")), t.primaryKey());
        assertEquals(List.of(), schema.sequences());
    }

    @Test
    void sequenceGeneratorGivesNameStartAndIncrement() {
        Schema schema = compile(
                source("Ticket", "@Entity public class Ticket {",
                        "  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"ticket_gen\")",
                        "  @SequenceGenerator(name = \"ticket_gen\", sequenceName = \"ticket_numbers\",",
                        "                     initialValue = 100, allocationSize = 20) Long id; }"),
                source("Badge", "@Entity @SequenceGenerator(name = \"badge_gen\", allocationSize = 1)",
                        "public class Badge { @Id @GeneratedValue(generator = \"badge_gen\") Integer id; }"),
                source("Coupon", "@Entity public class Coupon { @Id @GeneratedValue(generator = \"coupon_numbers\") long id; }"));

        assertEquals(List.of(new Sequence(null, "badge_gen", 1, 1), new Sequence(null, "coupon_numbers", 1, 50),
                new Sequence(null, "ticket_numbers", 100, 20)), schema.sequences(),
                "sequenceName, else the generator name; an undeclared generator name is the sequence name");
        assertFalse(column(table(schema, "Ticket"), "id").identity());
    }

    private static final JavaFileObject[] AUTO_IDS = {
        source("Invoice", "@Entity public class Invoice { @Id @GeneratedValue Long id; }"),
        source("Seat", "@Entity public class Seat { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) int id; }"),
        source("Bill", "@Entity @Table(name = \"bills\") public class Bill { @Id @GeneratedValue Long id; }"),
        source("Client", "@Entity(name = \"Customer\") public class Client { @Id @GeneratedValue Long id; }"),
        source("BlogPost", "@Entity public class BlogPost { @Id @GeneratedValue Long id; }")};

    @Test
    void autoAndSequenceNumericIdsGetTheTableSequenceWithIncrement50() {
        Schema schema = compile(AUTO_IDS);

        assertEquals(List.of(new Sequence(null, "BlogPost_SEQ", 1, 50), new Sequence(null, "Customer_SEQ", 1, 50),
                new Sequence(null, "Invoice_SEQ", 1, 50), new Sequence(null, "Seat_SEQ", 1, 50),
                new Sequence(null, "bills_SEQ", 1, 50)), schema.sequences());
    }

    @Test
    void springNamingLowercasesTheDefaultSequence() {
        Schema schema = compile(List.of("-Amigration.naming=spring"), AUTO_IDS);

        assertEquals(List.of("bills_seq", "blog_post_seq", "customer_seq", "invoice_seq", "seat_seq"),
                schema.sequences().stream().map(Sequence::name).toList());
    }

    @Test
    void uuidIdsNeedNoSequence() {
        Schema schema = compile(
                source("Token", "@Entity public class Token { @Id @GeneratedValue UUID id; }"),
                source("Key", "@Entity public class Key { @Id @GeneratedValue(strategy = GenerationType.UUID) String id; }"));

        assertEquals(List.of(), schema.sequences());
        assertEquals("UUID", type(table(schema, "Token"), "id"));
        assertEquals("VARCHAR(255)", type(table(schema, "Key"), "id"));
    }

    @Test
    void embeddedIdKeyFollowsHibernatesDdlColumnOrder() {
        Table t = table(compile(
                source("LineId", "@Embeddable public class LineId implements java.io.Serializable {",
                        "  String code; long orderNo; int lineNo; }"),
                source("Line", "@Entity public class Line { @EmbeddedId LineId id; String note; }")), "Line");

        // ColumnOrderingStrategyStandard: by physical size (INTEGER, BIGINT, VARCHAR), then by name.
        assertEquals(List.of("lineNo", "orderNo", "code"), t.primaryKey().columns());
        assertEquals(List.of("lineNo", "orderNo", "code", "note"), columnNames(t));
        assertFalse(column(t, "code").nullable());
        assertEquals("BIGINT", type(t, "orderNo"));
    }

    @Test
    void idClassKeyHasOneColumnPerIdAttribute() {
        Table t = table(compile(
                source("PlotKey", "public class PlotKey implements java.io.Serializable { String region; Long number; }"),
                source("Plot", "@Entity @IdClass(PlotKey.class) public class Plot {",
                        "  @Id String region; @Id Long number; double area; }")), "Plot");

        assertEquals(List.of("number", "region"), t.primaryKey().columns());
        assertFalse(column(t, "region").nullable());
        assertEquals("VARCHAR(255)", type(t, "region"));
    }

    @Test
    void mapsIdMakesTheForeignKeyThePrimaryKey() {
        Schema schema = compile(
                source("Account", "@Entity public class Account { @Id Long id; }"),
                source("Settings", "@Entity public class Settings { @Id Long id;",
                        "  @MapsId @OneToOne Account account; String theme; }"),
                source("Profile", "@Entity public class Profile { @Id Long id;",
                        "  @MapsId @OneToOne @JoinColumn(name = \"acct\") Account account; }"));

        Table settings = table(schema, "Settings");
        assertEquals(List.of("account_id", "theme"), columnNames(settings), "no separate id column");
        assertEquals(List.of("account_id"), settings.primaryKey().columns());
        assertEquals(new ForeignKey("fk_Settings_account_id", List.of("account_id"), null, "Account", List.of("id"),
                OnDelete.NO_ACTION), foreignKey(settings, "account_id"));
        assertEquals("BIGINT", type(settings, "account_id"));
        assertEquals(List.of("acct"), table(schema, "Profile").primaryKey().columns());
    }

    @Test
    void mapsIdInsideAnEmbeddedIdAndIdOnAnAssociation() {
        Schema schema = compile(
                source("Order", "@Entity @Table(name = \"orders\") public class Order { @Id Long id; }"),
                source("LineId", "@Embeddable public class LineId implements java.io.Serializable { Long orderId; int lineNo; }"),
                source("Line", "@Entity public class Line { @EmbeddedId LineId id;",
                        "  @MapsId(\"orderId\") @ManyToOne Order order; String note; }"),
                source("PartKey", "public class PartKey implements java.io.Serializable { Long order; String code; }"),
                source("Part", "@Entity @IdClass(PartKey.class) public class Part {",
                        "  @Id @ManyToOne Order order; @Id String code; }"));

        Table line = table(schema, "Line");
        assertEquals(List.of("lineNo", "order_id"), line.primaryKey().columns());
        assertEquals(List.of("lineNo", "order_id", "note"), columnNames(line), "no orderId column");
        assertEquals("orders", foreignKey(line, "order_id").referencedTable());
        Table part = table(schema, "Part");
        assertEquals(List.of("order_id", "code"), part.primaryKey().columns(), "BIGINT before VARCHAR");
        assertEquals("orders", foreignKey(part, "order_id").referencedTable());
    }

    @Test
    void aHierarchySharesOneSequence() {
        Schema schema = compile(
                source("Vehicle", "@Entity @Inheritance(strategy = InheritanceType.JOINED)",
                        "public class Vehicle { @Id @GeneratedValue Long id; }"),
                source("Car", "@Entity public class Car extends Vehicle { int doors; }"),
                source("Parcel", "@Entity public class Parcel { @Id @GeneratedValue Long id; }"),
                source("Letter", "@Entity public class Letter extends Parcel { String stamp; }"),
                source("Base", "@MappedSuperclass public abstract class Base {",
                        "  @Id @GeneratedValue(generator = \"shared\") @SequenceGenerator(name = \"shared\",",
                        "  sequenceName = \"shared_seq\") Long id; }"),
                source("Apple", "@Entity public class Apple extends Base { }"),
                source("Pear", "@Entity public class Pear extends Base { }"));

        assertEquals(List.of(new Sequence(null, "Parcel_SEQ", 1, 50), new Sequence(null, "Vehicle_SEQ", 1, 50),
                new Sequence(null, "shared_seq", 1, 50)), schema.sequences());
        assertEquals(List.of("Apple", "Car", "Parcel", "Pear", "Vehicle"), tableNames(schema));
    }
}
