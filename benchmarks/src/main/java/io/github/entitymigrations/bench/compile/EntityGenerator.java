package io.github.entitymigrations.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code count} realistic {@code jakarta.persistence} entities (package {@code bench.model}) with
 * their support types, and knows how many tables they map to.
 * <p>
 * Entities come in blocks of 20. Positions 0-13 are ordinary entities extending the {@code @MappedSuperclass}
 * {@code Auditable} ({@code @Version}, timestamps): strings, {@code BigDecimal}, {@code int}/{@code Long}/
 * {@code boolean}/{@code Double}, {@code LocalDate}/{@code LocalDateTime}/{@code OffsetDateTime}/
 * {@code Instant}, {@code UUID}, STRING and ORDINAL enums, {@code @Embedded} {@code Address} and {@code Money}
 * (one with {@code @AttributeOverrides}), sometimes a {@code @Lob}; ids by {@code @SequenceGenerator}, UUID or
 * IDENTITY; {@code @Table} with indexes and a unique constraint; a {@code @ManyToOne} to the previous
 * ordinary entity, answered there by a {@code @OneToMany(mappedBy)}; two in each block own a
 * {@code @ManyToMany} (a join table) and one an {@code @ElementCollection} (a collection table); one refers
 * to the block's single-table hierarchy. Positions 14-16 are a {@code SINGLE_TABLE} hierarchy (root and two
 * subclasses, one table), 17-19 a {@code JOINED} one (three tables). A last, incomplete block has ordinary
 * entities only. Every entity has getters and setters, as real ones do.
 */
public final class EntityGenerator {

    static final String PACKAGE = "bench.model";
    private static final int BLOCK = 20;
    private static final String[] NOUNS = {"Customer", "Order", "Invoice", "Product", "Shipment", "Warehouse",
        "Supplier", "Payment", "Account", "Ticket", "Contract", "Employee", "Project", "Asset", "Vehicle",
        "Booking", "Policy", "Claim", "Campaign", "Subscription"};

    private final int count;

    public EntityGenerator(int count) {
        this.count = count;
    }

    /** The tables the entities map to: one per ordinary entity, hierarchy root and JOINED subclass, plus join and collection tables. */
    public int expectedTables() {
        int tables = 0;
        for (int i = 0; i < count; i++) {
            Kind k = kind(i);
            if (k == Kind.SINGLE_SUB) {
                continue;
            }
            tables++;
            if (k == Kind.ORDINARY && ownsManyToMany(i)) {
                tables++;
            }
            if (k == Kind.ORDINARY && hasElementCollection(i)) {
                tables++;
            }
        }
        return tables;
    }

    /** Writes the sources under {@code root} (a source root) and returns them, support types included. */
    public List<Path> write(Path root) throws IOException {
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(write(dir, "Status", support("public enum Status { DRAFT, ACTIVE, SUSPENDED, CLOSED }")));
        files.add(write(dir, "Priority", support("public enum Priority { LOW, MEDIUM, HIGH, URGENT }")));
        files.add(write(dir, "Address", embeddable("Address", new String[][] {
            {"String", "street", "@Column(length = 200)"}, {"String", "city", "@Column(length = 100)"},
            {"String", "postalCode", "@Column(length = 20)"}, {"String", "country", "@Column(length = 2)"}})));
        files.add(write(dir, "Money", embeddable("Money", new String[][] {
            {"BigDecimal", "moneyAmount", "@Column(precision = 19, scale = 4)"},
            {"String", "moneyCurrency", "@Column(length = 3)"}})));
        files.add(write(dir, "Auditable", auditable()));
        for (int i = 0; i < count; i++) {
            files.add(write(dir, name(i), source(i)));
        }
        return files;
    }

    enum Kind { ORDINARY, SINGLE_ROOT, SINGLE_SUB, JOINED_ROOT, JOINED_SUB }

    Kind kind(int i) {
        int block = i / BLOCK;
        if ((block + 1) * BLOCK > count) {
            return Kind.ORDINARY;
        }
        int p = i % BLOCK;
        return p < 14 ? Kind.ORDINARY : p == 14 ? Kind.SINGLE_ROOT : p < 17 ? Kind.SINGLE_SUB
                : p == 17 ? Kind.JOINED_ROOT : Kind.JOINED_SUB;
    }

    static String name(int i) {
        return NOUNS[i % NOUNS.length] + String.format(Locale.ROOT, "%04d", i);
    }

    private static boolean ownsManyToMany(int i) {
        return i % BLOCK == 3 || i % BLOCK == 10;
    }

    private static boolean hasElementCollection(int i) {
        return i % BLOCK == 5;
    }

