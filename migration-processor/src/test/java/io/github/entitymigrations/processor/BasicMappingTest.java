package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.check;
import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.columnNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static io.github.entitymigrations.processor.SnapshotCompiler.tableNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.type;
import static io.github.entitymigrations.processor.SnapshotCompiler.uniqueColumns;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic attributes: table and column names, types with their sizes, nullability, defaults and checks. */
class BasicMappingTest {

    @Test
    void entityNameAndTableAnnotationNameTheTable() {
        Schema schema = compile(
                source("Customer", "@Entity(name = \"Client\") public class Customer { @Id Long id; }"),
                source("Purchase", "@Entity @Table(name = \"orders\", schema = \"sales\",",
                        "  indexes = { @Index(columnList = \"placedAt, ref DESC\"),",
                        "              @Index(name = \"ix_custom\", columnList = \"ref\", unique = true) },",
                        "  uniqueConstraints = @UniqueConstraint(name = \"uk_orders_ref\", columnNames = \"ref\"))",
                        "public class Purchase { @Id Long id; LocalDate placedAt; String ref; }"));

        assertEquals(List.of("Client", "sales.orders"), tableNames(schema));
        Table orders = table(schema, "sales.orders");
        assertEquals("sales", orders.schema());
        assertEquals(List.of(new Index("ix_custom", List.of("ref"), true),
                new Index("ix_orders_placedAt_ref", List.of("placedAt", "ref"), false)), orders.indexes());
        assertEquals("uk_orders_ref", orders.uniques().get(0).name());
        assertEquals(List.of(List.of("ref")), uniqueColumns(orders));
    }

    @Test
    void columnAnnotationSetsNameNullabilitySizeAndDefinition() {
        Table t = table(compile(source("Item", "@Entity public class Item { @Id Long id;",
                "  @Column(name = \"full_name\", nullable = false, unique = true, length = 80) String name;",
                "  @Column(precision = 10, scale = 3) BigDecimal price;",
                "  @Column(columnDefinition = \"text\") String notes;",
                "  @Basic(optional = false) String code;",
                "  String plain; Integer boxed; int count; boolean active; }")), "Item");

        assertEquals("VARCHAR(80)", type(t, "full_name"));
        assertFalse(column(t, "full_name").nullable());
        assertEquals(List.of(List.of("full_name")), uniqueColumns(t));
        assertEquals("uk_Item_full_name", t.uniques().get(0).name());
        assertEquals("NUMERIC(10,3)", type(t, "price"));
        assertEquals("text", column(t, "notes").columnDefinition());
        assertFalse(column(t, "code").nullable(), "@Basic(optional = false)");
        assertTrue(column(t, "plain").nullable());
        assertTrue(column(t, "boxed").nullable());
        assertFalse(column(t, "count").nullable(), "primitive int");
        assertFalse(column(t, "active").nullable(), "primitive boolean");
        assertFalse(column(t, "id").nullable());
    }

    @Test
    void precisionWithoutScaleMeansScaleZeroAndScaleAloneIsIgnored() {
        // Hibernate's AnnotatedColumn.initMappingColumn: the scale is taken only with a precision > 0.
        Table t = table(compile(source("Rate", "@Entity public class Rate { @Id Long id;",
                "  @Column(precision = 10) BigDecimal p10; @Column(precision = 10, scale = 0) BigDecimal p10s0;",
                "  @Column(scale = 4) BigDecimal s4; @Column(precision = 20) BigInteger big; }")), "Rate");

        assertAll(
                () -> assertEquals("NUMERIC(10,0)", type(t, "p10"), "@Column(precision = 10)"),
                () -> assertEquals("NUMERIC(10,0)", type(t, "p10s0"), "@Column(precision = 10, scale = 0)"),
                () -> assertEquals("NUMERIC(38,2)", type(t, "s4"), "@Column(scale = 4)"),
                () -> assertEquals("NUMERIC(20,0)", type(t, "big"), "BigInteger @Column(precision = 20)"));
    }

