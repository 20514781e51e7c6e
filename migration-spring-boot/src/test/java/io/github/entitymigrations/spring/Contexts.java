package io.github.entitymigrations.spring;

import io.github.entitymigrations.spring.app.Customer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** An application as Boot 3.5 assembles it: a DataSource, Hibernate with ddl-auto=validate, and this jar. */
final class Contexts {

    private Contexts() {
    }

    static ApplicationContextRunner application(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, EntityMigrationsAutoConfiguration.class))
                .withUserConfiguration(Entities.class)
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.open-in-view=false");
    }

    /** Where the test entities are (an application's @SpringBootApplication package). */
    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Customer.class)
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
