package io.github.entitymigrations.spring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code entity-migrations.*} properties of the Spring Boot integration.
 *
 * @param enabled        whether pending migrations are applied (or checked) at start-up; default {@code true}
 * @param location       where the migration files are: {@code classpath:db/migrations} (default), another
 *                       {@code classpath:} folder, or a {@code file:} directory
 * @param target         the migration to upgrade to: {@code head} (default), {@code +N} or a migration id
 *                       ({@code 0003})
 * @param schema         the PostgreSQL schema of the tables and the version table; default the connection's
 *                       current one
 * @param checkOnly      apply nothing, only verify that the database is at head: start-up fails otherwise,
 *                       listing the pending migrations (for deployments where migrations run elsewhere)
 * @param lockTimeout    how long start-up waits for another process holding the migration lock; default the
 *                       engine's
 * @param allowDataLoss  let a migration that drops data which is there (a column or table with rows) run;
 *                       default {@code false}, so start-up fails naming it instead
 * @param url            a JDBC URL to migrate with instead of the application's {@code DataSource} (for
 *                       example an owner role with DDL rights); with it, {@link #user} and {@link #password}
 * @param user           the user for {@link #url}
 * @param password       the password for {@link #url}; never logged
 * @param sqliteDialect  on SQLite, let Hibernate use {@link SqliteDialect} (accepts the {@code integer} row-id
 *                       key of a {@code Long} identity id in {@code ddl-auto=validate}); default {@code true}
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
        String url,
        String user,
        String password,
        @DefaultValue("true") boolean sqliteDialect) {

    /** Keeps the password out of logs and failure analysis output. */
    @Override
    public String toString() {
        return "EntityMigrationsProperties[enabled=" + enabled + ", location=" + location + ", target=" + target
                + ", schema=" + schema + ", checkOnly=" + checkOnly + ", lockTimeout=" + lockTimeout
                + ", allowDataLoss=" + allowDataLoss + ", url=" + url + ", user=" + user
                + ", password=" + (password == null ? null : "****") + ", sqliteDialect=" + sqliteDialect + "]";
    }
}
