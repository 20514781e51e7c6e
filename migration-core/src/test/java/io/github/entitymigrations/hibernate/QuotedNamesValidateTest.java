package io.github.entitymigrations.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.testing.MariaDbDatabase;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's quoting settings end to end: the processor runs over the fixture entities plus the keyword-named
 * ones ({@code Member}, {@code Group}, {@code Comment}) with the option that models the setting, the generated
 * migration is applied, and Hibernate 6.6 started with the same setting and {@code hbm2ddl.auto=validate} must
 * accept the schema, then persist and read back one instance of every entity. Without the option the tables
 * would be {@code member}, {@code group}, ..., and validation would report {@code "Member"} missing.
 */
class QuotedNamesValidateTest {

    private static final List<Class<?>> ENTITIES = Stream.concat(FixtureEntities.ALL.stream(),
            FixtureEntities.KEYWORD_NAMED.stream()).toList();

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @TempDir
    Path work;

    @Test
    void autoQuoteKeywordOnPostgresql() throws IOException, SQLException {
        String url = emptyDatabase();
        HibernateValidatesMigratedSchemaTest.migrate(work, "postgresql-auto-quote",
                new Database(url, null, null, null), snapshot("-Amigration.autoQuoteKeyword=true"));
        // Keywords (Document, Comment, Event, Quote: PostgreSQL's), and the join and collection tables of a
        // quoted owner or target (a to-one's join table too: Quote_Contract).
        assertEquals(List.of("Comment", "Document", "Event", "Group", "MediaPlaylist_Document", "Member",
                "Member_Group", "Member_roles", "Quote", "Quote_Contract"), caseSensitiveTables(url),
                "the tables Hibernate quotes, with their case");
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(PostgreSQLDialect.class.getName(), url, false,
                ENTITIES, Map.of("hibernate.auto_quote_keyword", "true"))) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.unreadableByFindOnPostgresql(), ENTITIES);
        }
    }

    /**
     * The same on MariaDB (both settings): keyword-named tables such as {@code Group} are created only quoted, with
     * backticks, and Hibernate with the setting validates and uses them. MariaDB keeps a table name's case either
     * way (lower_case_table_names=0); the snapshot's schemas are removed, as on SQLite.
     */
    @Test
    void autoQuoteKeywordAndGlobalQuotingOnMariaDb() throws IOException, SQLException {
        String url = HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.jdbcUrl());
        HibernateValidatesMigratedSchemaTest.migrate(work, "mariadb-auto-quote", new Database(url, null, null, null),
                HibernateValidatesMigratedSchemaTest.withoutSchemas(snapshot("-Amigration.autoQuoteKeyword=true")));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(
                ValidatingHibernate.MariaDbDialectAcceptingKnownDifferences.class.getName(), url, true, ENTITIES,
                Map.of("hibernate.auto_quote_keyword", "true"))) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate, Map.of(), ENTITIES);
        }
        List<Class<?>> entities = ENTITIES.stream()
                .filter(e -> !e.getPackageName().endsWith(".fixtures.supply")).toList();
        url = HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.jdbcUrl());
        HibernateValidatesMigratedSchemaTest.migrate(Files.createDirectories(work.resolve("global")), "mariadb-global-quoting",
                new Database(url, null, null, null), HibernateValidatesMigratedSchemaTest.withoutSchemas(snapshot(
                        entities, "-Amigration.globallyQuotedIdentifiers=true",
                        "-Amigration.globallyQuotedIdentifiersSkipColumnDefinitions=true")));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(
                ValidatingHibernate.MariaDbDialectAcceptingKnownDifferences.class.getName(), url, true, entities,
                Map.of("hibernate.globally_quoted_identifiers", "true",
                        "hibernate.globally_quoted_identifiers_skip_column_definitions", "true"))) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate, Map.of(), entities);
        }
    }

    /** The failure, kept as a guard: without the option, Hibernate's validator misses the quoted tables. */
    @Test
    void withoutTheOptionHibernateWithTheSettingRefusesTheSchema() throws IOException, SQLException {
        String url = emptyDatabase();
        HibernateValidatesMigratedSchemaTest.migrate(work, "postgresql-no-quoting",
                new Database(url, null, null, null), snapshot());
        AssertionError refused = assertThrows(AssertionError.class, () -> ValidatingHibernate.boot(
                PostgreSQLDialect.class.getName(), url, false, ENTITIES, Map.of("hibernate.auto_quote_keyword", "true"))
                .close());
        assertTrue(refused.getMessage().contains("missing table"), refused.getMessage());
    }

    /**
     * Every fixture but the {@code supply} ones: their {@code @Check}s are SQL naming camel-case columns unquoted
     * ({@code maxPayload > 0}), which PostgreSQL folds to {@code maxpayload} while global quoting creates
     * {@code "maxPayload"}. Check SQL is copied as written, by Hibernate and by the processor, so Hibernate's own
     * {@code create} fails on them the same way; an application with global quoting quotes such names in its
     * checks. (The supply package is self-contained: no other fixture references it.)
     */
    @Test
    void globallyQuotedIdentifiersOnPostgresql() throws IOException, SQLException {
        List<Class<?>> entities = ENTITIES.stream()
                .filter(e -> !e.getPackageName().endsWith(".fixtures.supply")).toList();
        assertTrue(entities.size() < ENTITIES.size(), "the supply fixtures moved: update this filter");
        String url = emptyDatabase();
        HibernateValidatesMigratedSchemaTest.migrate(work, "postgresql-global-quoting",
                new Database(url, null, null, null), snapshot(entities, "-Amigration.globallyQuotedIdentifiers=true",
                        "-Amigration.globallyQuotedIdentifiersSkipColumnDefinitions=true"));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(PostgreSQLDialect.class.getName(), url, false,
                entities, Map.of("hibernate.globally_quoted_identifiers", "true",
                        "hibernate.globally_quoted_identifiers_skip_column_definitions", "true"))) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.unreadableByFindOnPostgresql(), entities);
        }
    }

    /**
     * The processor over the compiled fixture classes (named, as javac takes class names for annotation
     * processing), with {@code options}; the snapshot it writes.
     */
    private String snapshot(String... options) throws IOException {
        return snapshot(ENTITIES, options);
    }

    /** The snapshot of {@code entities} only. */
    private String snapshot(List<Class<?>> entities, String... options) throws IOException {
        return HibernateValidatesMigratedSchemaTest.processorSnapshot(work, entities, options);
    }

    /** The test database emptied of what another test of this class migrated into it. */
    private static String emptyDatabase() throws SQLException {
        String url = POSTGRES.jdbcUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists inventory cascade");
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        }
        return url;
    }

    /** Tables whose stored name is not all lower case: only a quoted name keeps upper-case letters. */
    private static List<String> caseSensitiveTables(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select table_name from information_schema.tables "
                     + "where table_schema = current_schema() and table_name <> lower(table_name) order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
