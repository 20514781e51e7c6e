package io.github.entitymigrations.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.fixtures.hr.SupportTicket;
import io.github.entitymigrations.fixtures.lab.Spectrum;
import io.github.entitymigrations.fixtures.realapps.StoreSettings;
import io.github.entitymigrations.fixtures.shop.Invoice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.runner.SqlScript;
import io.github.entitymigrations.testing.MariaDbDatabase;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of the pipeline checked by the ORM itself: the processor's snapshot of the fixture entities
 * (migration-processor's test jar, JPA naming) becomes one generated migration, the runner upgrades an empty
 * database to head, and Hibernate 6.6 (7.2 and 7.4 in the hibernate-reference runs, on the snapshot the processor
 * writes there) with {@code hbm2ddl.auto=validate} must accept the result, then
 * persist and read back one instance of every entity. On PostgreSQL, SQLite, MariaDB and MySQL (Hibernate's MySQL
 * dialect and MySQL Connector/J against the MariaDB server).
 *
 * <p>Each run writes the SQL the migration ran to {@code target/hibernate-validate-<database>.sql}, to
 * compare with Hibernate's message when validation fails.
 *
 * <p>SQLite has no schemas, so there the snapshot's one schema ({@code inventory}, of {@code warehouses}) is
 * removed before generating, and Hibernate maps the entities without it ({@link ValidatingHibernate.WithoutSchemas}).
 */
class HibernateValidatesMigratedSchemaTest {

    private static final String SNAPSHOT = "META-INF/entity-migrations/schema.json";

    /**
     * Hibernate 6.6 reads every {@code @Lob byte[]} with {@code ResultSet.getBlob} ({@code BlobJdbcType}'s
     * extractor, whatever binding the SQLite dialect registers), which the SQLite driver does not implement:
     * {@code Invoice} (its {@code pdf}) is stored but {@code find} cannot load it, on a schema Hibernate
     * creates as on ours (the column is {@code blob} either way). It is read back with a query instead, and
     * {@code find} must still fail for exactly that reason.
     */
    static final Map<Class<?>, String> UNREADABLE_BY_FIND_ON_SQLITE = Map.of(
            Invoice.class, "not implemented by SQLite JDBC driver");

    /**
     * Hibernate 7 reads a {@code Character} strictly: from a {@code char(3)} column ({@code StoreSettings.padded},
     * {@code @Column(length = 3)}, as Hibernate creates it too) PostgreSQL returns the value padded with blanks, and
     * Hibernate 7 refuses it ("value contains more than one character"), where 6.6 took its first character. The
     * row is stored and read back by a query of other attributes instead, and {@code find} must still fail for
     * exactly that reason.
     */
    static Map<Class<?>, String> unreadableByFindOnPostgresql() {
        return ValidatingHibernate.hibernateMajor() >= 7
                ? Map.of(StoreSettings.class, "value contains more than one character") : Map.of();
    }

    /**
     * The fixture entities written with Hibernate's MySQL dialect against the MariaDB server: all but
     * {@code SupportTicket}, since the dialect writes a JSON attribute as {@code cast(? as json)}, which MySQL has and
     * MariaDB has not (the entity is still validated there, and written on the MariaDB case); with Hibernate 7 not
     * {@code Spectrum} either, whose basic arrays Hibernate 7 stores as JSON, written the same way.
     */
    static final List<Class<?>> WRITABLE_ON_MYSQL = FixtureEntities.ALL.stream()
            .filter(entity -> entity != SupportTicket.class)
            .filter(entity -> entity != Spectrum.class || ValidatingHibernate.hibernateMajor() < 7).toList();

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @TempDir
    Path work;

    @Test
    void postgresqlSchemaIsValidAndEveryEntityRoundTrips() throws IOException {
        String url = POSTGRES.jdbcUrl();
        migrate(work, "postgresql", new Database(url, null, null, null), snapshot());
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(PostgreSQLDialect.class.getName(), url, false)) {
            roundTrip(hibernate, unreadableByFindOnPostgresql());
        }
    }

    @Test
    void sqliteSchemaIsValidAndEveryEntityRoundTrips() throws IOException, SQLException {
        String url = "jdbc:sqlite:" + work.resolve("fixtures.db");
        migrate(work, "sqlite", new Database(url, null, null, null), withoutSchemas(snapshot()));
        // Enforced foreign keys, so every reference Hibernate writes is checked against the migrated ones.
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(
                ValidatingHibernate.SqliteDialectAcceptingIdentityIntegers.class.getName(), url + "?foreign_keys=true",
                true)) {
            assertEquals(List.of(), integersThatAreNotIdentities(hibernate.metadata(), url),
                    "bigint columns declared integer, which only identity columns may be");
            roundTrip(hibernate, UNREADABLE_BY_FIND_ON_SQLITE);
        }
    }

    /**
     * MariaDB 10.11 with Hibernate's {@code MariaDBDialect} over MariaDB Connector/J. The snapshot's schemas are
     * removed as on SQLite: on MariaDB a schema is another database, shared by every run on the server, and this
     * test owns one database only.
     */
    @Test
    void mariadbSchemaIsValidAndEveryEntityRoundTrips() throws IOException, SQLException {
        String url = emptyMariaDb(MARIADB.jdbcUrl());
        migrate(work, "mariadb", new Database(url, null, null, null), withoutSchemas(snapshot()));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(dialect(MariaDBDialect.class,
                ValidatingHibernate.MariaDbDialectAcceptingKnownDifferences.class, url), url, true)) {
            assertEquals(List.of(), clobsTypedOtherwise(hibernate.metadata(), url));
            roundTrip(hibernate, Map.of());
        }
    }

    /**
     * The MySQL flavour: Hibernate's {@code MySQLDialect} over MySQL Connector/J (a {@code jdbc:mysql:} URL), against
     * the MariaDB server, since no MySQL server is installable here: the types and sequence tables of the MySQL
     * dialect, validated and used by Hibernate's MySQL dialect.
     */
    @Test
    void mysqlSchemaIsValidAndEveryEntityRoundTrips() throws IOException, SQLException {
        String url = emptyMariaDb(MARIADB.mysqlUrl());
        migrate(work, "mysql", new Database(url, null, null, null), withoutSchemas(snapshot()));
        try (ValidatingHibernate hibernate = ValidatingHibernate.boot(dialect(MySQLDialect.class,
                ValidatingHibernate.MySqlDialectAcceptingKnownDifferences.class, url), url, true)) {
            assertEquals(List.of(), clobsTypedOtherwise(hibernate.metadata(), url));
            roundTrip(hibernate, Map.of(), WRITABLE_ON_MYSQL);
        }
    }

    /**
     * {@code accepting}, once Hibernate's own {@code dialect} is shown to refuse the migrated schema for a known
     * reason only ({@link ValidatingHibernate#knownDifference}): the validator stops at the first difference, and
     * the fixtures have one column of each kind, so any other difference before them would be named here (after
     * them, {@link #clobsTypedOtherwise} checks the {@code CLOB} pair lets no other column through; the fixtures
     * have one JSON column).
     */
    private static String dialect(Class<?> dialect, Class<?> accepting, String url) {
        AssertionError refused = assertThrows(AssertionError.class,
                () -> ValidatingHibernate.boot(dialect.getName(), url, true).close());
        List<String> known = new ArrayList<>();
        if (ValidatingHibernate.hibernateMajor() < 7 || dialect == MySQLDialect.class) {
            known.add("wrong column type encountered in column [metadata] in table [support_tickets]; found "
                    + "[longtext (Types#LONGVARCHAR)], but expecting [json (Types#JSON)]");
        }
        if (ValidatingHibernate.hibernateMajor() >= 7) {
            known.add("wrong column type encountered in column [unlimitedSized] in table [legacy_texts]; found "
                    + "[longtext (Types#LONGVARCHAR)], but expecting [text (Types#CLOB)]");
        }
        assertTrue(known.stream().anyMatch(refused.getMessage()::contains), refused.getMessage());
        return accepting.getName();
    }

    /**
     * The columns of a {@code CLOB} type in Hibernate's model whose MariaDB type is not the one Hibernate writes, but
     * {@code legacy_texts.unlimitedSized}: what {@link ValidatingHibernate#knownDifference} must not let through on
     * Hibernate 7.
     */
    static List<String> clobsTypedOtherwise(Metadata metadata, String url) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement type = c.prepareStatement("select column_type from information_schema.columns "
                     + "where table_schema = database() and table_name = ? and column_name = ?")) {
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (Table table : namespace.getTables()) {
                    for (Column column : table.isPhysicalTable() ? table.getColumns() : List.<Column>of()) {
                        boolean known = table.getName().equals("legacy_texts") // in jpa and spring naming
                                && column.getName().replace("_", "").equalsIgnoreCase("unlimitedSized");
                        if (column.getSqlTypeCode(metadata) != Types.CLOB || known) {
                            continue;
                        }
                        type.setString(1, table.getName());
                        type.setString(2, column.getName());
                        try (ResultSet rs = type.executeQuery()) {
                            String found = rs.next() ? rs.getString(1) : "no column";
                            if (!found.equalsIgnoreCase(column.getSqlType(metadata))) {
                                wrong.add(table.getName() + "." + column.getName() + ": " + found + ", Hibernate "
                                        + column.getSqlType(metadata));
                            }
                        }
                    }
                }
            }
        }
        return wrong;
    }

    /** The class's MariaDB database, dropped and created again (each test starts empty); returns {@code url}. */
    private static String emptyMariaDb(String url) throws SQLException {
        return emptyMariaDb(MARIADB, url);
    }

    /** {@code server}'s database, dropped and created again; returns {@code url}. */
    static String emptyMariaDb(MariaDbDatabase server, String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("drop database " + server.databaseName());
            s.execute("create database " + server.databaseName() + " character set utf8mb4 collate "
                    + "utf8mb4_general_ci");
        }
        return url;
    }

    /**
     * Generates the one migration from {@code snapshot} (a second {@code generate} must find nothing to do), writes
     * its SQL to target/, upgrades to head.
     */
    static void migrate(Path work, String label, Database database, String snapshot) throws IOException {
        Path snapshotFile = work.resolve("schema.json");
        Files.writeString(snapshotFile, snapshot);
        Path migrations = work.resolve("migrations");
        Console console = new Console() {
            @Override
            public void info(String line) {
                System.out.println("[" + label + "] " + line);
            }

            @Override
            public void warn(String line) {
                System.out.println("[" + label + "] WARNING " + line);
            }
        };
        Optional<Path> written = new Workspace(migrations, snapshotFile, console).generate("create fixtures");
        assertTrue(written.isPresent(), "the fixture snapshot produced no migration");
        Optional<Path> again = new Workspace(migrations, snapshotFile, Console.SILENT).generate("again");
        assertTrue(again.isEmpty(), "generate wrote a second migration for an unchanged snapshot: " + again);
        MigrationChain chain = MigrationChain.loadForRunner(migrations);
        Path script = Path.of("target", "hibernate-validate-" + label + ".sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, SqlScript.render(database, chain, "base", "head", Console.SILENT));
        Migrator migrator = new Migrator(database, chain, console);
        migrator.upgrade("head");
        // The database the migrations built is no drift: no false positive on the whole fixture model.
        assertEquals(List.of(), migrator.drift().differences().stream().map(Object::toString).toList(),
                "drift on the " + label + " database the migrations built");
    }

    private static void roundTrip(ValidatingHibernate hibernate, Map<Class<?>, String> unreadableByFind) {
        roundTrip(hibernate, unreadableByFind, FixtureEntities.ALL);
    }

    static void roundTrip(ValidatingHibernate hibernate, Map<Class<?>, String> unreadableByFind,
                          List<Class<?>> entities) {
        FixtureRoundTrip roundTrip = new FixtureRoundTrip(hibernate.factory(), hibernate.metadata(), unreadableByFind,
                entities);
        List<String> problems = roundTrip.run();
        roundTrip.log().forEach(System.out::println);
        assertEquals(List.of(), problems, "entities that did not come back as persisted");
    }

    /**
     * The columns Hibernate maps as BIGINT that SQLite declares {@code integer} although they are not identity
     * columns: what {@link ValidatingHibernate.SqliteDialectAcceptingIdentityIntegers} must not let through.
     */
    private static List<String> integersThatAreNotIdentities(Metadata metadata, String url) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement columns = c.prepareStatement("select name, type from pragma_table_info(?)")) {
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (Table table : namespace.getTables()) {
                    if (!table.isPhysicalTable()) {
                        continue;
                    }
                    columns.setString(1, table.getName());
                    try (ResultSet rs = columns.executeQuery()) {
                        while (rs.next()) {
                            Column column = table.getColumn(Identifier.toIdentifier(rs.getString("name")));
                            if (column != null && column.getSqlTypeCode(metadata) == Types.BIGINT
                                    && rs.getString("type").equalsIgnoreCase("integer") && !column.isIdentity()) {
                                wrong.add(table.getName() + "." + column.getName());
                            }
                        }
                    }
                }
            }
        }
        return wrong;
    }

    static String snapshot() throws IOException {
        ClassLoader loader = HibernateValidatesMigratedSchemaTest.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(SNAPSHOT)) {
            assertTrue(in != null, SNAPSHOT + " is not on the test classpath: is migration-processor's test jar "
                    + "installed (mvn install -DskipTests at the root)?");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The processor over the compiled classes {@code entities} (named, as javac takes class names for annotation
     * processing), with {@code options}, in a directory of {@code work}: the snapshot it writes.
     */
    static String processorSnapshot(Path work, List<Class<?>> entities, String... options) throws IOException {
        Path out = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-proc:only", "-implicit:none",
                "-processor", EntityMigrationsProcessor.class.getName(),
                "-classpath", System.getProperty("java.class.path"), "-d", out.toString()));
        args.addAll(List.of(options));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean ok = javac.getTask(messages, null, null, args, entities.stream().map(Class::getName).toList(), null)
                .call();
        assertTrue(ok, "the processor failed over the fixture classes: " + messages);
        Path snapshot = out.resolve(SNAPSHOT.replace('/', java.io.File.separatorChar));
        assertTrue(Files.isRegularFile(snapshot), "no snapshot written: " + messages);
        return Files.readString(snapshot);
    }

    /** The snapshot with every table, foreign-key target and sequence in the default schema. */
    static String withoutSchemas(String snapshot) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(snapshot);
        for (JsonNode table : root.path("tables")) {
            ((ObjectNode) table).remove("schema");
            table.path("foreignKeys").forEach(fk -> ((ObjectNode) fk).remove("referencedSchema"));
        }
        root.path("sequences").forEach(s -> ((ObjectNode) s).remove("schema"));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