    @Test
    void aColumnMappedTwiceIsAnErrorUnlessOneMappingIsReadOnly() {
        Compilation twice = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(source("Twice",
                "@Entity public class Twice { @Id Long id;",
                "  @Column(name = \"x\") String a; @Column(name = \"x\") String b; }"));
        // Hibernate: "Column 'x' is duplicated in mapping for entity 'Twice' (use insertable=false, updatable=false)".
        assertThat(twice).hadErrorContaining("Column x of table Twice is mapped by two writable attributes, Twice.a "
                + "and Twice.b, which Hibernate refuses");
        assertThat(twice).hadErrorContaining("make one of them read-only with insertable = false, updatable = false");

        Table t = table(compile(source("Customer", "@Entity public class Customer { @Id Long id; }"),
                source("Purchase", "@Entity public class Purchase { @Id Long id; @ManyToOne Customer customer;",
                        "  @Column(name = \"customer_id\", insertable = false, updatable = false) Long customerId; }")),
                "Purchase");
        assertEquals(List.of("id", "customer_id"), columnNames(t));
    }

    @Test
    void transientAndStaticMembersAreNotColumns() {
        Table t = table(compile(source("Memo", "@Entity public class Memo { @Id Long id; String kept;",
                "  @Transient String cached; transient String scratch; static String shared;",
                "  static final long serialVersionUID = 1L; }")), "Memo");

        assertEquals(List.of("id", "kept"), columnNames(t));
    }

    @Test
    void idOnGetterMeansPropertyAccessAndAccessFieldOverridesOneField() {
        Table t = table(compile(source("Author", "@Entity public class Author {",
                "  private Long key; private String internalName;",
                "  @Access(AccessType.FIELD) @Column(name = \"secret_col\") private String secret;",
                "  @Id public Long getId() { return key; } public void setId(Long id) { key = id; }",
                "  public String getDisplayName() { return internalName; } public void setDisplayName(String n) { }",
                "  public boolean isRetired() { return false; } public void setRetired(boolean r) { }",
                "  @Transient public String getShout() { return null; } }")), "Author");

        assertEquals(List.of("id", "displayName", "retired", "secret_col"), columnNames(t));
        assertFalse(column(t, "retired").nullable(), "primitive boolean property");
    }

    @Test
    void classLevelAccessFieldIgnoresGetters() {
        Table t = table(compile(source("Box", "@Entity @Access(AccessType.FIELD) public class Box {",
                "  @Id Long id; int width;",
                "  public int getWidth() { return width; } public int getArea() { return width * width; } }")), "Box");

        assertEquals(List.of("id", "width"), columnNames(t));
    }

