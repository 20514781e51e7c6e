package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.fixtures.FixtureEntities;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link MariaDbDialect} creates for the processor's fixture entities must be what Hibernate's own
 * {@code MariaDBDialect} and {@code MySQLDialect} create for them: Hibernate writes its create script without a
 * database (schema-generation scripts, JDBC metadata access off, the server version set), our side is the fixtures'
 * snapshot rendered as {@code create table} and {@code create sequence} operations, and both scripts are compared
 * fact by fact ({@link MySqlDdlFacts}): column types, NOT NULL, auto_increment, defaults, keys, unique constraints,
 * indexes, foreign keys, checks, sequences and table options.
 *
 * <p>migration-core runs it against Hibernate 6.6; the {@code hibernate-reference} modules compile this same class
 * against Hibernate 7.2 and 7.4. Each run writes both scripts and both fact lists to {@code target/} for review.
 */
class MySqlFamilyReferenceTest {

    /** A server version Hibernate is told it targets, and the flavour of ours that must match it. */
    enum Target {
        MARIADB_10_11("org.hibernate.dialect.MariaDBDialect", "MariaDB", 10, 11),
        MARIADB_10_6("org.hibernate.dialect.MariaDBDialect", "MariaDB", 10, 6),
        MYSQL_8_0("org.hibernate.dialect.MySQLDialect", "MySQL", 8, 0);

        final String hibernateDialect;
        final String product;
        final int major;
        final int minor;

        Target(String hibernateDialect, String product, int major, int minor) {
            this.hibernateDialect = hibernateDialect;
            this.product = product;
            this.major = major;
            this.minor = minor;
        }

        MariaDbDialect ours() {
            MariaDbDialect d = product.equals("MySQL") ? MariaDbDialect.mysql(null) : MariaDbDialect.mariadb(null);
            return d.forServerVersion(major, minor);
        }

        String file() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void ourCreateScriptHasTheFactsOfHibernates(Target target) throws IOException {
        String hibernate = hibernateScript(target);
        String ours = ourScript(target);
        Set<String> theirs = MySqlDdlFacts.of(hibernate);
        Set<String> mine = MySqlDdlFacts.of(ours);
        MySqlDdlFacts.matchGeneratedNames(theirs, mine);
        write(target.file() + "-hibernate.sql", hibernate);
        write(target.file() + "-ours.sql", ours);
        write(target.file() + "-hibernate-facts.txt", String.join("\n", theirs) + "\n");
        write(target.file() + "-ours-facts.txt", String.join("\n", mine) + "\n");
        assertTrue(theirs.size() > 200, "Hibernate's script has too few facts to prove anything: " + theirs.size());

        List<String> differences = new ArrayList<>();
        theirs.stream().filter(f -> !mine.contains(f)).forEach(f -> differences.add("only Hibernate: " + f));
        mine.stream().filter(f -> !theirs.contains(f)).forEach(f -> differences.add("only ours:      " + f));
        Map<String, String> known = MySqlKnownDifferences.of(target.name(), Version.getVersionString());
        List<String> unexpected = differences.stream().filter(d -> !known.containsKey(d)).toList();
        List<String> stale = known.keySet().stream().filter(k -> !differences.contains(k)).sorted().toList();
        if (!unexpected.isEmpty() || !stale.isEmpty()) {
            StringBuilder message = new StringBuilder().append(unexpected.size()).append(" difference(s) between ")
                    .append("Hibernate ").append(Version.getVersionString()).append(" (").append(target)
                    .append(") and MariaDbDialect:\n");
            unexpected.forEach(d -> message.append("  ").append(d).append('\n'));
            if (!stale.isEmpty()) {
                message.append("known differences that no longer occur (remove them):\n");
                stale.forEach(d -> message.append("  ").append(d).append('\n'));
            }
            message.append("(see target/").append(target.file()).append("-*.sql and -facts.txt)");
            fail(message.toString());
        }
    }

    /** Hibernate's create script for the fixtures, written without a database. */
    static String hibernateScript(Target target) {
        StringWriter script = new StringWriter();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DIALECT, target.hibernateDialect)
                .applySetting("jakarta.persistence.database-product-name", target.product)
                .applySetting("jakarta.persistence.database-major-version", String.valueOf(target.major))
                .applySetting("jakarta.persistence.database-minor-version", String.valueOf(target.minor))
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script)
                .applySetting(AvailableSettings.HBM2DDL_DELIMITER, ";")
                // Bean Validation's DDL does not depend on the dialect (the processor's own reference proves it),
                // and Hibernate applies it only after the script is written: off on both sides.
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            FixtureEntities.ALL.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            try (SessionFactory ignored = metadata.buildSessionFactory()) {
                return script.toString();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** The fixtures' snapshot, compiled once for every target. */
    private static Schema snapshot;

    /** The fixtures' snapshot (as the processor writes it for this Hibernate), created with our dialect. */
    static String ourScript(Target target) {
        if (snapshot == null) {
            snapshot = SchemaJson.read(FixtureCompiler.snapshot("jpa", UnaryOperator.identity(),
                    "-Amigration.beanValidation=false"));
        }
        Schema schema = snapshot;
        MariaDbDialect dialect = target.ours();
        StringBuilder script = new StringBuilder();
        for (Table t : schema.tables()) {
            dialect.render(new CreateTable(t), schema).forEach(s -> script.append(s).append(";\n"));
        }
        for (Sequence s : schema.sequences()) {
            dialect.render(new CreateSequence(s), schema).forEach(x -> script.append(x).append(";\n"));
        }
        return script.toString();
    }

    private static void write(String file, String text) throws IOException {
        Path dir = Path.of("target", "mysql-family-reference");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
    }
}
