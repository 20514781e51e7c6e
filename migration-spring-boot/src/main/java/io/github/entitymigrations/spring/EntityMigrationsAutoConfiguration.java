package io.github.entitymigrations.spring;

import io.github.entitymigrations.api.EntityMigrations;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Applies pending migrations at start-up, before JPA: with this jar on the class path and a {@code DataSource}
 * (or {@code entity-migrations.url}), the files at {@code entity-migrations.location} (default
 * {@code classpath:db/migrations}) are applied when the context starts, and every
 * {@code EntityManagerFactory} waits for them, so {@code spring.jpa.hibernate.ddl-auto=validate} validates the
 * migrated schema.
 *
 * <p>Works on Spring Boot 3.5 and 4.0 with one jar: Boot's own auto-configurations are named as strings (their
 * packages differ between the two), and the ordering uses Spring Framework API only.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"},
        beforeName = {
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass(EntityMigrations.class)
@EnableConfigurationProperties(EntityMigrationsProperties.class)
public class EntityMigrationsAutoConfiguration {

    /** Orders every JPA and JDBC template bean after the migrations. */
    @Bean
    static DependsOnMigrationsPostProcessor entityMigrationsDependsOnPostProcessor() {
        return new DependsOnMigrationsPostProcessor();
    }

    /** Hibernate on SQLite: {@link SqliteDialect}, unless another dialect is configured. */
    @Bean
    @ConditionalOnClass(name = {SqliteDialectPostProcessor.COMMUNITY_DIALECT, SqliteDialectPostProcessor.FACTORY_BEAN})
    @ConditionalOnProperty(prefix = "entity-migrations", name = "sqlite-dialect", matchIfMissing = true)
    static SqliteDialectPostProcessor entityMigrationsSqliteDialectPostProcessor() {
        return new SqliteDialectPostProcessor();
    }

    /** The migrations part: only when enabled and there is a database to migrate. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "entity-migrations", name = "enabled", matchIfMissing = true)
    @Conditional(MigrationsConfiguration.DatabaseCondition.class)
    static class MigrationsConfiguration {

        /** The engine over the migration files and the database; the bean applications inject. */
        @Bean
        @ConditionalOnMissingBean
        EntityMigrations entityMigrations(EntityMigrationsProperties properties, ObjectProvider<DataSource> dataSource,
                ListableBeanFactory beans, ResourcePatternResolver resources) {
            return EntityMigrationsFactory.load(properties, dataSource, beans, resources);
        }

        /** Runs the upgrade (or the check) when created: before the EntityManagerFactory. */
        @Bean
        @ConditionalOnMissingBean
        EntityMigrationsInitializer entityMigrationsInitializer(EntityMigrations migrations,
                EntityMigrationsProperties properties) {
            return new EntityMigrationsInitializer(migrations, properties.target(), properties.checkOnly());
        }

        /** A DataSource bean, or a URL of its own. */
        static final class DatabaseCondition extends AnyNestedCondition {

            DatabaseCondition() {
                super(ConfigurationPhase.REGISTER_BEAN);
            }

            @ConditionalOnBean(DataSource.class)
            static final class DataSourceBean {
            }

            @ConditionalOnProperty(prefix = "entity-migrations", name = "url")
            static final class OwnUrl {
            }
        }
    }
}
