package io.github.entitymigrations.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application moving from Hibernate 6.6 to the Hibernate on the class path (Spring Boot 3.5 to 4.0: 6.6 to 7.2 or
 * 7.4, in the {@code hibernate-reference} runs) with data in its tables: the fixtures' first migration follows 6.6
 * ({@code -Amigration.hibernate=6.6}) and is applied, the application writes a row into every table, the snapshot is
 * then made for the Hibernate on the class path and {@code generate} writes the next migration, which is applied to
 * those rows; then Hibernate with {@code hbm2ddl.auto=validate} must accept the schema, every row must still be
 * there, and Hibernate must load every entity's rows. On PostgreSQL, SQLite, MariaDB and MySQL. With 6.6 on
 * the class path (migration-core's own run) the second snapshot is the first, and {@code generate} must say so.
 */
class HibernateUpgradeValidatesTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @TempDir
    Path work;

    @Test
    void postgresql() throws Exception {
        String url = POSTGRES.jdbcUrl();
        upgrade("postgresql", url, PostgreSQLDialect.class.getName(), false,
                HibernateValidatesMigratedSchemaTest.unreadableByFindOnPostgresql(), FixtureEntities.ALL);
    }

    @Test
    void sqlite() throws Exception {
        String url = "jdbc:sqlite:" + work.resolve("upgrade.db");
        upgrade("sqlite", url, ValidatingHibernate.SqliteDialectAcceptingIdentityIntegers.class.getName(), true,
                HibernateValidatesMigratedSchemaTest.UNREADABLE_BY_FIND_ON_SQLITE, FixtureEntities.ALL);
    }

    @Test
    void mariadb() throws Exception {
        String url = HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.jdbcUrl());
        upgrade("mariadb", url, ValidatingHibernate.MariaDbDialectAcceptingKnownDifferences.class.getName(), true,
                Map.of(), FixtureEntities.ALL);
    }

    @Test
    void mysql() throws Exception {
        String url = HibernateValidatesMigratedSchemaTest.emptyMariaDb(MARIADB, MARIADB.mysqlUrl());
        upgrade("mysql", url, ValidatingHibernate.MySqlDialectAcceptingKnownDifferences.class.getName(), true,
                Map.of(), HibernateValidatesMigratedSchemaTest.WRITABLE_ON_MYSQL);
    }

    /** @param withoutSchemas the snapshots' schemas removed and Hibernate told so (SQLite, MariaDB, MySQL) */
    private void upgrade(String label, String url, String dialect, boolean withoutSchemas,
                         Map<Class<?>, String> unreadableByFind, List<Class<?>> writable)
            throws IOException, SQLException {
        String before = HibernateValidatesMigratedSchemaTest.processorSnapshot(work.resolve("six"),
                FixtureEntities.ALL, "-Amigration.hibernate=6.6");
        String after = HibernateValidatesMigratedSchemaTest.processorSnapshot(work.resolve("now"),
                FixtureEntities.ALL);
        if (withoutSchemas) {
            before = HibernateValidatesMigratedSchemaTest.withoutSchemas(before);
            after = HibernateValidatesMigratedSchemaTest.withoutSchemas(after);
        }
        Path migrations = work.resolve("migrations");
        Database database = new Database(url, null, null, null);
        assertTrue(generate(migrations, before, "create fixtures").isPresent());
        new Migrator(database, MigrationChain.loadForRunner(migrations), Console.SILENT).upgrade("head");

        // The application writes its rows before the upgrade (on the 6.6 schema, without validating it): every entity
        // but those that schema refuses to store (FixtureRoundTrip.REFUSED_BY_HIBERNATES_OWN_SCHEMA).
        List<Class<?>> firstRows = writable.stream()
                .filter(e -> !FixtureRoundTrip.REFUSED_BY_HIBERNATES_OWN_SCHEMA.containsKey(e)).toList();
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(dialect, url, withoutSchemas,
                FixtureEntities.ALL, Map.of(AvailableSettings.HBM2DDL_AUTO, "none"))) {
            FixtureRoundTrip rows = new FixtureRoundTrip(hibernate.factory(), hibernate.metadata(), unreadableByFind,
                    firstRows);
            assertEquals(List.of(), rows.run(), "rows written before the upgrade");
        }
        Map<String, Long> counts = rowCounts(url);
        assertTrue(counts.values().stream().mapToLong(Long::longValue).sum() > 100, "rows before: " + counts);

        Optional<Path> upgrade = generate(migrations, after, "follow hibernate");
        if (ValidatingHibernate.hibernateMajor() < 7) {
            assertEquals(Optional.empty(), upgrade, () -> "6.6 on the class path: the same snapshot, nothing to "
                    + "migrate, but generate wrote " + read(upgrade.orElseThrow()));
        } else {
            assertTrue(upgrade.isPresent(), "the move to Hibernate 7 changes the schema (checks, nullability, ...)");
            Migrator migrator = new Migrator(database, MigrationChain.loadForRunner(migrations), Console.SILENT);
            migrator.upgrade("head");
            assertEquals(List.of(), migrator.drift().differences().stream().map(Object::toString).toList(),
                    "drift after the upgrade on " + label);
            Optional<Path> again = generate(migrations, after, "again");
            assertEquals(Optional.empty(), again, () -> "the migrations now produce the snapshot, but generate wrote "
                    + read(again.orElseThrow()));
        }
        assertEquals(counts, rowCounts(url), "every row kept by the upgrade on " + label);
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(dialect, url, withoutSchemas,
                FixtureEntities.ALL, Map.of())) {
            assertEquals(List.of(), unreadableRows(hibernate, firstRows, unreadableByFind.keySet()),
                    "rows written before the upgrade that Hibernate cannot load after it, on " + label);
        }
    }

    /**
     * The entities of {@code written} whose rows Hibernate cannot load now (every row of each, all its columns), or
     * finds none of, each with the reason; those in {@code unreadable} are left out (loading them fails whatever the
     * schema: {@link HibernateValidatesMigratedSchemaTest}). New rows after the upgrade are
     * {@link HibernateValidatesMigratedSchemaTest}'s: the upgraded schema is the one a new database gets (drift).
     */
    private static List<String> unreadableRows(ValidatingHibernate hibernate, List<Class<?>> written,
                                               java.util.Set<Class<?>> unreadable) {
        List<String> problems = new java.util.ArrayList<>();
        for (Class<?> type : written) {
            if (unreadable.contains(type) || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String entity = hibernate.metadata().getEntityBinding(type.getName()).getEntityName();
            try (org.hibernate.Session session = hibernate.factory().openSession()) {
                List<Object> rows = session.createQuery("select e from " + entity + " e", Object.class)
                        .getResultList();
                if (rows.isEmpty()) {
                    problems.add(type.getSimpleName() + ": no row");
                }
            } catch (RuntimeException e) {
                problems.add(type.getSimpleName() + ": " + FixtureRoundTrip.messages(e));
            }
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Optional<Path> generate(Path migrations, String snapshot, String message) throws IOException {
        Path file = Files.createDirectories(migrations.getParent().resolve("snapshots"))
                .resolve(message.replace(' ', '-') + ".json");
        Files.writeString(file, snapshot);
        return new Workspace(migrations, file, Console.SILENT).generate(message);
    }

    /** Rows per table, the runner's own tables ({@code entity_migrations_history}, ...) left out. */
    private static Map<String, Long> rowCounts(String url) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String table = rs.getString("TABLE_NAME");
                    if (!table.startsWith("entity_migrations") && !table.startsWith("sqlite_")
                            && (schema == null || !schema.equals("information_schema") && !schema.startsWith("pg_"))) {
                        tables.add(schema == null || url.startsWith("jdbc:sqlite:") ? "\"" + table + "\""
                                : "\"" + schema + "\".\"" + table + "\"");
                    }
                }
            }
            boolean backticks = url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    String name = backticks ? table.replace('"', '`') : table;
                    try (ResultSet rs = s.executeQuery("select count(*) from " + name)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
