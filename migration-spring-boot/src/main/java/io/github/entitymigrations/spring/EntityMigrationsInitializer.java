package io.github.entitymigrations.spring;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.migrations.Advice;

import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations (or, with {@code entity-migrations.check-only=true}, only checks that the
 * database is at head) when the context creates it: before the {@code EntityManagerFactory}, which depends on
 * it. A failure fails the start-up with the engine's message. Declare a bean of this type (or of
 * {@link EntityMigrations}) to replace the auto-configured one.
 */
public class EntityMigrationsInitializer implements InitializingBean {

    private final EntityMigrations migrations;
    private final String target;
    private final boolean checkOnly;

    /**
     * @param migrations the loaded engine
     * @param target     {@code head}, {@code +N} or a migration id
     * @param checkOnly  apply nothing; fail unless the database is at head
     */
    public EntityMigrationsInitializer(EntityMigrations migrations, String target, boolean checkOnly) {
        this.migrations = migrations;
        this.target = target;
        this.checkOnly = checkOnly;
    }

    @Override
    public void afterPropertiesSet() {
        // Advice in the engine's messages names entity-migrations.* properties, not Maven goals.
        try (Advice.InUse advice = Advice.SPRING_BOOT.use()) {
            if (checkOnly) {
                migrations.check();
            } else {
                migrations.upgrade(target);
            }
        }
    }

    /** The engine this initializer ran. */
    public EntityMigrations migrations() {
        return migrations;
    }
}
