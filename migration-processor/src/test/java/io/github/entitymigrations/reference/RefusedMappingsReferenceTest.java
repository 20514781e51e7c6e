package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mappings Hibernate refuses when it starts, found on a real application (shopizer): the processor refuses
 * them too, saying what to change, so a build no longer succeeds (and generates a migration) for an
 * application that cannot start. Each refusal is proven by booting the Hibernate on the classpath (6.6 here,
 * 7.2 and 7.4 in the hibernate-reference modules), and the mappings next to them that Hibernate accepts are
 * accepted by both.
 */
class RefusedMappingsReferenceTest {

    private static final JavaFileObject LABEL = source("Label", "@Entity public class Label { @Id Long id; }");

    @ParameterizedTest
    @ValueSource(strings = {"SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS"})
    void inheritanceOnAMappedSuperclassIsRefusedByBoth(String strategy) {
        JavaFileObject base = source("Description",
                "@MappedSuperclass @Inheritance(strategy = InheritanceType." + strategy + ")",
                "public abstract class Description { @Id @GeneratedValue Long id; String title; }");
        JavaFileObject entity = source("ProductDescription",
                "@Entity public class ProductDescription extends Description { String text; }");

        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.ProductDescription"), base, entity));
        assertTrue(String.valueOf(refusal.getMessage()).contains("may not specify an '@Inheritance' mapping strategy"),
                "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = processed(base, entity);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Mapped superclass test.Description has @Inheritance")
                .inFile(base).onLineContaining("@MappedSuperclass @Inheritance");
        assertThat(compilation).hadErrorContaining("remove @Inheritance from it");
    }

    @Test
    void aTableOnAMappedSuperclassIsRefusedByBoth() {
        JavaFileObject base = source("Connection",
                "@MappedSuperclass @Table(name = \"connections\")",
                "public abstract class Connection { @Id @GeneratedValue Long id; String provider; }");
        JavaFileObject entity = source("UserConnection",
                "@Entity public class UserConnection extends Connection { String userId; }");

        // Spring Boot's entity scan lists mapped superclasses too; Hibernate checks them when it binds them.
        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.Connection", "test.UserConnection"), base, entity));
        assertTrue(String.valueOf(refusal.getMessage()).contains("may not specify a '@Table'"),
                "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = processed(base, entity);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Mapped superclass test.Connection has @Table")
                .inFile(base).onLineContaining("@MappedSuperclass @Table");
        assertThat(compilation).hadErrorContaining("put @Table on that @Entity");
    }