    @Test
    void basicTypesGetHibernatesTypesAndSizes() {
        Table t = table(compile(source("AllTypes", "@Entity public class AllTypes { @Id Long id;",
                "  String text; BigDecimal decimal; BigInteger bigInteger; float f; Float boxedF; double d;",
                "  Double boxedD; Duration duration; Instant instant; OffsetDateTime offsetDateTime;",
                "  ZonedDateTime zoned; OffsetTime offsetTime; LocalDateTime localDateTime; LocalDate localDate;",
                "  LocalTime localTime; UUID uuid; byte[] bytes; char c; Character boxedC; Boolean flag; byte b;",
                "  short s; Long l; Integer i;",
                "  @Temporal(TemporalType.DATE) java.util.Date day;",
                "  @Temporal(TemporalType.TIME) java.util.Date time;",
                "  @Temporal(TemporalType.TIMESTAMP) java.util.Date stamp;",
                "  @Temporal(TemporalType.TIMESTAMP) Calendar calendar; }")), "AllTypes");

        Map<String, String> expected = Map.ofEntries(
                Map.entry("text", "VARCHAR(255)"), Map.entry("decimal", "NUMERIC(38,2)"),
                Map.entry("bigInteger", "NUMERIC(38,0)"), Map.entry("f", "FLOAT(24)"), Map.entry("boxedF", "FLOAT(24)"),
                Map.entry("d", "FLOAT(53)"), Map.entry("boxedD", "FLOAT(53)"), Map.entry("duration", "NUMERIC(21,0)"),
                Map.entry("instant", "TIMESTAMP_UTC"), Map.entry("offsetDateTime", "TIMESTAMP_UTC"),
                Map.entry("zoned", "TIMESTAMP_UTC"), Map.entry("offsetTime", "TIME_UTC"),
                Map.entry("localDateTime", "TIMESTAMP"), Map.entry("localDate", "DATE"), Map.entry("localTime", "TIME"),
                Map.entry("uuid", "UUID"), Map.entry("bytes", "VARBINARY(255)"), Map.entry("c", "CHAR(1)"),
                Map.entry("boxedC", "CHAR(1)"), Map.entry("flag", "BOOLEAN"), Map.entry("b", "TINYINT"),
                Map.entry("s", "SMALLINT"), Map.entry("l", "BIGINT"), Map.entry("i", "INTEGER"),
                Map.entry("day", "DATE"), Map.entry("time", "TIME"), Map.entry("stamp", "TIMESTAMP"),
                Map.entry("calendar", "TIMESTAMP"), Map.entry("id", "BIGINT"));
        expected.forEach((name, type) -> assertEquals(type, type(t, name), "type of " + name));
        assertEquals(expected.size(), t.columns().size(), "columns: " + columnNames(t));
    }

    @Test
    void lobVersionAndJsonColumns() {
        Table t = table(compile(source("Doc", "@Entity public class Doc { @Id Long id;",
                "  @Lob String body; @Lob byte[] image; @Version Integer version;",
                "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) Map<String, Object> meta;",
                "}")), "Doc");

        assertEquals("CLOB", column(t, "body").type().name());
        assertEquals("BLOB", column(t, "image").type().name());
        assertEquals("INTEGER", type(t, "version"));
        assertTrue(column(t, "version").nullable(), "a wrapper @Version column is not forced NOT NULL");
        assertEquals("JSON", column(t, "meta").type().name());
    }

    @Test
    void aLargeObjectWithColumnHasTheAnnotationsLength() {
        Table t = table(compile(source("Note", "@Entity public class Note { @Id Long id;",
                "  @Lob @Column(nullable = false) String text; @Lob @Column(length = 70000) String big;",
                "  @Lob @Column byte[] image; @Lob @Column(length = 1000) byte[] scan; @Lob String free;",
                "  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.CLOB) @Column String coded;",
                "}")), "Note");

        // Hibernate sizes a LOB by @Column's length, 255 by default (tinytext/tinyblob on MariaDB and MySQL).
        assertEquals("CLOB(255)", type(t, "text"));
        assertEquals("CLOB(70000)", type(t, "big"));
        assertEquals("BLOB(255)", type(t, "image"));
        assertEquals("BLOB(1000)", type(t, "scan"));
        assertEquals("CLOB(255)", type(t, "coded"));
        assertEquals("CLOB", type(t, "free"), "without @Column a LOB has no length (longtext)");
    }

    @Test
    void enumsGetTheirTypeAndCheckConstraint() {
        Table t = table(compile(source("Light", "@Entity public class Light { @Id Long id;",
                "  public enum Color { RED, GREEN, BLUE, AMBER }",
                "  Color byDefault; @Enumerated(EnumType.ORDINAL) Color ordinal;",
                "  @Enumerated(EnumType.STRING) Color named; @Enumerated(EnumType.STRING) @Column(length = 12) Color sized; }")),
                "Light");

        assertEquals("TINYINT", type(t, "byDefault"));
        assertEquals(CheckConstraint.between("ck_Light_byDefault", "byDefault", 0, 3), check(t, "byDefault"));
        assertEquals(CheckConstraint.between("ck_Light_ordinal", "ordinal", 0, 3), check(t, "ordinal"));
        assertEquals("VARCHAR(255)", type(t, "named"));
        assertEquals(CheckConstraint.in("ck_Light_named", "named", List.of("RED", "GREEN", "BLUE", "AMBER")),
                check(t, "named"), "values in declaration order");
        assertEquals("VARCHAR(12)", type(t, "sized"));
        assertEquals(4, t.checks().size());
    }

