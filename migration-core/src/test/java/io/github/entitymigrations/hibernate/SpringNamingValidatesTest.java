package io.github.entitymigrations.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.reference.SpringImplicitNamingStrategy;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.testing.MariaDbDatabase;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HibernateValidatesMigratedSchemaTest} in {@code spring} naming, the one most applications run: the processor
 * with {@code -Amigration.naming=spring} over the fixture entities, the migration generated from that snapshot and
 * applied, and Hibernate booted with Spring Boot's naming strategies (its implicit strategy; as physical strategy
 * Spring Boot 3's {@code CamelCaseToUnderscoresNamingStrategy} with Hibernate 6.6, Spring Boot 4's
 * {@code PhysicalNamingStrategySnakeCaseImpl} with Hibernate 7) and {@code hbm2ddl.auto=validate} must accept the
 * schema, then write and read back one instance of every entity: on PostgreSQL, SQLite, MariaDB and MySQL.
 */
class SpringNamingValidatesTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @TempDir
    Path work;

    /** Spring Boot's naming settings for the Hibernate on the class path. */
    private static Map<String, String> springNaming() {
        String physical = ValidatingHibernate.hibernateMajor() >= 7
                ? "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"
                : CamelCaseToUnderscoresNamingStrategy.class.getName();
        return Map.of(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SpringImplicitNamingStrategy.class.getName(),
                AvailableSettings.PHYSICAL_NAMING_STRATEGY, physical);
    }

    private String snapshot() throws IOException {
        String snapshot = HibernateValidatesMigratedSchemaTest.processorSnapshot(work, FixtureEntities.ALL,
                "-Amigration.naming=spring");
        assertEquals("spring", SchemaJson.read(snapshot).naming().json(), "the snapshot's naming");
        return checksInSnakeCase(snapshot);
    }

    private static final Pattern CAMEL_CASE = Pattern.compile("'[^']*'|\"[^\"]*\"|\\b[a-z]+[A-Z][A-Za-z0-9_]*\\b");

    /**
     * The snapshot with the fixtures' own {@code @Check} expressions written for spring naming: they name columns
     * as the jpa naming does ({@code maxPayload > 0}), and Hibernate copies a check's SQL as it is, so its own
     * {@code create} fails on them in spring naming just as a migration does ("column maxpayload does not exist");
     * an application on Spring's naming writes {@code max_payload > 0}. The names outside quotes change as Spring's
     * physical strategy changes a column's.
     */
    private static String checksInSnakeCase(String snapshot) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(snapshot);
        for (JsonNode table : root.path("tables")) {
            for (JsonNode check : table.path("checks")) {
                if (check.hasNonNull("expression")) {
                    Matcher m = CAMEL_CASE.matcher(check.get("expression").asText());
                    String written = m.replaceAll(r -> Matcher.quoteReplacement(r.group().startsWith("'")
                            || r.group().startsWith("\"") ? r.group()
                            : r.group().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)));
                    ((ObjectNode) check).put("expression", written);
                }
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    @Test
    void postgresql() throws IOException {
        String url = POSTGRES.jdbcUrl();
        HibernateValidatesMigratedSchemaTest.migrate(work, "postgresql-spring", new Database(url, null, null, null),
                snapshot());
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(PostgreSQLDialect.class.getName(), url, false,
                FixtureEntities.ALL, springNaming())) {
            assertTrue(hibernate.metadata().getEntityBinding(
                    "io.github.entitymigrations.fixtures.shop.OrderLine").getTable().getName().contains("_"),
                    "Spring's physical strategy names order_line");
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.unreadableByFindOnPostgresql(), FixtureEntities.ALL);
        }
    }

    @Test
    void sqlite() throws IOException {
        String url = "jdbc:sqlite:" + work.resolve("spring.db");
        HibernateValidatesMigratedSchemaTest.migrate(work, "sqlite-spring", new Database(url, null, null, null),
                HibernateValidatesMigratedSchemaTest.withoutSchemas(snapshot()));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(
                ValidatingHibernate.SqliteDialectAcceptingIdentityIntegers.class.getName(), url + "?foreign_keys=true",
                true, FixtureEntities.ALL, springNaming())) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.UNREADABLE_BY_FIND_ON_SQLITE, FixtureEntities.ALL);
        }
    }

    @Test
    void mariadb() throws IOException, SQLException {
        mysqlFamily("mariadb", HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.jdbcUrl()),
                ValidatingHibernate.MariaDbDialectAcceptingKnownDifferences.class, FixtureEntities.ALL);
    }

    @Test
    void mysql() throws IOException, SQLException {
        mysqlFamily("mysql", HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.mysqlUrl()),
                ValidatingHibernate.MySqlDialectAcceptingKnownDifferences.class,
                HibernateValidatesMigratedSchemaTest.WRITABLE_ON_MYSQL);
    }

    private void mysqlFamily(String label, String url, Class<?> dialect, List<Class<?>> writable)
            throws IOException, SQLException {
        HibernateValidatesMigratedSchemaTest.migrate(work, label + "-spring", new Database(url, null, null, null),
                HibernateValidatesMigratedSchemaTest.withoutSchemas(snapshot()));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(dialect.getName(), url, true,
                FixtureEntities.ALL, springNaming())) {
            assertEquals(List.of(), HibernateValidatesMigratedSchemaTest.clobsTypedOtherwise(hibernate.metadata(),
                    url));
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate, Map.of(), writable);
        }
    }
}