    /**
     * {@code @GeneratedValue} on an attribute that is not the id (found on Apache OpenMeetings, an OpenJPA
     * application, where it numbers a second column by the database's identity): Hibernate refuses it when it starts.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "@GeneratedValue(strategy = GenerationType.IDENTITY) @Column(name = \"sip_db_id\", unique = true) long userId;",
        "@GeneratedValue Long sequenceNumber;",
        "@Embedded Numbers numbers;",
        "@ElementCollection java.util.Set<Numbers> numbers;"})
    void aGeneratedValueOnAnAttributeThatIsNotTheIdIsRefusedByBoth(String mapping) {
        JavaFileObject numbers = source("Numbers", "@Embeddable public class Numbers { @GeneratedValue Long serial; }");
        JavaFileObject user = source("SipUser", "@Entity public class SipUser { @Id String id;", "  " + mapping, "}");

        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.SipUser"), numbers, user));
        assertTrue(String.valueOf(refusal.getMessage()).contains("GeneratedValue")
                        && refusal.getMessage().contains("but is not part of an identifier"),
                "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = processed(numbers, user);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("is not an @Id, and Hibernate refuses @GeneratedValue on it");
        assertThat(compilation).hadErrorContaining(mapping.contains("Numbers") ? "Numbers.serial"
                : mapping.contains("userId") ? "SipUser.userId" : "SipUser.sequenceNumber");
    }

    /**
     * A unidirectional {@code @OneToMany} whose join column is NOT NULL, and the child entity maps that column too
     * (found on Apache OpenMeetings: {@code Room.files} and {@code RoomFile.roomId}): Hibernate writes the key as a
     * property of the child, so the column is mapped twice there, which it refuses when it starts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"@Column(name = \"room_id\") Long roomId;",
        "@ManyToOne @JoinColumn(name = \"room_id\") Room room;",
        "@ManyToOne @JoinColumn(name = \"room_id\") Room room; @Column(name = \"room_id\", insertable = false, "
            + "updatable = false) Long roomId;"})
    void aNotNullOneToManyJoinColumnAlsoMappedByTheChildIsRefusedByBoth(String childMapping) {
        JavaFileObject room = source("Room", "import java.util.List;", "@Entity public class Room { @Id Long id;",
                "  @OneToMany @JoinColumn(name = \"room_id\", nullable = false) List<RoomFile> files; }");
        JavaFileObject file = source("RoomFile", "@Entity public class RoomFile { @Id Long id; " + childMapping + " }");

        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.Room", "test.RoomFile"), room, file));
        assertTrue(String.valueOf(refusal.getMessage()).contains("Column 'room_id' is duplicated in mapping for "
                + "entity 'test.RoomFile'"), "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = processed(room, file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Column room_id of table RoomFile is mapped by two writable "
                + "attributes");
        assertThat(compilation).hadErrorContaining("Room.files");
    }

    /** The same mappings Hibernate accepts: a nullable join column, or the child's column read-only. */
    @ParameterizedTest
    @ValueSource(strings = {"@JoinColumn(name = \"room_id\")|@Column(name = \"room_id\") Long roomId;",
        "@JoinColumn(name = \"room_id\")|@ManyToOne @JoinColumn(name = \"room_id\") Room room;",
        "@JoinColumn(name = \"room_id\", nullable = false)|@Column(name = \"room_id\", insertable = false, "
            + "updatable = false) Long roomId;",
        "@JoinColumn(name = \"room_id\", nullable = false)|@ManyToOne @JoinColumn(name = \"room_id\", "
            + "insertable = false, updatable = false) Room room;",
        "@JoinColumn(name = \"room_id\")|@ManyToOne @JoinColumn(name = \"room_id\") Room room; "
            + "@Column(name = \"room_id\", insertable = false, updatable = false) Long roomId;",
        "@JoinColumn(name = \"room_id\", nullable = false, insertable = false, updatable = false)|"
            + "@Column(name = \"room_id\") Long roomId;"})
    void theOneToManyJoinColumnsNextToThemAreAcceptedByBoth(String mappings) {
        String[] m = mappings.split("\\|");
        JavaFileObject room = source("Room", "import java.util.List;", "@Entity public class Room { @Id Long id;",
                "  @OneToMany " + m[0] + " List<RoomFile> files; }");
        JavaFileObject file = source("RoomFile", "@Entity public class RoomFile { @Id Long id; " + m[1] + " }");
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Room", "test.RoomFile"), room, file);
        assertFalse(hibernate.dump().isEmpty());
        assertThat(processed(room, file)).succeeded();
    }

    /**
     * A column mapped writably twice across a SINGLE_TABLE hierarchy: Hibernate checks each entity's own mappings
     * with its direct superclass's (not a grandparent's), a NOT NULL {@code @OneToMany} join column as a mapping of
     * the child it targets, and the root's key and discriminator with every entity's.
     */
    record Hierarchy(String description, String strategy, String target, String root, String mid, String leaf,
                     String note, String refusal) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String ROOM_ID = "@Column(name = \"room_id\") Long roomId;";

