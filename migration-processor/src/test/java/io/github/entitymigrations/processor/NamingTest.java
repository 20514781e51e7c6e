package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.columnNames;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.foreignKey;
import static io.github.entitymigrations.processor.SnapshotCompiler.json;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static io.github.entitymigrations.processor.SnapshotCompiler.tableNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Naming modes, generated constraint names, the 63-byte limit, and byte-identical output. */
class NamingTest {

    private static final List<String> SPRING = List.of("-Amigration.naming=spring");
    private static final Pattern CUT_NAME = Pattern.compile(".*_[0-9a-f]{8}");

    private static final JavaFileObject[] BLOG = {
        source("BlogAuthor", "@Entity @Table(schema = \"blogData\") public class BlogAuthor { @Id @GeneratedValue Long id; }"),
        source("Tag", "@Entity public class Tag { @Id Long id; }"),
        source("BlogPost", "@Entity public class BlogPost { @Id @GeneratedValue Long id; LocalDate createdAt;",
                "  @Column(name = \"updatedAt\") Instant updated; @ManyToOne BlogAuthor mainAuthor;",
                "  @ManyToMany Set<Tag> tags; @ElementCollection Set<String> extraLabels; }")};

    @Test
    void jpaNamingKeepsJavaNames() {
        Schema schema = compile(BLOG);

        assertEquals(List.of("BlogPost", "BlogPost_Tag", "BlogPost_extraLabels", "Tag", "blogData.BlogAuthor"),
                tableNames(schema));
        assertEquals(List.of("id", "createdAt", "mainAuthor_id", "updatedAt"), columnNames(table(schema, "BlogPost")));
        assertEquals(List.of("BlogPost_id", "tags_id"), columnNames(table(schema, "BlogPost_Tag")));
        assertEquals(List.of("BlogAuthor_SEQ", "BlogPost_SEQ"), schema.sequences().stream().map(Sequence::name).toList());
    }

    @Test
    void springNamingSnakeCasesEveryName() {
        Schema schema = compile(SPRING, BLOG);

        assertEquals("spring", schema.naming().json());
        assertEquals(List.of("blog_data.blog_author", "blog_post", "blog_post_extra_labels", "blog_post_tags", "tag"),
                tableNames(schema));
        Table post = table(schema, "blog_post");
        assertEquals(List.of("id", "created_at", "main_author_id", "updated_at"), columnNames(post),
                "explicit @Column names go through the physical strategy too");
        assertEquals(new ForeignKey("fk_blog_post_main_author_id", List.of("main_author_id"), "blog_data",
                "blog_author", List.of("id"), OnDelete.NO_ACTION), foreignKey(post, "main_author_id"));
        assertEquals(List.of("blog_post_id", "tags_id"), table(schema, "blog_post_tags").primaryKey().columns());
        assertEquals(List.of("blog_post_id", "extra_labels"), columnNames(table(schema, "blog_post_extra_labels")));
        assertEquals(List.of("blog_author_seq", "blog_post_seq"), schema.sequences().stream().map(Sequence::name).toList());
    }

    @Test
    void springNamingInsertsUnderscoresOnlyBetweenLowerUpperLower() {
        Table t = table(compile(SPRING, source("HTMLPage", "@Entity @Table(name = \"`OrderItem`\") public class HTMLPage {",
                "  @Id Long id; String HTMLCode; String aB; String address2Line; String sizeX2; String lineItemURL; }")),
                "order_item");

        assertTrue(t.quoted(), "a quoted name stays quoted");
        // CamelCaseToUnderscoresNamingStrategy: isLowerCase(before) && isUpperCase(current) && isLowerCase(after).
        assertEquals(List.of("id", "ab", "address2line", "htmlcode", "line_itemurl", "sizex2"), columnNames(t));
    }

    @Test
    void unnamedConstraintsGetReadableNames() {
        Table t = table(compile(
                source("Customer", "@Entity public class Customer { @Id Long id; }"),
                source("Invoice", "@Entity @Table(indexes = @Index(columnList = \"dueDate, total\"),",
                        "  uniqueConstraints = @UniqueConstraint(columnNames = { \"customer_id\", \"number\" }))",
                        "public class Invoice { @Id Long id; @Column(unique = true) String number; LocalDate dueDate;",
                        "  BigDecimal total; @ManyToOne Customer customer; public enum Status { OPEN, PAID } Status status; }")),
                "Invoice");

        assertEquals("pk_Invoice", t.primaryKey().name());
        assertEquals("fk_Invoice_customer_id", foreignKey(t, "customer_id").name());
        assertEquals(List.of(new UniqueConstraint("uk_Invoice_customer_id_number", List.of("customer_id", "number")),
                new UniqueConstraint("uk_Invoice_number", List.of("number"))), t.uniques());
        assertEquals(List.of(new Index("ix_Invoice_dueDate_total", List.of("dueDate", "total"), false)), t.indexes());
        assertEquals(List.of("ck_Invoice_status"), t.checks().stream().map(CheckConstraint::name).toList());
    }

