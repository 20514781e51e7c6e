package io.github.entitymigrations.spring;

import io.github.entitymigrations.spring.app.Customer;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * An application as Spring Boot assembles it: a DataSource, Hibernate with ddl-auto=validate, and this jar.
 * Boot's auto-configurations are named by their Boot 3.5 and 4.0 names, so the same tests run on both
 * (migration-spring-boot-boot4 runs them on Boot 4.0).
 */
final class Contexts {

    static final String[] DATA_SOURCE = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"};
    static final String[] HIBERNATE_JPA = {
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"};
    static final String[] SQL_INIT = {
        "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration"};

    private Contexts() {
    }

    /** The application of the entities in {@code io.github.entitymigrations.spring.app}. */
    static ApplicationContextRunner application(TestDatabase db) {
        return application(db, Entities.class);
    }

    /** An application of the entities that {@code entities} (an {@link AutoConfigurationPackage}) names. */
    static ApplicationContextRunner application(TestDatabase db, Class<?> entities) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(present(DATA_SOURCE), present(HIBERNATE_JPA)))
                .withConfiguration(AutoConfigurations.of(EntityMigrationsAutoConfiguration.class))
                .withUserConfiguration(entities)
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.open-in-view=false");
    }

    /** The one of a Boot 3.5 name and its Boot 4.0 name that is on the class path. */
    static Class<?> present(String... names) {
        ClassLoader loader = Contexts.class.getClassLoader();
        return Arrays.stream(names).filter(n -> ClassUtils.isPresent(n, loader)).findFirst()
                .map(n -> ClassUtils.resolveClassName(n, loader))
                .orElseThrow(() -> new IllegalStateException("none of " + Arrays.toString(names)));
    }

    /** Where the test entities are (an application's @SpringBootApplication package). */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class Entities {
    }

    /** The message of a failure and of every cause, one per line. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