    static Stream<Hierarchy> hierarchies() {
        return Stream.of(
                new Hierarchy("root and subclass", "SINGLE_TABLE", null, ROOM_ID, "@Column(name = \"room_id\") Long r;",
                        "", "", "Column 'room_id' is duplicated in mapping for entity 'test.Mid'"),
                new Hierarchy("@OneToMany to a subclass, the root maps it", "SINGLE_TABLE", "Mid", ROOM_ID, "", "", "",
                        "Column 'room_id' is duplicated in mapping for entity 'test.Mid'"),
                new Hierarchy("@OneToMany to a subclass, the root's @ManyToOne maps it", "SINGLE_TABLE", "Mid",
                        "@ManyToOne @JoinColumn(name = \"room_id\") Room room;", "", "", "",
                        "Column 'room_id' is duplicated in mapping for entity 'test.Mid'"),
                new Hierarchy("@OneToMany to the root, a subclass maps it", "SINGLE_TABLE", "Attachment", "", ROOM_ID,
                        "", "", "Column 'room_id' is duplicated in mapping for entity 'test.Mid'"),
                new Hierarchy("@OneToMany to a leaf, its superclass maps it", "SINGLE_TABLE", "Leaf", "", ROOM_ID, "",
                        "", "Column 'room_id' is duplicated in mapping for entity 'test.Leaf'"),
                new Hierarchy("a leaf maps the discriminator", "SINGLE_TABLE", null, "", "",
                        "@Column(name = \"DTYPE\", length = 31) String kind;", "",
                        "Column 'DTYPE' is duplicated in mapping for entity 'test.Leaf'"),
                new Hierarchy("a leaf maps the key", "SINGLE_TABLE", null, "", "", "@Column(name = \"id\") Long myId;",
                        "",
                        "Column 'id' is duplicated in mapping for entity 'test.Leaf'"),
                new Hierarchy("siblings", "SINGLE_TABLE", null, "", ROOM_ID, "", ROOM_ID, null),
                new Hierarchy("@OneToMany to a subclass, its sibling maps it", "SINGLE_TABLE", "Mid", "", "", "",
                        ROOM_ID, null),
                new Hierarchy("root and leaf (a grandparent is not checked)", "SINGLE_TABLE", null, ROOM_ID, "",
                        "@Column(name = \"room_id\") Long r;", "", null),
                new Hierarchy("@OneToMany to a leaf, the root maps it", "SINGLE_TABLE", "Leaf", ROOM_ID, "", "", "",
                        null),
                new Hierarchy("a leaf maps the key read-only", "SINGLE_TABLE", null, "", "",
                        "@Column(name = \"id\", insertable = false, updatable = false) Long myId;", "", null),
                new Hierarchy("JOINED: root and subclass", "JOINED", null, ROOM_ID,
                        "@Column(name = \"room_id\") Long r;", "", "", null),
                new Hierarchy("JOINED: @OneToMany to the root, a subclass maps it", "JOINED", "Attachment", "", ROOM_ID,
                        "", "", null),
                new Hierarchy("JOINED: @OneToMany to a subclass, the root maps it", "JOINED", "Mid", ROOM_ID, "", "",
                        "", null));
    }

    @ParameterizedTest
    @MethodSource("hierarchies")
    void aColumnMappedTwiceInAHierarchyIsRefusedByBothWhereHibernateChecksIt(Hierarchy h) {
        JavaFileObject room = source("Room", "import java.util.List;", "@Entity public class Room { @Id Long id; "
                + (h.target() == null ? "" : "@OneToMany @JoinColumn(name = \"room_id\", nullable = false) List<"
                + h.target() + "> files;") + " }");
        JavaFileObject[] sources = {room,
            source("Attachment", "@Entity @Inheritance(strategy = InheritanceType." + h.strategy() + ")",
                    "public class Attachment { @Id Long id; " + h.root() + " }"),
            source("Mid", "@Entity public class Mid extends Attachment { String x; " + h.mid() + " }"),
            source("Leaf", "@Entity public class Leaf extends Mid { String y; " + h.leaf() + " }"),
            source("Note", "@Entity public class Note extends Attachment { String z; " + h.note() + " }")};
        List<String> names = List.of("test.Room", "test.Attachment", "test.Mid", "test.Leaf", "test.Note");
        if (h.refusal() == null) {
            assertFalse(HibernateBoot.read(names, sources).dump().isEmpty());
            assertThat(processed(sources)).succeeded();
            return;
        }
        RuntimeException refusal = assertThrows(RuntimeException.class, () -> HibernateBoot.read(names, sources));
        assertTrue(String.valueOf(refusal.getMessage()).contains(h.refusal()),
                "Hibernate refused for another reason: " + refusal.getMessage());
        Compilation compilation = processed(sources);
        assertThat(compilation).failed();
        String column = h.refusal().substring(h.refusal().indexOf('\'') + 1, h.refusal().indexOf("' is"));
        assertThat(compilation).hadErrorContaining("Column " + column + " of table Attachment is mapped by two "
                + "writable attributes");
        if (h.target() != null) {
            assertThat(compilation).hadErrorContaining("Room.files");
        }
    }