    @Test
    void explicitConstraintNamesAreKeptAsWritten() {
        Table t = table(compile(SPRING,
                source("Customer", "@Entity public class Customer { @Id Long id; }"),
                source("Invoice", "@Entity @Table(indexes = @Index(name = \"idxDueDate\", columnList = \"dueDate\"),",
                        "  uniqueConstraints = @UniqueConstraint(name = \"uqNumber\", columnNames = \"number\"))",
                        "public class Invoice { @Id Long id; String number; LocalDate dueDate;",
                        "  @ManyToOne @JoinColumn(foreignKey = @ForeignKey(name = \"fkInvoiceCustomer\")) Customer customer; }")),
                "invoice");

        assertEquals("fkInvoiceCustomer", foreignKey(t, "customer_id").name());
        assertEquals(List.of(new UniqueConstraint("uqNumber", List.of("number"))), t.uniques());
        assertEquals(List.of(new Index("idxDueDate", List.of("due_date"), false)), t.indexes());
    }

    private static final String LONG_TABLE = "customer_subscription_billing_history_entries"; // 45 characters

    @Test
    void longNamesAreCutTo63BytesWithAHashAndStayUnique() {
        Schema schema = compile(
                source("Plan", "@Entity public class Plan { @Id Long id; }"),
                source("Entry", "@Entity @Table(name = \"" + LONG_TABLE + "\") public class Entry { @Id Long id;",
                        "  @ManyToOne Plan previousSubscriptionPlanAlpha; @ManyToOne Plan previousSubscriptionPlanOmega; }"),
                source("Wide", "@Entity @Table(name = \"übergrößenverhältnisse_für_ausführliche_prüfungsübersichten\")",
                        "public class Wide { @Id Long id; public enum Kind { A } @Enumerated(EnumType.STRING) Kind kind; }"));

        Table entry = table(schema, LONG_TABLE);
        String alpha = foreignKey(entry, "previousSubscriptionPlanAlpha_id").name();
        String omega = foreignKey(entry, "previousSubscriptionPlanOmega_id").name();
        for (String name : List.of(alpha, omega)) {
            assertEquals(63, name.getBytes(StandardCharsets.UTF_8).length, name);
            assertTrue(CUT_NAME.matcher(name).matches(), name + " ends with _ and 8 hex digits");
            assertTrue(name.startsWith("fk_" + LONG_TABLE + "_previ"), name + " keeps the first 54 bytes");
        }
        assertNotEquals(alpha, omega, "names that differ only after the cut stay distinct");
        Table wide = table(schema, "übergrößenverhältnisse_für_ausführliche_prüfungsübersichten");
        for (String name : List.of(wide.primaryKey().name(), wide.checks().get(0).name())) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name + " is at most 63 bytes");
            assertTrue(CUT_NAME.matcher(name).matches(), name);
        }
        assertEquals("VARCHAR(255)", column(wide, "kind").type().toString());
    }

    private static final String[] FIELDS = {"String name;", "int rank;", "@ManyToOne Team team;",
        "@ElementCollection Set<String> aliases;", "@Column(unique = true) String email;", "LocalDate born;"};

    private static JavaFileObject[] league(boolean reversed) {
        List<String> fields = new ArrayList<>(List.of(FIELDS));
        if (reversed) {
            Collections.reverse(fields);
        }
        JavaFileObject player = source("Player", "@Entity public class Player { @Id @GeneratedValue Long id;",
                String.join(" ", fields), "}");
        JavaFileObject team = source("Team", "@Entity public class Team {",
                reversed ? "String city; @Id Long id;" : "@Id Long id; String city;", "}");
        JavaFileObject coach = source("Coach", "@Entity public class Coach { @Id Long id; @OneToOne Team team; }");
        return reversed ? new JavaFileObject[] {team, coach, player} : new JavaFileObject[] {player, coach, team};
    }

    @Test
    void outputIsByteIdenticalAcrossCompilesAndSourceOrder() {
        String first = json(List.of(), league(false));

        assertEquals(first, json(List.of(), league(false)), "the same sources twice");
        assertEquals(first, json(List.of(), league(true)), "fields and classes in another order");
        assertEquals(json(SPRING, league(false)), json(SPRING, league(true)), "spring naming too");
    }
}
