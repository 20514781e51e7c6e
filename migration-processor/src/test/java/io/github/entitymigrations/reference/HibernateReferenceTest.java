package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor's snapshot must be the schema Hibernate itself would create for the same
 * entities: tables, columns (type, size, nullability, identity, default), primary keys, unique
 * column sets, indexes, foreign keys, check constraints and sequences, in both naming modes.
 * migration-processor runs it against Hibernate 6.6; the {@code hibernate-reference} modules compile this
 * same class against Hibernate 7.2 and 7.4, where the processor detects and follows that version.
 *
 * <p>Each run writes Hibernate's side to {@code target/hibernate-reference-<naming>.txt} and ours to
 * {@code target/snapshot-reference-<naming>.txt}, in the same one-line-per-fact form, for review, and
 * the PostgreSQL script Hibernate would run to {@code target/hibernate-reference-<naming>.sql}.
 */
class HibernateReferenceTest {

    /**
     * Differences we accept and document in the README, each exact message with its reason, for the Hibernate
     * this run boots. Keep this short: a difference belongs here only when matching Hibernate is wrong or
     * impossible. {@link QuotingReferenceTest} accepts the same ones.
     */
    /**
     * Envers numbers revisions with Hibernate's native generator: the sequence {@code REVINFO_SEQ} on PostgreSQL,
     * identity on MariaDB and MySQL. One snapshot serves every database, so its {@code REVINFO.REV} is an identity
     * column and the sequence is there too: PostgreSQL's Hibernate draws from the sequence and writes the number.
     */
    static final Map<String, String> REVISION_NUMBER = Map.of(
            "table REVINFO column REV: hibernate INTEGER not null, snapshot INTEGER not null identity", "native",
            "table revinfo column rev: hibernate INTEGER not null, snapshot INTEGER not null identity", "native",
            "table REVINFO column REV: hibernate INTEGER not null quoted, snapshot INTEGER not null identity quoted",
            "native (quoted)",
            "table revinfo column rev: hibernate INTEGER not null quoted, snapshot INTEGER not null identity quoted",
            "native (quoted)");

    static final Map<String, String> KNOWN_DIFFERENCES = withRevisionNumber(
            Version.getVersionString().startsWith("6.") ? Map.of()
            : Map.of("table reviews: missing check rating in (1, 2, 3, 4, 5)",
                    "Hibernate 7 runs an enum's AttributeConverter on every constant while it boots and checks the "
                    + "column holds one of the results; the processor never runs application code"));

    private static Map<String, String> withRevisionNumber(Map<String, String> known) {
        Map<String, String> all = new java.util.HashMap<>(known);
        all.putAll(REVISION_NUMBER);
        return Map.copyOf(all);
    }

    private static final Map<String, NormalizedSchema> HIBERNATE = new ConcurrentHashMap<>();

