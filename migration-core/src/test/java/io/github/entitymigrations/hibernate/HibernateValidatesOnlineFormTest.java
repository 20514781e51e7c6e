package io.github.entitymigrations.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.GenerateOptions;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate accepts what the online form builds: the fixture entities' tables first exist bare (no index, foreign
 * key or check, every column but the keys nullable), then {@code generate} with the online option writes the rest
 * as not-valid constraints, validations, NOT NULL through checks and concurrent indexes; after the upgrade,
 * Hibernate 6.6 with {@code hbm2ddl.auto=validate} boots and every entity round-trips.
 */
class HibernateValidatesOnlineFormTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path work;

    @Test
    void postgresqlAcceptsTheOnlineFormsSchema() throws IOException {
        String url = POSTGRES.jdbcUrl();
        List<Path> online = migrate(new Database(url, null, null, null), HibernateValidatesMigratedSchemaTest.snapshot());
        assertEquals(3, online.size(), "the online form's three files: " + online);
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(PostgreSQLDialect.class.getName(), url, false)) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.unreadableByFindOnPostgresql(),
                    io.github.entitymigrations.fixtures.FixtureEntities.ALL);
        }
    }

    @Test
    void sqliteAcceptsTheSameFiles() throws IOException {
        String url = "jdbc:sqlite:" + work.resolve("online.db");
        String snapshot = HibernateValidatesMigratedSchemaTest.withoutSchemas(
                HibernateValidatesMigratedSchemaTest.snapshot());
        assertEquals(3, migrate(new Database(url, null, null, null), snapshot).size());
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(
                ValidatingHibernate.SqliteDialectAcceptingIdentityIntegers.class.getName(), url + "?foreign_keys=true",
                true)) {
            HibernateValidatesMigratedSchemaTest.roundTrip(hibernate,
                    HibernateValidatesMigratedSchemaTest.UNREADABLE_BY_FIND_ON_SQLITE,
                    io.github.entitymigrations.fixtures.FixtureEntities.ALL);
        }
    }

    /** Generates and applies the bare tables, then the online form of the rest; returns the online files. */
    private List<Path> migrate(Database database, String snapshot) throws IOException {
        Path snapshotFile = work.resolve("schema.json");
        Path migrations = work.resolve("migrations");
        Workspace workspace = new Workspace(migrations, snapshotFile, Console.SILENT);
        Files.writeString(snapshotFile, bare(snapshot));
        assertTrue(workspace.generate("bare tables").isPresent());
        Files.writeString(snapshotFile, snapshot);
        List<Path> online = workspace.generate("the rest", GenerateOptions.defaults().online(true));
        new Migrator(database, MigrationChain.loadForRunner(migrations), Console.SILENT).upgrade("head");
        // Not asserted here: check() then reports "alter column legacy_texts.unlimitedSized: LONG32VARCHAR(1000) ->
        // LONG32VARCHAR(1000)", for the simple form just the same (a churn of the differ's, not of the online form).
        return online;
    }

    /** The snapshot's tables without indexes, foreign keys and checks, and nullable but for their keys. */
    private static String bare(String snapshot) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(snapshot);
        for (JsonNode table : root.path("tables")) {
            ObjectNode t = (ObjectNode) table;
            t.remove(List.of("indexes", "foreignKeys", "checks"));
            Set<String> key = new HashSet<>();
            t.path("primaryKey").path("columns").forEach(c -> key.add(c.asText()));
            for (JsonNode column : t.path("columns")) {
                if (!key.contains(column.path("name").asText()) && !column.path("identity").asBoolean()) {
                    ((ObjectNode) column).put("nullable", true);
                }
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
