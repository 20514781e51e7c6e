package io.github.entitymigrations.spring;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.migrations.Advice;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

/** Builds the engine from the {@code entity-migrations.*} properties. */
final class EntityMigrationsFactory {

    private EntityMigrationsFactory() {
    }

    /**
     * @param dataSource the application's DataSource (its primary one when there are several), used unless
     *                   {@code entity-migrations.url} is set
     * @param beans      the context, to name the DataSource beans when none can be chosen
     */
    static EntityMigrations load(EntityMigrationsProperties properties, ObjectProvider<DataSource> dataSource,
            ListableBeanFactory beans, ResourcePatternResolver resources) {
        EntityMigrations.Configuration c = EntityMigrations.configure()
                .source(new SpringResourceSource(properties.location(), resources))
                .classLoader(resources.getClassLoader())
                .schema(properties.schema())
                .allowDataLoss(properties.allowDataLoss())
                .verifyBefore(properties.verifyBefore());
        if (properties.lockTimeout() != null) {
            c = c.lockTimeout(properties.lockTimeout());
        }
        if (StringUtils.hasText(properties.url())) {
            c = c.url(properties.url(), properties.user(), properties.password());
        } else {
            c = c.dataSource(MigratedDataSource.choose(dataSource, beans));
        }
        try (Advice.InUse advice = Advice.SPRING_BOOT.use()) {
            return c.load();
        }
    }
}