    /** A NOT NULL {@code @OneToMany} join column on the key column of a leaf's table: every entity checks the key. */
    @Test
    void aNotNullOneToManyJoinColumnOnTheKeyOfALeafIsRefusedByBoth() {
        JavaFileObject room = source("Room", "import java.util.List;", "@Entity public class Room { @Id Long id;",
                "  @OneToMany @JoinColumn(name = \"id\", nullable = false) List<Leaf> files; }");
        JavaFileObject[] sources = {room,
            source("Attachment", "@Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
                    "public class Attachment { @Id Long id; }"),
            source("Mid", "@Entity public class Mid extends Attachment { String x; }"),
            source("Leaf", "@Entity public class Leaf extends Mid { String y; }")};
        List<String> names = List.of("test.Room", "test.Attachment", "test.Mid", "test.Leaf");

        RuntimeException refusal = assertThrows(RuntimeException.class, () -> HibernateBoot.read(names, sources));
        assertTrue(String.valueOf(refusal.getMessage()).contains("Column 'id' is duplicated in mapping for entity "
                + "'test.Leaf'"), "Hibernate refused for another reason: " + refusal.getMessage());
        Compilation compilation = processed(sources);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Column id of table Attachment is mapped by two writable "
                + "attributes");
        assertThat(compilation).hadErrorContaining("Room.files");
    }

    record Case(String description, String mapping, String column) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> refusedJoinColumns() {
        return Stream.of(
                new Case("@ManyToMany join column updatable = false",
                        "@ManyToMany @JoinTable(name = \"product_labels\", joinColumns = @JoinColumn(name = \"product_id\","
                        + " updatable = false), inverseJoinColumns = @JoinColumn(name = \"label_id\")) Set<Label> labels;",
                        "product_id"),
                new Case("@ManyToMany inverse join column updatable = false",
                        "@ManyToMany @JoinTable(name = \"product_labels\", joinColumns = @JoinColumn(name = \"product_id\"),"
                        + " inverseJoinColumns = @JoinColumn(name = \"label_id\", updatable = false)) Set<Label> labels;",
                        "label_id"),
                new Case("@ManyToMany join column insertable = false",
                        "@ManyToMany @JoinTable(name = \"product_labels\", joinColumns = @JoinColumn(name = \"product_id\","
                        + " insertable = false), inverseJoinColumns = @JoinColumn(name = \"label_id\")) Set<Label> labels;",
                        "product_id"),
                new Case("@OneToMany join table join column updatable = false",
                        "@OneToMany @JoinTable(name = \"product_labels\", joinColumns = @JoinColumn(name = \"product_id\","
                        + " updatable = false), inverseJoinColumns = @JoinColumn(name = \"label_id\")) Set<Label> labels;",
                        "product_id"),
                new Case("@ElementCollection join column updatable = false",
                        "@ElementCollection @CollectionTable(name = \"product_codes\", joinColumns = @JoinColumn("
                        + "name = \"product_id\", updatable = false)) Set<String> codes;",
                        "product_id"));
    }

    @ParameterizedTest
    @MethodSource("refusedJoinColumns")
    void aJoinTableColumnInsertableButNotUpdatableIsRefusedByBoth(Case c) {
        JavaFileObject product = product(c.mapping());

        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.Label", "test.Product"), LABEL, product));
        assertTrue(String.valueOf(refusal.getMessage()).contains("Join column '" + c.column()
                        + "' on collection property 'test.Product.")
                        && refusal.getMessage().contains("must be defined with the same insertable and updatable"),
                "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = processed(LABEL, product);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Join column " + c.column() + " of Product.")
                .inFile(product).onLineContaining(c.mapping().substring(0, 12));
        assertThat(compilation).hadErrorContaining("remove both, or set both to false");
    }

    /** Read-only join table columns, and a plain @OneToMany @JoinColumn that is not updatable, start. */
    @ParameterizedTest
    @ValueSource(strings = {
        "@ManyToMany @JoinTable(name = \"product_labels\", joinColumns = @JoinColumn(name = \"product_id\","
            + " insertable = false, updatable = false), inverseJoinColumns = @JoinColumn(name = \"label_id\","
            + " insertable = false, updatable = false)) Set<Label> labels;",
        "@OneToMany @JoinColumn(name = \"product_id\", updatable = false) Set<Label> labels;"})
    void theMappingsNextToThemAreAcceptedByBoth(String mapping) {
        JavaFileObject product = product(mapping);
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Label", "test.Product"), LABEL, product);
        assertFalse(hibernate.dump().isEmpty());
        assertThat(processed(LABEL, product)).succeeded();
    }

    private static JavaFileObject product(String mapping) {
        return source("Product", "import java.util.Set;", "@Entity public class Product { @Id Long id;", "  " + mapping,
                "}");
    }

    private static Compilation processed(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
    }

    private static JavaFileObject source(String simpleName, String... lines) {
        return JavaFileObjects.forSourceLines("test." + simpleName, Stream.concat(
                Stream.of("package test;", "import jakarta.persistence.*;"), Stream.of(lines)).toList());
    }
}
