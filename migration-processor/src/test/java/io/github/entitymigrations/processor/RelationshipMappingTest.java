package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.columnNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.foreignKey;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static io.github.entitymigrations.processor.SnapshotCompiler.tableNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.type;
import static io.github.entitymigrations.processor.SnapshotCompiler.uniqueColumns;
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

/** Associations: join columns, foreign keys, join tables and their keys, order and map-key columns. */
class RelationshipMappingTest {

    private static final JavaFileObject CUSTOMER = source("Customer", "@Entity public class Customer {",
            "  @Id String code; @Column(unique = true, length = 120) String email;",
            "  @OneToMany(mappedBy = \"customer\") List<Purchase> purchases;",
            "  @OneToOne(mappedBy = \"owner\") Card card; }");

    @Test
    void toOneOwningSidesGetAnImplicitJoinColumnAndForeignKey() {
        Schema schema = compile(CUSTOMER,
                source("Purchase", "@Entity public class Purchase { @Id Long id; @ManyToOne Customer customer;",
                        "  @ManyToOne(optional = false) Customer payer; }"),
                source("Card", "@Entity public class Card { @Id Long id; @OneToOne Customer owner; }"));

        Table purchase = table(schema, "Purchase");
        assertEquals("VARCHAR(255)", type(purchase, "customer_code"), "<attribute>_<referenced key column>");
        assertTrue(column(purchase, "customer_code").nullable());
        assertFalse(column(purchase, "payer_code").nullable(), "optional = false");
        assertEquals(new ForeignKey("fk_Purchase_customer_code", List.of("customer_code"), null, "Customer",
                List.of("code"), OnDelete.NO_ACTION), foreignKey(purchase, "customer_code"));
        assertEquals(List.of(), purchase.uniques(), "a many-to-one is not unique");
        Table card = table(schema, "Card");
        assertEquals(List.of(List.of("owner_code")), uniqueColumns(card), "a one-to-one is unique");
        assertEquals("uk_Card_owner_code", card.uniques().get(0).name());
        assertEquals(List.of("code", "email"), columnNames(table(schema, "Customer")), "mappedBy adds nothing");
        assertEquals(List.of("Card", "Customer", "Purchase"), tableNames(schema), "mappedBy adds no join table");
    }

    @Test
    void joinColumnSetsNameReferencedColumnNullabilityUniquenessAndForeignKeyName() {
        Schema schema = compile(CUSTOMER,
                source("Purchase", "@Entity public class Purchase { @Id Long id;",
                        "  @ManyToOne @JoinColumn(name = \"buyer\", referencedColumnName = \"email\", nullable = false,",
                        "    unique = true, foreignKey = @ForeignKey(name = \"fk_purchase_buyer\")) Customer customer; }"),
                source("Card", "@Entity public class Card { @Id Long id; @OneToOne Customer owner; }"));

        Table purchase = table(schema, "Purchase");
        assertEquals(List.of("id", "buyer"), columnNames(purchase));
        assertEquals("VARCHAR(120)", type(purchase, "buyer"), "the referenced column's type");
        assertFalse(column(purchase, "buyer").nullable());
        assertEquals(List.of(List.of("buyer")), uniqueColumns(purchase));
        assertEquals(new ForeignKey("fk_purchase_buyer", List.of("buyer"), null, "Customer", List.of("email"),
                OnDelete.NO_ACTION), foreignKey(purchase, "buyer"));
    }

    @Test
    void onDeleteCascadeAndNoConstraint() {
        Table t = table(compile(CUSTOMER,
                source("Card", "@Entity public class Card { @Id Long id; @OneToOne Customer owner; }"),
                source("Purchase", "@Entity public class Purchase { @Id Long id;",
                        "  @ManyToOne @org.hibernate.annotations.OnDelete(",
                        "    action = org.hibernate.annotations.OnDeleteAction.CASCADE) Customer customer;",
                        "  @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Customer loose; }")),
                "Purchase");

        assertEquals(OnDelete.CASCADE, foreignKey(t, "customer_code").onDelete());
        assertEquals("VARCHAR(255)", type(t, "loose_code"), "the column stays");
        assertEquals(1, t.foreignKeys().size(), "NO_CONSTRAINT: no foreign key; " + t.foreignKeys());
    }

    @Test
    void oneToManyWithJoinColumnPutsTheForeignKeyInTheChild() {
        Schema schema = compile(
                source("Invoice", "@Entity public class Invoice { @Id Long id;",
                        "  @OneToMany @JoinColumn(name = \"invoice_id\") List<InvoiceLine> lines;",
                        "  @OneToMany @JoinColumn(name = \"owner_id\", nullable = false) Set<InvoiceLine> owned; }"),
                source("InvoiceLine", "@Entity public class InvoiceLine { @Id Long id; String text; }"));

        Table line = table(schema, "InvoiceLine");
        assertEquals(List.of("id", "invoice_id", "owner_id", "text"), columnNames(line));
        assertTrue(column(line, "invoice_id").nullable());
        assertFalse(column(line, "owner_id").nullable(), "@JoinColumn(nullable = false)");
        assertEquals("Invoice", foreignKey(line, "invoice_id").referencedTable());
        assertEquals(List.of("Invoice", "InvoiceLine"), tableNames(schema), "no join table");
    }