    /** The ordinary entity before {@code i}, or -1. */
    private int previousOrdinary(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (kind(j) == Kind.ORDINARY) {
                return j;
            }
        }
        return -1;
    }

    /** The ordinary entity after {@code i}, or -1. */
    private int nextOrdinary(int i) {
        for (int j = i + 1; j < count; j++) {
            if (kind(j) == Kind.ORDINARY) {
                return j;
            }
        }
        return -1;
    }

    private static Path write(Path dir, String type, String text) throws IOException {
        Path file = dir.resolve(type + ".java");
        Files.writeString(file, text);
        return file;
    }

    private static String header() {
        return "package " + PACKAGE + ";\n\n"
                + "import jakarta.persistence.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.*;\n"
                + "import java.util.*;\n\n";
    }

    private static String support(String body) {
        return "package " + PACKAGE + ";\n\n" + body + "\n";
    }

    private static String embeddable(String type, String[][] fields) {
        Source s = new Source(header() + "@Embeddable\npublic class " + type + " {\n\n");
        for (String[] f : fields) {
            s.field(f[2], f[0], f[1]);
        }
        return s.finish();
    }

    private static String auditable() {
        Source s = new Source(header() + "@MappedSuperclass\npublic abstract class Auditable {\n\n");
        s.field("@Version", "long", "version");
        s.field("@Column(nullable = false, updatable = false)", "Instant", "createdAt");
        s.field("", "LocalDateTime", "updatedAt");
        s.field("@Column(length = 64)", "String", "createdBy");
        return s.finish();
    }

    private String source(int i) {
        return switch (kind(i)) {
            case ORDINARY -> ordinary(i);
            case SINGLE_ROOT -> root(i, "SINGLE_TABLE");
            case JOINED_ROOT -> root(i, "JOINED");
            case SINGLE_SUB, JOINED_SUB -> subclass(i);
        };
    }

    private String ordinary(int i) {
        String name = name(i);
        String table = name.toLowerCase(Locale.ROOT);
        StringBuilder head = new StringBuilder(header());
        head.append("@Entity\n");
        head.append("@Table(name = \"").append(table).append("\",\n")
                .append("       indexes = { @Index(name = \"ix_").append(table).append("_name\", columnList = \"name\"),\n")
                .append("                   @Index(name = \"ix_").append(table)
                .append("_status_due\", columnList = \"status, dueDate\") },\n")
                .append("       uniqueConstraints = @UniqueConstraint(name = \"uk_").append(table)
                .append("_code\", columnNames = \"code\"))\n");
        head.append("public class ").append(name).append(" extends Auditable {\n\n");
        Source s = new Source(head.toString());
        switch (i % 3) {
            case 0 -> s.field("@Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"" + table
                    + "_gen\")\n    @SequenceGenerator(name = \"" + table + "_gen\", sequenceName = \"" + table
                    + "_seq\", allocationSize = 20)", "Long", "id");
            case 1 -> s.field("@Id\n    @GeneratedValue(strategy = GenerationType.UUID)", "UUID", "id");
            default -> s.field("@Id\n    @GeneratedValue(strategy = GenerationType.IDENTITY)", "Long", "id");
        }
        s.field("@Column(nullable = false, length = 120)", "String", "name");
        s.field("@Column(length = 40)", "String", "code");
        s.field("@Column(precision = 12, scale = 2)", "BigDecimal", "amount");
        s.field("", "int", "quantity");
        s.field("", "Long", "counter");
        s.field("@Column(nullable = false)", "boolean", "active");
        s.field("", "Double", "ratio");
        s.field("", "LocalDate", "dueDate");
        s.field("", "LocalDateTime", "scheduledAt");
        if (i % 2 == 0) {
            s.field("", "OffsetDateTime", "confirmedAt");
        } else {
            s.field("", "LocalTime", "startTime");
        }
        s.field("@Column(unique = " + (i % 5 == 0) + ")", "UUID", "externalRef");
        s.field("@Enumerated(EnumType.STRING)\n    @Column(length = 20)", "Status", "status");
        s.field("@Enumerated", "Priority", "priority");
        if (i % 4 == 0) {
            s.field("@Lob", "String", "description");
        } else {
            s.field("@Column(length = 1000)", "String", "description");
        }
        s.field("@Embedded", "Address", "address");
        if (i % 4 == 1) {
            s.field("@Embedded\n    @AttributeOverrides({\n"
                    + "        @AttributeOverride(name = \"street\", column = @Column(name = \"billing_street\", length = 200)),\n"
                    + "        @AttributeOverride(name = \"city\", column = @Column(name = \"billing_city\", length = 100)),\n"
                    + "        @AttributeOverride(name = \"postalCode\", column = @Column(name = \"billing_postal_code\", length = 20)),\n"
                    + "        @AttributeOverride(name = \"country\", column = @Column(name = \"billing_country\", length = 2)) })",
                    "Address", "billingAddress");
        }
        if (i % 2 == 0) {
            s.field("@Embedded", "Money", "total");
        }
        s.field("@Transient", "String", "displayCache");
        int previous = previousOrdinary(i);
        if (previous >= 0) {
            s.field("@ManyToOne(fetch = FetchType.LAZY)\n    @JoinColumn(name = \"parent_id\")", name(previous), "parent");
        }
        int next = nextOrdinary(i);
        if (next >= 0) {
            s.field("@OneToMany(mappedBy = \"parent\")", "List<" + name(next) + ">", "children", "new ArrayList<>()");
        }
        if (ownsManyToMany(i) && previous >= 0) {
            int target = previousOrdinary(previous) >= 0 ? previousOrdinary(previous) : previous;
            s.field("@ManyToMany\n    @JoinTable(name = \"" + table + "_related\",\n"
                    + "               joinColumns = @JoinColumn(name = \"owner_id\"),\n"
                    + "               inverseJoinColumns = @JoinColumn(name = \"related_id\"))",
                    "Set<" + name(target) + ">", "related", "new HashSet<>()");
        } else if (ownsManyToMany(i)) {
            s.field("@ManyToMany", "Set<" + name + ">", "related", "new HashSet<>()");
        }
        if (hasElementCollection(i)) {
            s.field("@ElementCollection\n    @CollectionTable(name = \"" + table
                    + "_tags\", joinColumns = @JoinColumn(name = \"owner_id\"))\n    @Column(name = \"tag\", length = 50)",
                    "Set<String>", "tags", "new HashSet<>()");
        }
        int block = i / BLOCK * BLOCK;
        if (i % BLOCK == 2 && kind(block + 14) == Kind.SINGLE_ROOT) {
            s.field("@ManyToOne(fetch = FetchType.LAZY)", name(block + 14), "party");
        }
        if (i % BLOCK == 7 && kind(block + 17) == Kind.JOINED_ROOT) {
            s.field("@ManyToOne(fetch = FetchType.LAZY)", name(block + 17), "document");
        }
        return s.finish();
    }

    private String root(int i, String strategy) {
        String name = name(i);
        String table = name.toLowerCase(Locale.ROOT);
        StringBuilder head = new StringBuilder(header());
        head.append("@Entity\n@Table(name = \"").append(table).append("\", indexes = @Index(name = \"ix_")
                .append(table).append("_ref\", columnList = \"reference\"))\n");
        head.append("@Inheritance(strategy = InheritanceType.").append(strategy).append(")\n");
        if (strategy.equals("SINGLE_TABLE")) {
            head.append("@DiscriminatorColumn(name = \"kind\", length = 31)\n@DiscriminatorValue(\"ROOT\")\n");
        }
        head.append("public class ").append(name).append(" extends Auditable {\n\n");
        Source s = new Source(head.toString());
        s.field("@Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"" + table
                + "_gen\")\n    @SequenceGenerator(name = \"" + table + "_gen\", sequenceName = \"" + table
                + "_seq\")", "Long", "id");
        s.field("@Column(nullable = false, length = 60)", "String", "reference");
        s.field("@Column(precision = 10, scale = 3)", "BigDecimal", "weight");
        s.field("", "LocalDate", "validFrom");
        s.field("@Enumerated(EnumType.STRING)\n    @Column(length = 20)", "Status", "status");
        s.field("@Embedded", "Address", "address");
        return s.finish();
    }

    private String subclass(int i) {
        String name = name(i);
        int root = i % BLOCK < 17 ? i / BLOCK * BLOCK + 14 : i / BLOCK * BLOCK + 17;
        boolean single = kind(i) == Kind.SINGLE_SUB;
        StringBuilder head = new StringBuilder(header());
        head.append("@Entity\n");
        if (single) {
            head.append("@DiscriminatorValue(\"").append(name.toUpperCase(Locale.ROOT)).append("\")\n");
        } else {
            head.append("@Table(name = \"").append(name.toLowerCase(Locale.ROOT)).append("\")\n");
        }
        head.append("public class ").append(name).append(" extends ").append(name(root)).append(" {\n\n");
        Source s = new Source(head.toString());
        String p = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1).replaceAll("[0-9]", "");
        s.field("@Column(length = 80)", "String", p + "Label");
        s.field("", "Integer", p + "Rank");
        s.field("", "OffsetDateTime", p + "ClosedAt");
        s.field("@Enumerated", "Priority", p + "Priority");
        return s.finish();
    }

    /** A class body: fields first, then their getters and setters. */
    private static final class Source {
        private final StringBuilder fields = new StringBuilder();
        private final StringBuilder accessors = new StringBuilder();

        Source(String head) {
            fields.append(head);
        }

        void field(String annotations, String type, String name) {
            field(annotations, type, name, null);
        }

        void field(String annotations, String type, String name, String init) {
            if (!annotations.isEmpty()) {
                fields.append("    ").append(annotations).append('\n');
            }
            fields.append("    private ").append(type).append(' ').append(name)
                    .append(init == null ? "" : " = " + init).append(";\n\n");
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String get = type.equals("boolean") ? "is" : "get";
            accessors.append("    public ").append(type).append(' ').append(get).append(cap).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(cap).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n\n");
        }

        String finish() {
            return fields.append(accessors).append("}\n").toString();
        }
    }
}
