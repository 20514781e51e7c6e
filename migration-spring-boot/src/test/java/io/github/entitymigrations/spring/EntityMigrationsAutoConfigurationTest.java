package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.spring.TestDatabase.Kind;
import io.github.entitymigrations.spring.app.Customer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auto-configuration in a real application context, on SQLite and PostgreSQL, with the migrations of
 * src/test/resources/db/migrations (0001 creates customer, 0002 adds its email column).
 */
class EntityMigrationsAutoConfigurationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratesBeforeTheEntityManagerFactoryStarts(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withUserConfiguration(SchemaProbe.class).run(context -> {
                assertThat(context).hasNotFailed();
                // Hibernate validated (ddl-auto=validate) the migrated schema, so it started after the migrations;
                // the probe read the migrated table when it was created, as any JDBC user may.
                assertThat(context.getBean(SchemaProbe.class).customersAtCreation).containsExactly(0);
                assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
                        .contains("entityMigrationsInitializer");
                EntityMigrations migrations = context.getBean(EntityMigrations.class);
                assertThat(migrations.current()).isEqualTo("0002");
                assertThat(migrations.pending()).isEmpty();

                EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
                Long id = persist(emf, new Customer("Ada", "ada@example.com"));
                EntityManager em = emf.createEntityManager();
                try {
                    Customer read = em.find(Customer.class, id);
                    assertThat(read.getName()).isEqualTo("Ada");
                    assertThat(read.getEmail()).isEqualTo("ada@example.com");
                } finally {
                    em.close();
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataSqlAndBeansThatDependOnDatabaseInitializationComeAfterTheMigrations(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withConfiguration(AutoConfigurations.of(Contexts.present(Contexts.SQL_INIT)))
                    .withUserConfiguration(DependsOnInitialization.class)
                    .withPropertyValues("spring.sql.init.mode=always",
                            "spring.sql.init.data-locations=classpath:data-sql/data.sql")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        // data.sql inserted into the migrated table; the bean saw the migrated table and the row.
                        assertThat(context.getBean(DependsOnInitialization.class).customersAtCreation)
                                .containsExactly(1);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void disabledAppliesNothing(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db)
                    .withPropertyValues("entity-migrations.enabled=false", "spring.jpa.hibernate.ddl-auto=none")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(EntityMigrations.class);
                        assertThat(context).doesNotHaveBean(EntityMigrationsInitializer.class);
                    });
            assertThat(db.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void checkOnlyPassesAtHead(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).run(context -> assertThat(context).hasNotFailed());
            Contexts.application(db).withPropertyValues("entity-migrations.check-only=true").run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0002");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void targetStopsThere(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db)
                    .withPropertyValues("entity-migrations.target=0001", "spring.jpa.hibernate.ddl-auto=none")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        EntityMigrations migrations = context.getBean(EntityMigrations.class);
                        assertThat(migrations.current()).isEqualTo("0001");
                        assertThat(migrations.pending()).containsExactly("0002");
                    });
            assertThat(db.columns("customer")).containsExactly("id", "name", "version");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsALocationOnTheFileSystem(Kind kind) throws Exception {
        Path migrations = copyTestMigrations(dir.resolve("migrations"));
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withPropertyValues("entity-migrations.location=file:" + migrations)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0002");
                    });
            // Flyway's spelling of a directory works as well.
            Contexts.application(db).withPropertyValues("entity-migrations.location=filesystem:" + migrations,
                    "entity-migrations.check-only=true").run(context -> assertThat(context).hasNotFailed());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratesTheOwnUrlInsteadOfTheDataSource(Kind kind) throws Exception {
        try (TestDatabase app = TestDatabase.create(kind, dir, "app");
             TestDatabase owner = TestDatabase.create(kind, dir, "owner")) {
            Contexts.application(app).withPropertyValues("entity-migrations.url=" + owner.url(),
                    "spring.jpa.hibernate.ddl-auto=none").run(context -> assertThat(context).hasNotFailed());
            assertThat(owner.tables()).contains("customer");
            assertThat(app.tables()).doesNotContain("customer");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInitializerOfTheApplicationReplacesTheAutoConfiguredOne(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withUserConfiguration(OwnInitializer.class)
                    .withPropertyValues("spring.jpa.hibernate.ddl-auto=none").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).hasSingleBean(EntityMigrationsInitializer.class);
                        assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0001");
                        assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory")
                                .getDependsOn()).contains("ownInitializer");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEngineOfTheApplicationReplacesTheAutoConfiguredOne(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withUserConfiguration(OwnEngine.class)
                    .withPropertyValues("entity-migrations.location=classpath:no-such-folder").run(context -> {
                        // The application's engine (classpath:db/migrations) ran, the property was not used.
                        assertThat(context).hasNotFailed();
                        assertThat(context).hasSingleBean(EntityMigrations.class);
                        assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0002");
                    });
        }
    }

    private static Long persist(EntityManagerFactory emf, Customer customer) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(customer);
            em.getTransaction().commit();
            return customer.getId();
        } finally {
            em.close();
        }
    }

    private static Path copyTestMigrations(Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : List.of("0001_create_customer.json", "0002_add_email.json")) {
            try (InputStream in = EntityMigrationsAutoConfigurationTest.class.getResourceAsStream(
                    "/db/migrations/" + name)) {
                Files.copy(in, target.resolve(name));
            }
        }
        return target;
    }

    /** A JDBC user that reads the schema when it is created: it must find the migrated table. */
    @Configuration(proxyBeanMethods = false)
    static class SchemaProbe {

        final List<Integer> customersAtCreation = new ArrayList<>();

        @Bean
        JdbcTemplate probeTemplate(DataSource dataSource) {
            JdbcTemplate template = new JdbcTemplate(dataSource);
            customersAtCreation.add(template.queryForObject("select count(*) from customer", Integer.class));
            return template;
        }
    }

    /** A bean marked as needing an initialized database: it reads the schema and data.sql's row when created. */
    @Configuration(proxyBeanMethods = false)
    static class DependsOnInitialization {

        final List<Integer> customersAtCreation = new ArrayList<>();

        @Bean
        @DependsOnDatabaseInitialization
        Object customerCounter(DataSource dataSource) {
            customersAtCreation.add(new JdbcTemplate(dataSource).queryForObject("select count(*) from customer",
                    Integer.class));
            return new Object();
        }
    }

    /** The application's own engine, configured in code. */
    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {

        @Bean
        EntityMigrations ownEngine(DataSource dataSource) {
            return EntityMigrations.configure().dataSource(dataSource).location("classpath:db/migrations").load();
        }
    }

    /** The application's own initializer: migrates to 0001 only. */
    @Configuration(proxyBeanMethods = false)
    static class OwnInitializer {

        @Bean
        EntityMigrationsInitializer ownInitializer(EntityMigrations migrations) {
            return new EntityMigrationsInitializer(migrations, "0001", false);
        }
    }
}