    @Test
    void oneToManyWithoutJoinColumnUsesAJoinTableWithUniqueElements() {
        Schema schema = compile(
                source("Blog", "@Entity public class Blog { @Id Long id; @OneToMany List<Post> posts; }"),
                source("Album", "@Entity public class Album { @Id Long id; @OneToMany Set<Post> posts; }"),
                source("Post", "@Entity public class Post { @Id Long id; }"));

        Table blogPost = table(schema, "Blog_Post");
        assertEquals(List.of("Blog_id", "posts_id"), columnNames(blogPost));
        assertEquals(List.of(List.of("posts_id")), uniqueColumns(blogPost));
        assertEquals("uk_Blog_Post_posts_id", blogPost.uniques().get(0).name());
        assertNull(blogPost.primaryKey(), "a bag has no primary key");
        assertEquals(new ForeignKey("fk_Blog_Post_Blog_id", List.of("Blog_id"), null, "Blog", List.of("id"),
                OnDelete.NO_ACTION), foreignKey(blogPost, "Blog_id"));
        assertEquals("Post", foreignKey(blogPost, "posts_id").referencedTable());
        assertFalse(column(blogPost, "posts_id").nullable());
        assertEquals(List.of("Album_id", "posts_id"), table(schema, "Album_Post").primaryKey().columns());
    }

    @Test
    void manyToManyJoinTableKeyDependsOnTheCollectionKind() {
        Schema schema = compile(
                source("Book", "@Entity public class Book { @Id Long id; @ManyToMany Set<Tag> tags;",
                        "  @ManyToMany @JoinTable(name = \"book_labels\", joinColumns = @JoinColumn(name = \"book\"),",
                        "    inverseJoinColumns = @JoinColumn(name = \"label\")) List<Tag> labels; }"),
                source("Tag", "@Entity public class Tag { @Id Integer id; }"));

        Table bookTag = table(schema, "Book_Tag");
        assertEquals(List.of("tags_id", "Book_id"), bookTag.primaryKey().columns(),
                "a set: key over both columns, in Hibernate's DDL order (INTEGER before BIGINT)");
        assertEquals("INTEGER", type(bookTag, "tags_id"));
        assertEquals(List.of(), bookTag.uniques());
        assertEquals("Tag", foreignKey(bookTag, "tags_id").referencedTable());
        Table labels = table(schema, "book_labels");
        assertEquals(List.of("book", "label"), columnNames(labels));
        assertNull(labels.primaryKey(), "a list without order column: no key");
        assertEquals("Book", foreignKey(labels, "book").referencedTable());
        assertEquals("Tag", foreignKey(labels, "label").referencedTable());
    }

    @Test
    void bidirectionalManyToManyNamesTheOwnerColumnAfterTheInverseAttribute() {
        Schema schema = compile(
                source("Student", "@Entity public class Student { @Id Long id; @ManyToMany Set<Course> courses; }"),
                source("Course", "@Entity public class Course { @Id Long id;",
                        "  @ManyToMany(mappedBy = \"courses\") Set<Student> students; }"));

        Table t = table(schema, "Student_Course");
        assertEquals(List.of("courses_id", "students_id"), t.primaryKey().columns(), "equal sizes: by name");
        assertEquals("Student", foreignKey(t, "students_id").referencedTable());
        assertEquals(List.of("Course", "Student", "Student_Course"), tableNames(schema));
    }

    @Test
    void orderColumnAndMapKeyColumnJoinTheKey() {
        Schema schema = compile(
                source("Ranking", "@Entity public class Ranking { @Id Long id;",
                        "  @ManyToMany @OrderColumn List<Post> ranked;",
                        "  @ManyToMany @MapKeyColumn(name = \"role\") Map<String, Tag> byRole;",
                        "  @ElementCollection Map<String, String> attributes; }"),
                source("Post", "@Entity public class Post { @Id Long id; }"),
                source("Tag", "@Entity public class Tag { @Id Long id; }"));

        Table ranked = table(schema, "Ranking_Post");
        assertEquals("INTEGER", type(ranked, "ranked_ORDER"), "<attribute>_ORDER");
        assertFalse(column(ranked, "ranked_ORDER").nullable());
        assertEquals(List.of("ranked_ORDER", "Ranking_id"), ranked.primaryKey().columns(), "INTEGER before BIGINT");
        Table byRole = table(schema, "Ranking_Tag");
        assertEquals(List.of("Ranking_id", "role"), byRole.primaryKey().columns());
        assertEquals("VARCHAR(255)", type(byRole, "role"));
        assertEquals(List.of("Ranking_id", "role", "byRole_id"), columnNames(byRole));
        Table attributes = table(schema, "Ranking_attributes");
        assertEquals("VARCHAR(255)", type(attributes, "attributes_KEY"), "<attribute>_KEY");
        assertFalse(column(attributes, "attributes_KEY").nullable());
        assertEquals(List.of("Ranking_id", "attributes_KEY"), attributes.primaryKey().columns());
    }

    @Test
    void springNamesJoinTablesAfterTheOwningAttribute() {
        Schema schema = compile(List.of("-Amigration.naming=spring"),
                source("BookShelf", "@Entity public class BookShelf { @Id Long id; @ManyToMany Set<Tag> topTags;",
                        "  @OneToMany List<Tag> pinned; @ManyToOne Tag mainTag; }"),
                source("Tag", "@Entity public class Tag { @Id Long id; }"));

        Table topTags = table(schema, "book_shelf_top_tags");
        assertEquals(List.of("book_shelf_id", "top_tags_id"), topTags.primaryKey().columns());
        assertEquals(List.of("book_shelf_id", "pinned_id"), columnNames(table(schema, "book_shelf_pinned")));
        assertEquals("tag", foreignKey(table(schema, "book_shelf"), "main_tag_id").referencedTable());
    }
}
