package io.github.entitymigrations.spring;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot's database-initialization ordering that {@link EntityMigrationsInitializer} initializes
 * the database (as Flyway's initializer is declared): beans marked {@code @DependsOnDatabaseInitialization}
 * wait for the migrations, and the {@code spring.sql.init} scripts ({@code data.sql}) run after them.
 * Registered in {@code META-INF/spring.factories}; the type has one name in Boot 3.5 and 4.0.
 */
public class EntityMigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(EntityMigrationsInitializer.class);
    }

    /** Before the script initializers, as Flyway and Liquibase are. */
    @Override
    public int getOrder() {
        return 1;
    }
}