    @Test
    void everyFixtureEntityIsListed() {
        Set<String> declared = FixtureCompiler.fixtureSources().entrySet().stream()
                .filter(source -> source.getValue().contains("\n@Entity"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = Stream.concat(FixtureEntities.ALL.stream(), FixtureEntities.KEYWORD_NAMED.stream())
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, listed,
                "FixtureEntities.ALL (or KEYWORD_NAMED) must list every @Entity under fixtures/");
        assertTrue(listed.size() >= 32, "the issue asks for at least 30 fixture entities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpa", "spring"})
    void dumpHibernateModel(String naming) throws IOException {
        NormalizedSchema hibernate = hibernate(naming);

        // Guard the reference itself: Bean Validation must have reached the mapping (@NotNull @Size(max = 200)).
        String productName = hibernate.items("products").get("column name").value();
        assertEquals("VARCHAR(200) not null", productName, "Bean Validation was not applied to Hibernate's DDL");
        assertTrue(hibernate.hasTable("orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpa", "spring"})
    void snapshotMatchesHibernate(String naming) throws IOException {
        NormalizedSchema hibernate = hibernate(naming);
        String json = FixtureCompiler.snapshot(naming, UnaryOperator.identity());
        Schema parsed = SchemaJson.read(json);
        // The processor detected the hibernate-core on the classpath it compiled against: this run's.
        assertEquals(followedRelease(Version.getVersionString()), parsed.hibernate(),
                "the snapshot does not follow the Hibernate on the compile classpath");
        NormalizedSchema snapshot = SnapshotSchemaReader.normalize(parsed);
        write("snapshot-reference-" + naming + ".txt", header("the processor's snapshot", naming) + snapshot.dump());
        compare(hibernate, snapshot, "naming " + naming, naming);
    }

    /**
     * Fails with one list of every difference not in {@link #KNOWN_DIFFERENCES}. For the main
     * comparisons ({@code naming} set) it also lists entries that no longer occur, and names the dumps.
     */
    private static void compare(NormalizedSchema hibernate, NormalizedSchema snapshot, String label, String naming) {
        List<String> differences = new ArrayList<>(hibernate.differences(snapshot));
        List<String> stale = naming == null ? List.of()
                : KNOWN_DIFFERENCES.keySet().stream().filter(k -> !differences.contains(k))
                .filter(k -> !REVISION_NUMBER.containsKey(k)) // one naming's each, and none without Envers
                .sorted().toList();
        differences.removeAll(KNOWN_DIFFERENCES.keySet());
        if (differences.isEmpty() && stale.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder().append(differences.size())
                .append(" difference(s) between Hibernate ").append(Version.getVersionString())
                .append(" and the snapshot (").append(label).append("):\n");
        differences.forEach(d -> message.append("  ").append(d).append('\n'));
        if (!stale.isEmpty()) {
            message.append("KNOWN_DIFFERENCES entries that no longer occur (remove them):\n");
            stale.forEach(d -> message.append("  ").append(d).append('\n'));
        }
        if (naming != null) {
            message.append("(compare target/hibernate-reference-").append(naming)
                    .append(".txt with target/snapshot-reference-").append(naming).append(".txt)");
        }
        fail(message.toString());
    }

    /**
     * {@code -Amigration.beanValidation=false} must match Hibernate with {@code jakarta.persistence.validation.mode=none}.
     */
    @Test
    void snapshotWithoutBeanValidationMatchesHibernateWithoutIt() throws IOException {
        NormalizedSchema hibernate = new HibernateSchemaReader("jpa", false).read(FixtureEntities.ALL);
        assertEquals("VARCHAR(255) null", hibernate.items("products").get("column name").value(),
                "validation mode none still applied Bean Validation");
        String json = FixtureCompiler.snapshot("jpa", UnaryOperator.identity(), "-Amigration.beanValidation=false");
        compare(hibernate, SnapshotSchemaReader.normalize(SchemaJson.read(json)), "naming jpa, beanValidation=false",
                null);
    }

    /** Boots Hibernate once per naming mode and writes its dump every time the test runs. */
    private static NormalizedSchema hibernate(String naming) throws IOException {
        NormalizedSchema schema = HIBERNATE.get(naming);
        if (schema == null) {
            HibernateSchemaReader reader = new HibernateSchemaReader(naming, true);
            schema = reader.read(FixtureEntities.ALL);
            HIBERNATE.put(naming, schema);
            write("hibernate-reference-" + naming + ".sql", reader.ddl());
            write("hibernate-reference-" + naming + ".txt", header("Hibernate " + Version.getVersionString(), naming)
                    + schema.dump());
        }
        return schema;
    }

    /** {@code 6.6}, {@code 7.2} or {@code 7.4}: what the processor follows for this release (major.minor here). */
    private static String followedRelease(String release) {
        return release.substring(0, release.indexOf('.', release.indexOf('.') + 1));
    }

    private static String header(String source, String naming) {
        return "# " + source + ", naming " + naming + ", over " + FixtureEntities.ALL.size() + " fixture entities.\n"
                + "# One line per table, column, key, constraint and sequence, as HibernateReferenceTest compares them.\n"
                + "# Column: logical type (SqlTypes name, size), null/not null, identity, default, columnDefinition, quoted.\n"
                + "# Primary key columns in the order of Hibernate's CREATE TABLE (its ColumnOrderingStrategyStandard).\n"
                + "# Unique and index keys list columns (unique as a sorted set); \"named\" only for explicit names.\n"
                + "# Foreign keys pair local and referenced columns, ordered by the local column.\n"
                + "# \"-- postgresql ...\" is the type Hibernate's PostgreSQLDialect renders; it is not compared.\n";
    }

    private static void write(String file, String text) throws IOException {
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
