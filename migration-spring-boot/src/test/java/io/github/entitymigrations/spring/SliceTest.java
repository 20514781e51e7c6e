package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.spring.TestDatabase.Kind;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * The {@code @JdbcTest} and {@code @DataJpaTest} slices include the auto-configuration: each slice's
 * auto-configurations are collected as Boot's {@code ImportAutoConfigurationImportSelector} does (every
 * meta-annotation carrying {@code @ImportAutoConfiguration}, and its {@code META-INF/spring/<name>.imports}
 * files, ours among them) and started on a real database, with {@code spring.test.database.replace=none} as the
 * README tells users. Boot 3.5 and 4.0 name the slices differently; both names are tried.
 */
class SliceTest {

    private static final String[] JDBC_TEST = {
        "org.springframework.boot.test.autoconfigure.jdbc.JdbcTest",
        "org.springframework.boot.jdbc.test.autoconfigure.JdbcTest"};
    private static final String[] DATA_JPA_TEST = {
        "org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest",
        "org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jdbcTestMigratesBeforeDataSqlAndTheJdbcTemplate(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            slice(JDBC_TEST, db).withPropertyValues("spring.sql.init.mode=always",
                    "spring.sql.init.data-locations=classpath:data-sql/data.sql").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0002");
                        // data.sql's row went into the migrated table (0002's email column included).
                        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                        assertThat(jdbc.queryForObject("select email from customer", String.class))
                                .isEqualTo("seeded@example.com");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataJpaTestMigratesBeforeHibernateValidates(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            slice(DATA_JPA_TEST, db).withUserConfiguration(Contexts.Entities.class)
                    .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(EntityMigrations.class).current()).isEqualTo("0002");
                        EntityManager em = context.getBean(EntityManagerFactory.class).createEntityManager();
                        try {
                            assertThat(em.createQuery("select count(c) from Customer c").getSingleResult())
                                    .isEqualTo(0L);
                        } finally {
                            em.close();
                        }
                    });
        }
    }

    /** The slice's auto-configurations, as its annotation imports them, over {@code db}. */
    private static ApplicationContextRunner slice(String[] annotationNames, TestDatabase db) {
        List<String> imports = imports(Contexts.present(annotationNames));
        assertThat(imports).contains(EntityMigrationsAutoConfiguration.class.getName());
        ClassLoader loader = SliceTest.class.getClassLoader();
        // Boot's selector hands names to the context, which skips a class whose @ConditionalOnClass fails before
        // loading it; the runner takes classes, so those (Flyway, Liquibase, Spring Data here) are left out first.
        Class<?>[] present = imports.stream().filter(name -> ClassUtils.isPresent(name, loader))
                .filter(name -> itsClassesArePresent(name, loader))
                .map(name -> ClassUtils.resolveClassName(name, loader)).toArray(Class<?>[]::new);
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(present))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.test.database.replace=none");
    }

    /** Whether the classes that the configuration's own {@code @ConditionalOnClass} names are present. */
    private static boolean itsClassesArePresent(String configuration, ClassLoader loader) {
        try {
            Map<String, Object> condition = new SimpleMetadataReaderFactory(loader).getMetadataReader(configuration)
                    .getAnnotationMetadata().getAnnotationAttributes(ConditionalOnClass.class.getName(), true);
            return condition == null || Stream.concat(Arrays.stream((String[]) condition.get("value")),
                    Arrays.stream((String[]) condition.get("name"))).allMatch(n -> ClassUtils.isPresent(n, loader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every auto-configuration the annotation's {@code @ImportAutoConfiguration} meta-annotations list. */
    static List<String> imports(Class<?> annotation) {
        Set<String> names = new LinkedHashSet<>();
        collect(annotation, new HashSet<>(), names);
        return new ArrayList<>(names);
    }

    private static void collect(Class<?> type, Set<Class<?>> seen, Set<String> names) {
        if (!seen.add(type) || type.getName().startsWith("java.")) {
            return;
        }
        if (type.isAnnotationPresent(ImportAutoConfiguration.class)) {
            for (String name : ImportCandidates.load(type, SliceTest.class.getClassLoader())) {
                names.add(name.startsWith("optional:") ? name.substring("optional:".length()) : name);
            }
        }
        for (Annotation meta : type.getAnnotations()) {
            collect(meta.annotationType(), seen, names);
        }
    }
}
