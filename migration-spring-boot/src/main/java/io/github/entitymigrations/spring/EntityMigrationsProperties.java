package io.github.entitymigrations.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The entity-migrations.* properties of the Spring Boot integration.
 *
 * @param enabled        whether pending migrations are applied (or checked) at start-up; default true
 * @param location       where the migration files are: classpath:db/migrations (default), another
 *                       classpath: folder, or a directory (file:dir, or filesystem:dir as Flyway writes it)
 * @param target         the migration to upgrade to at start-up: head (default), +N or a migration id (0003)
 * @param schema         the PostgreSQL schema of the tables and the version table; default the connection's
 *                       current one
 * @param checkOnly      apply nothing, only verify that the database is at head: start-up fails otherwise,
 *                       listing the pending migrations (for deployments where migrations run elsewhere)
 * @param lockTimeout    how long start-up waits for another process (another instance starting, a
 *                       migration:upgrade) holding the migration lock; default 10 minutes
 * @param allowDataLoss  let downgrade(...) on the EntityMigrations bean destroy data (dropped columns or
 *                       tables, narrowed types); default false, so it refuses before running anything
 * @param verifyBefore   before upgrading at start-up, compare the database with the schema its applied
 *                       migrations produce and fail start-up, running nothing, when they differ (drift);
 *                       default false
 * @param url            a JDBC URL to migrate with instead of the application's DataSource (for
 *                       example an owner role with DDL rights, as Flyway's spring.flyway.url); with user and
 *                       password
 * @param user           the user for url
 * @param password       the password for url; never logged
 * @param sqliteDialect  on SQLite, let Hibernate use SqliteDialect (accepts the integer row-id
 *                       key of a Long identity id in ddl-auto=validate); default true
 */
@ConfigurationProperties(prefix = "entity-migrations")
public record EntityMigrationsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:db/migrations") String location,
        @DefaultValue("head") String target,
        String schema,
        boolean checkOnly,
        Duration lockTimeout,
        boolean allowDataLoss,
        boolean verifyBefore,
        String url,
        String user,
        String password,
        @DefaultValue("true") boolean sqliteDialect) {

    /** Keeps the password out of logs and failure analysis output. */
    @Override
    public String toString() {
        return "EntityMigrationsProperties[enabled=" + enabled + ", location=" + location + ", target=" + target
                + ", schema=" + schema + ", checkOnly=" + checkOnly + ", lockTimeout=" + lockTimeout
                + ", allowDataLoss=" + allowDataLoss + ", verifyBefore=" + verifyBefore + ", url=" + url + ", user=" + user
                + ", password=" + (password == null ? null : "****") + ", sqliteDialect=" + sqliteDialect + "]";
    }
}
