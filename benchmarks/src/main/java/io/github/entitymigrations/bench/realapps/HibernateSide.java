package io.github.entitymigrations.bench.realapps;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate's own {@code create} for an application's compiled entity classes, on a fresh database: the
 * reference side. Runs in a JVM whose class path holds the Hibernate version under test (6.6, 7.2, 7.4),
 * the application's classes and their dependencies; it uses only boot API that all of them share.
 * Writes Hibernate's DDL script beside the facts, so every difference can be traced to a statement.
 */
final class HibernateSide {

    /** The annotations by which a class takes part in the mapping, as the application's scan would find it. */
    private static final Set<String> MAPPED = Set.of("jakarta.persistence.Entity", "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass", "jakarta.persistence.Converter");

    private HibernateSide() {
    }

    /** Args: classesDir naming(jpa|spring) outDir pgDatabase sqliteFile. */
    static void run(List<String> args) throws Exception {
        Path classes = Path.of(args.get(0));
        String naming = args.get(1);
        Path out = Path.of(args.get(2));
        Files.createDirectories(out);
        List<Class<?>> mapped = new ArrayList<>();
        int entities = 0;
        for (String name : classNames(classes)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, HibernateSide.class.getClassLoader());
            } catch (Throwable e) {
                System.err.println("realapps: class " + name + " does not load (" + e + "); left out of Hibernate's side");
                continue;
            }
            boolean isMapped = false;
            for (Annotation a : type.getDeclaredAnnotations()) {
                String annotation = a.annotationType().getName();
                isMapped |= MAPPED.contains(annotation);
                entities += annotation.equals("jakarta.persistence.Entity") ? 1 : 0;
            }
            if (isMapped) {
                mapped.add(type);
            }
        }
        Files.writeString(out.resolve("entities.txt"), entities + "\n");
        create(mapped, naming, "postgresql", Databases.freshPostgres(args.get(3)), out);
        create(mapped, naming, "sqlite", Databases.freshSqlite(Path.of(args.get(4))), out);
        create(mapped, naming, "mariadb", Databases.freshMariaDb(args.get(3)), out);
    }

    private static void create(List<Class<?>> mapped, String naming, String db, String url, Path out) throws Exception {
        Path script = out.resolve("hibernate-" + db + ".sql");
        Files.deleteIfExists(script);
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", url)
                .applySetting("hibernate.dialect", switch (db) {
                    case "sqlite" -> "org.hibernate.community.dialect.SQLiteDialect";
                    case "mariadb" -> "org.hibernate.dialect.MariaDBDialect";
                    default -> "org.hibernate.dialect.PostgreSQLDialect";
                })
                .applySetting("jakarta.persistence.schema-generation.database.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.action", "create")
                .applySetting("jakarta.persistence.schema-generation.scripts.create-target", script.toString())
                .applySetting("hibernate.hbm2ddl.delimiter", ";")
                .applySetting("hibernate.format_sql", "false")
                // Named queries are not the schema (another JPA provider's JPQL is not all valid HQL).
                .applySetting("hibernate.query.startup_check", "false")
                // Hibernate's helper tables for multi-table mutations (HTE_...) are not the application's schema.
                .applySetting("hibernate.query.mutation_strategy.global_temporary.create_tables", "false")
                .applySetting("hibernate.query.mutation_strategy.persistent.create_tables", "false")
                .applySetting("hibernate.query.insert_strategy.global_temporary.create_tables", "false")
                .applySetting("hibernate.query.insert_strategy.persistent.create_tables", "false");
        if (naming.equals("spring")) {
            settings.applySetting("hibernate.physical_naming_strategy",
                            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                    .applySetting("hibernate.implicit_naming_strategy", SpringImplicitNaming.class.getName());
        }
        StandardServiceRegistry registry = settings.build();
        Path facts = out.resolve("hibernate-" + db + ".facts");
        try {
            MetadataSources sources = new MetadataSources(registry);
            mapped.forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                Files.write(facts, SchemaFacts.read(url));
            }
        } catch (Exception e) {
            Files.deleteIfExists(facts);
            Files.writeString(out.resolve("hibernate-" + db + ".error"), RealApps.stackTrace(e));
            System.err.println("realapps: Hibernate refused the entities on " + db + ": " + e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString())
                    .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .sorted()
                    .toList();
        }
    }
}