    @Test
    void convertersGiveTheirDatabaseSideType() {
        Schema schema = compile(
                source("Money", "public class Money { long cents; }"),
                source("MoneyConverter", "public class MoneyConverter implements AttributeConverter<Money, Long> {",
                        "  public Long convertToDatabaseColumn(Money m) { return null; }",
                        "  public Money convertToEntityAttribute(Long v) { return null; } }"),
                source("Rgb", "public class Rgb { int value; }"),
                source("RgbConverter", "@Converter(autoApply = true)",
                        "public class RgbConverter implements AttributeConverter<Rgb, String> {",
                        "  public String convertToDatabaseColumn(Rgb c) { return null; }",
                        "  public Rgb convertToEntityAttribute(String v) { return null; } }"),
                source("Level", "public enum Level { LOW, HIGH }"),
                source("LevelConverter", "public class LevelConverter implements AttributeConverter<Level, Integer> {",
                        "  public Integer convertToDatabaseColumn(Level l) { return null; }",
                        "  public Level convertToEntityAttribute(Integer v) { return null; } }"),
                source("Lamp", "@Entity public class Lamp { @Id Long id;",
                        "  @Convert(converter = MoneyConverter.class) Money price; Rgb color;",
                        "  @Convert(converter = LevelConverter.class) Level level; }"));

        Table t = table(schema, "Lamp");
        assertEquals("BIGINT", type(t, "price"));
        assertEquals("VARCHAR(255)", type(t, "color"), "auto-applied converter");
        assertEquals("INTEGER", type(t, "level"));
        assertEquals(List.of(), t.checks(), "a converted enum gets no enum check");
    }

    @Test
    void columnDefaultAndServerDefaultBecomeTheDefault() {
        Table t = table(compile(source("Counter", "@Entity public class Counter { @Id Long id;",
                "  @org.hibernate.annotations.ColumnDefault(\"0\") int hits;",
                "  @io.github.entitymigrations.annotations.ServerDefault(\"current_timestamp\") Instant createdAt;",
                "  String none; }")), "Counter");

        assertEquals("0", column(t, "hits").defaultValue());
        assertEquals("current_timestamp", column(t, "createdAt").defaultValue());
        assertNull(column(t, "none").defaultValue());
    }

    @Test
    void quotedIdentifiersAreRecordedWithoutTheirQuotes() {
        Table t = table(compile(source("Group", "@Entity @Table(name = \"`Order`\") public class Group { @Id Long id;",
                "  @Column(name = \"\\\"Select\\\"\") String select; @Column(name = \"`from`\") String from;",
                "  String plain; }")), "Order");

        assertTrue(t.quoted());
        assertTrue(column(t, "Select").quoted());
        assertTrue(column(t, "from").quoted());
        assertFalse(column(t, "plain").quoted());
    }

    @Test
    void renamedFromIsRecordedOnTableAndColumn() {
        Table t = table(compile(source("Client", "@Entity @io.github.entitymigrations.annotations.RenamedFrom(\"Customer\")",
                "public class Client { @Id Long id;",
                "  @io.github.entitymigrations.annotations.RenamedFrom(\"fullName\") String name; String other; }")),
                "Client");

        assertEquals("Customer", t.renamedFrom());
        assertEquals("fullName", column(t, "name").renamedFrom());
        assertNull(column(t, "other").renamedFrom());
    }
}
