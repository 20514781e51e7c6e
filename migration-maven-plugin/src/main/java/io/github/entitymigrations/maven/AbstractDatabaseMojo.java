package io.github.entitymigrations.maven;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.runner.Secrets;
import java.io.File;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;

/**
 * The goals that talk to a database: its URL, credentials (preferably a {@code <server>} of
 * settings.xml) and schema. With no URL, an SQLite file in the project, so a newcomer needs no server.
 */
public abstract class AbstractDatabaseMojo extends AbstractMigrationMojo {

    /**
     * The JDBC URL: {@code jdbc:postgresql://host:5432/db}, {@code jdbc:mariadb://host:3306/db} (MariaDB, with
     * MariaDB Connector/J), {@code jdbc:mysql://host:3306/db} (MySQL, with MySQL Connector/J) or
     * {@code jdbc:sqlite:path}; the scheme chooses the dialect. Default: the SQLite file
     * {@code entity-migrations.db} in the project directory.
     */
    @Parameter(property = "migration.url")
    private JdbcUrl url;

    /**
     * The database user. Prefer {@code serverId} for anything but a local database.
     */
    @Parameter(property = "migration.username")
    private String username;

    /**
     * The database password. Prefer {@code serverId}: a password written in the POM is shown by Maven's own
     * {@code -X} configuration dump; this plugin never prints it (its {@code -X} parameter line shows
     * {@code ***}).
     */
    @Parameter(property = "migration.password")
    private Secret password;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /**
     * The id of a server entry ({@code &lt;server&gt;}) in settings.xml whose username and password
     * (encrypted or not) are the database credentials: the recommended way for shared databases.
     */
    @Parameter(property = "migration.serverId")
    private String serverId;

    /**
     * The schema for unqualified tables and the version table (created if missing): a PostgreSQL schema, or on
     * MariaDB and MySQL a database of the server (made the connection's current one). Default: the connection's
     * current schema (on MariaDB and MySQL, the URL's database).
     */
    @Parameter(property = "migration.schema")
    private String schema;

    /**
     * How long a run waits for another run's migration lock before it fails, saying who holds it: an ISO-8601
     * duration ({@code PT10M}, {@code PT30S}) or a number of seconds. While waiting, the run says every few
     * seconds who holds the lock. On SQLite also how long a statement waits for another connection that is
     * writing to the file.
     */
    @Parameter(property = "migration.lockTimeout", defaultValue = "PT10M")
    private String lockTimeout;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter decrypter;

    /** The database last built, whose secrets {@link #redact} removes from every message. */
    private Database lastDatabase;

    /** The default database: an SQLite file next to the pom. */
    static final String DEFAULT_SQLITE_FILE = "entity-migrations.db";

    protected Database database() {
        refuseSchemas();
        String user = username;
        String pass = password == null ? null : evaluate("password", password.expression());
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MigrationException("No <server> with <id>" + serverId + "</id> in settings.xml (named by "
                        + "serverId / -Dmigration.serverId): add one with the database <username> and <password>");
            }
            SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : decrypted.getProblems()) {
                getLog().warn("settings.xml server " + serverId + ": " + problem.getMessage());
            }
            Server plain = decrypted.getServer() != null ? decrypted.getServer() : server;
            user = user != null ? user : plain.getUsername();
            pass = pass != null ? pass : plain.getPassword();
        }
        String jdbcUrl = url == null ? null : evaluate("url", url.expression());
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            jdbcUrl = "jdbc:sqlite:" + new File(basedir, DEFAULT_SQLITE_FILE).getPath();
        }
        lastDatabase = new Database(jdbcUrl, user, pass, schema == null || schema.isBlank() ? null : schema);
        return lastDatabase;
    }

    @Override
    protected String redact(String text) {
        Database known = lastDatabase;
        return known == null ? Secrets.scrub(text, null, passwordsKnown()) : known.scrub(text);
    }

    @Override
    protected Throwable redact(Throwable error) {
        Database known = lastDatabase;
        return known == null ? Secrets.scrub(error, null, passwordsKnown()) : known.scrub(error);
    }

    /** Before a Database is built (or when building it failed): the passwords configured so far. */
    private List<String> passwordsKnown() {
        List<String> known = new ArrayList<>();
        try {
            known.addAll(Secrets.inUrl(url == null ? null : evaluate("url", url.expression())));
            known.add(password == null ? null : evaluate("password", password.expression()));
        } catch (MigrationException e) {
            // an expression that cannot be evaluated holds no secret we could print
        }
        return known;
    }

    /** A parameter kept as written ({@code ${migration.password}}, or the POM's text), evaluated now. */
    private String evaluate(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            Object value = new PluginParameterExpressionEvaluator(session, mojoExecution).evaluate(raw);
            return value == null || value.toString().isEmpty() ? null : value.toString();
        } catch (ExpressionEvaluationException e) {
            throw new MigrationException("Cannot evaluate <" + name + ">: " + e.getMessage(), e);
        }
    }

    protected MigrationChain chain() {
        return MigrationChain.loadForRunner(migrationsDirectory.toPath());
    }

    protected Migrator migrator() {
        // A server's connection is opened while the files are read, for the goal's first operation.
        return Migrator.connectingWhile(database(), this::chain, console()).lockTimeout(lockTimeout());
    }

    /** The configured lock timeout, or {@code null} for the default. */
    protected Duration lockTimeout() {
        return lockTimeout(lockTimeout);
    }

    /** Whether this goal runs on a fleet of schemas ({@code schemas}); the others refuse it, see {@link #refuseSchemas}. */
    protected boolean fleetGoal() {
        return false;
    }

    /**
     * A goal without {@code schemas} would silently run on the one configured database when asked for a fleet:
     * refused, naming the goals that take it.
     */
    private void refuseSchemas() {
        String schemas = session == null ? null : session.getUserProperties().getProperty("migration.schemas");
        if (fleetGoal() || schemas == null || schemas.isBlank()) {
            return;
        }
        throw new MigrationException("migration:" + mojoExecution.getGoal() + " reads or changes one database at a "
                + "time and does not take -Dmigration.schemas (" + schemas + "); only upgrade, downgrade, stamp and "
                + "current run on a fleet of schemas. Run it on one of them with -Dmigration.schema=<name>");
    }

    /** {@code PT10M} or {@code 600}; {@code null} (not configured) is the default. */
    static Duration lockTimeout(String lockTimeout) {
        if (lockTimeout == null || lockTimeout.isBlank()) {
            return null;
        }
        String text = lockTimeout.strip();
        try {
            Duration d = text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw new MigrationException("lockTimeout (-Dmigration.lockTimeout) must be an ISO-8601 duration such as "
                + "PT10M or PT30S, or a number of seconds; got " + lockTimeout);
    }
}
