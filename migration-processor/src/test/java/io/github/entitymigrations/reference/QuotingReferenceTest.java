package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Version;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hibernate's quoting settings against the processor options that model them, over every fixture entity plus
 * the keyword-named ones ({@code Member}, {@code Group}, {@code Comment}): the snapshot must equal what Hibernate
 * (6.6 here, 7.2 and 7.4 in the hibernate-reference modules) maps with the same setting, quoted flags of tables,
 * columns and sequences included, but for {@link HibernateReferenceTest#KNOWN_DIFFERENCES}.
 *
 * <p>Hibernate boots on a PostgreSQL connection here, as an application does: its keyword list then includes
 * what the PostgreSQL driver reports, which a boot without a database leaves out ({@code comment} and
 * {@code version} are quoted only with a connection). Dumps go to {@code target/hibernate-quoting-*.txt} and
 * {@code target/snapshot-quoting-*.txt}, Hibernate's script to {@code target/hibernate-quoting-*.sql}.
 */
class QuotingReferenceTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @ParameterizedTest(name = "{0} with {1}={2} ({3}={4})")
    @CsvSource({
            "jpa, hibernate.auto_quote_keyword, true, migration.autoQuoteKeyword, true",
            "spring, hibernate.auto_quote_keyword, true, migration.autoQuoteKeyword, true",
            "jpa, hibernate.globally_quoted_identifiers, true, migration.globallyQuotedIdentifiers, true",
            "spring, hibernate.globally_quoted_identifiers, true, migration.globallyQuotedIdentifiers, true",
    })
    void snapshotMatchesHibernateWithTheSetting(String naming, String setting, String value, String option,
                                                String optionValue) throws IOException {
        compare(naming, List.of(setting, value), List.of("-A" + option + "=" + optionValue));
    }

    /** Global quoting also wraps each {@code columnDefinition} in quotes, unless told to skip them. */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void columnDefinitionsFollowTheSkipSetting(String skip) throws IOException {
        NormalizedSchema hibernate = compare("jpa",
                List.of("hibernate.globally_quoted_identifiers", "true",
                        "hibernate.globally_quoted_identifiers_skip_column_definitions", skip),
                List.of("-Amigration.globallyQuotedIdentifiers=true",
                        "-Amigration.globallyQuotedIdentifiersSkipColumnDefinitions=" + skip));
        String value = hibernate.items("AppSetting").get("column value").value();
        assertEquals(skip.equals("true") ? "VARCHAR(255) null columnDefinition 'text' quoted"
                : "VARCHAR(255) null columnDefinition '\"text\"' quoted", value);
    }

    /**
     * Why the snapshot follows Hibernate on a connection: without one, Hibernate's dialect knows only the ANSI
     * SQL keywords, and leaves {@code Comment} (a PostgreSQL keyword its driver reports) unquoted. An application
     * always has the connection, so it quotes it.
     */
    @ParameterizedTest
    @CsvSource({"false", "true"})
    void postgresqlKeywordsComeFromTheConnection(boolean connected) {
        HibernateSchemaReader reader = new HibernateSchemaReader("jpa", true)
                .with("hibernate.auto_quote_keyword", "true");
        if (connected) {
            reader.connectedTo(POSTGRES.jdbcUrl());
        }
        NormalizedSchema hibernate = reader.read(FixtureEntities.KEYWORD_NAMED);
        assertEquals("quoted", hibernate.items("Member").get("table").value(), "an ANSI keyword is quoted either way");
        assertEquals(connected ? "quoted" : "", hibernate.items("Comment").get("table").value());
    }

    /**
     * Boots Hibernate with {@code settings} (name, value, ...) and compiles the fixtures with {@code options};
     * fails listing every difference. Returns Hibernate's side, after checking the setting reached it.
     */
    private static NormalizedSchema compare(String naming, List<String> settings, List<String> options)
            throws IOException {
        HibernateSchemaReader reader = new HibernateSchemaReader(naming, true).connectedTo(POSTGRES.jdbcUrl());
        for (int i = 0; i < settings.size(); i += 2) {
            reader.with(settings.get(i), settings.get(i + 1));
        }
        String label = naming + "-" + String.join("-", options).replace("-Amigration.", "").replace('=', '-');
        NormalizedSchema hibernate = reader.read(Stream.concat(FixtureEntities.ALL.stream(),
                FixtureEntities.KEYWORD_NAMED.stream()).toList());
        write("hibernate-quoting-" + label + ".sql", reader.ddl());
        write("hibernate-quoting-" + label + ".txt", hibernate.dump());
        // Spring's physical strategy lower-cases quoted names with Hibernate 6 (Spring Boot 3's), not with 7
        // (Hibernate's PhysicalNamingStrategySnakeCaseImpl, which Spring Boot 4 uses).
        String member = naming.equals("spring") && Version.getVersionString().startsWith("6.") ? "member" : "Member";
        assertTrue(hibernate.hasTable(member) && hibernate.items(member).get("table").value().equals("quoted"),
                "the setting did not reach Hibernate: table " + member + " is not quoted");

        String json = FixtureCompiler.snapshotWithKeywordNamed(naming, options.toArray(String[]::new));
        NormalizedSchema snapshot = SnapshotSchemaReader.normalize(SchemaJson.read(json));
        write("snapshot-quoting-" + label + ".txt", snapshot.dump());
        List<String> differences = new ArrayList<>(hibernate.differences(snapshot));
        differences.removeAll(HibernateReferenceTest.KNOWN_DIFFERENCES.keySet());
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) between Hibernate " + Version.getVersionString()
                    + " and the snapshot (" + label + "):\n  " + String.join("\n  ", differences)
                    + "\n(compare target/hibernate-quoting-" + label + ".txt with target/snapshot-quoting-" + label
                    + ".txt)");
        }
        return hibernate;
    }

    private static void write(String file, String text) throws IOException {
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
