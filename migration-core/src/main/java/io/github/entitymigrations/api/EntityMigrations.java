package io.github.entitymigrations.api;

import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Rules;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationSource;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.LintRun;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.runner.SqlScript;
import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.introspect.DriftReport;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The library API: migrations applied from Java, without Maven (at application start-up, in tests).
 * <pre>{@code
 * EntityMigrations migrations = EntityMigrations.configure()
 *         .dataSource(dataSource)                // or .url(jdbcUrl, user, password)
 *         .location("classpath:db/migrations")   // the default
 *         .load();
 * migrations.upgrade();
 * }</pre>
 * The same engine as the Maven goals: one lock per database, so several application instances starting at
 * once apply each migration once; each migration in its own transaction with its version row. Every method
 * throws {@link MigrationException} with a message that says what is wrong and what to do.
 */
public final class EntityMigrations {

    private final Configuration configuration;
    private final Database database;
    private final MigrationChain chain;
    private final Migrator migrator;

    private EntityMigrations(Configuration configuration, Database database, Migrator migrator) {
        this.configuration = configuration;
        this.database = database;
        this.chain = migrator.chain();
        this.migrator = migrator.lockTimeout(configuration.lockTimeout).verifyBefore(configuration.verifyBefore);
    }

    /** Starts a configuration; {@link Configuration#load()} ends it. */
    public static Configuration configure() {
        return new Configuration();
    }

    /** Applies every pending migration. */
    public void upgrade() {
        upgrade("head");
    }

    /** Applies pending migrations up to {@code head}, {@code +N} or a migration id. */
    public void upgrade(String target) {
        migrator.upgrade(target == null || target.isBlank() ? "head" : target);
    }

    /**
     * Reverts to {@code -N}, {@code base} or a migration id; refuses, before running anything, a downgrade that
     * destroys data unless {@link Configuration#allowDataLoss(boolean)} was set.
     */
    public void downgrade(String target) {
        migrator.downgrade(target == null || target.isBlank() ? "-1" : target, configuration.allowDataLoss);
    }

    /** The id of the database's newest applied migration, or {@code base}. */
    public String current() {
        return migrator.current();
    }

    /** Every migration, oldest first, applied (with when) or pending; applied ones without a file too. */
    public List<MigrationInfo> history() {
        return Histories.of(chain, migrator.status());
    }

    /** The ids of the migrations not applied yet, oldest first. */
    public List<String> pending() {
        return Histories.pending(chain, migrator.status());
    }

    /**
     * Records {@code head}, {@code base} or an id as the database's current migration, running nothing, once
     * its schema is found to be the one the migrations up to there produce; refused, listing the differences,
     * when it is not, unless {@link Configuration#stampUnverified(boolean)} was set.
     */
    public void stamp(String target) {
        migrator.stamp(target == null || target.isBlank() ? "head" : target, configuration.stampUnverified);
    }

    /**
     * Every difference between the live schema and the one its applied migrations produce (columns, types,
     * nullability, defaults, keys, foreign keys, uniques, checks, indexes, tables, sequences); empty when
     * there is no drift. The version table is not drift.
     */
    public List<Difference> drift() {
        return migrator.drift().differences();
    }

    /** The same as {@link #drift()}, with the database and the migration it is at, e.g. for a JSON report. */
    public DriftReport driftReport() {
        return migrator.drift();
    }

    /**
     * The statements {@code upgrade} (or {@code downgrade}) would run, touching nothing: each migration's own
     * steps, in order, without the transactions and version rows around them.
     *
     * @param from   {@code base} or an id, or {@code null} for where the database is (then it is read)
     * @param target {@code head}, {@code +N}, {@code -N}, {@code base} or an id ({@code null}: {@code head})
     */
    public List<String> sql(String from, String target) {
        return SqlScript.statements(database, chain, from, target, configuration.console);
    }

    /**
     * Judges the pending migrations for this database, with its facts (row counts, SQLite's views and triggers),
     * changing nothing: data loss, steps that fail on existing rows, PostgreSQL locks, rolling-deploy breakage and
     * SQLite rebuilds, each finding with its rule id (see the README, "Safety"). Findings a file's {@code "lint"}
     * section silences are in the report, marked with their reason.
     *
     * @param ignoredRules rule ids to silence everywhere (none: {@code Set.of()})
     * @throws MigrationException naming the known rule ids when one of {@code ignoredRules} is unknown
     */
    public LintReport lint(java.util.Set<String> ignoredRules) {
        Rules.requireKnown(ignoredRules, "the rules to ignore");
        return LintRun.lint(database, chain, null, "head", ignoredRules, configuration.console);
    }

    /**
     * Returns normally when the database is at head and matches the files, and, when the entity snapshot
     * ({@value Checks#SNAPSHOT}) is on the class loader, the migrations produce the entities' schema; else
     * throws, listing every problem: pending migrations, applied ones whose file is missing or was edited,
     * migrations that cannot run, entities the migrations do not cover.
     */
    public void check() {
        List<String> problems = Checks.problems(chain, migrator.status(), configuration.loader());
        if (!problems.isEmpty()) {
            throw new MigrationException("Entity Migrations check failed for " + database.describe() + " with "
                    + configuration.sourceFor().describe() + ":\n  - " + String.join("\n  - ", problems));
        }
    }

    /** The database, without credentials, for messages. */
    public String describe() {
        return database.describe();
    }

    /**
     * How to reach the database and where the migrations are. Immutable: each method returns a new
     * configuration, so one can be shared and varied.
     */
    public static final class Configuration {

        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private String location = "classpath:db/migrations";
        private MigrationSource source;
        private ClassLoader classLoader;
        private String schema;
        private Duration lockTimeout;
        private boolean allowDataLoss;
        private boolean stampUnverified;
        private boolean verifyBefore;
        private Console console;

        private Configuration() {
        }

        private Configuration copy() {
            Configuration c = new Configuration();
            c.dataSource = dataSource;
            c.url = url;
            c.user = user;
            c.password = password;
            c.location = location;
            c.source = source;
            c.classLoader = classLoader;
            c.schema = schema;
            c.lockTimeout = lockTimeout;
            c.allowDataLoss = allowDataLoss;
            c.stampUnverified = stampUnverified;
            c.verifyBefore = verifyBefore;
            c.console = console;
            return c;
        }

        /** The application's DataSource: connections are borrowed and given back as they were lent. */
        public Configuration dataSource(DataSource dataSource) {
            Configuration c = copy();
            c.dataSource = dataSource;
            return c;
        }

        /** A JDBC URL ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:app.db}) and credentials (may be null). */
        public Configuration url(String jdbcUrl, String user, String password) {
            Configuration c = copy();
            c.url = jdbcUrl;
            c.user = user;
            c.password = password;
            return c;
        }

        /**
         * Where the migration files are: {@code classpath:db/migrations} (the default), {@code filesystem:dir},
         * or a plain directory path.
         */
        public Configuration location(String location) {
            Configuration c = copy();
            c.location = location;
            c.source = null;
            return c;
        }

        /** Migration files from elsewhere (e.g. a framework's resource loader); replaces the location. */
        public Configuration source(MigrationSource source) {
            Configuration c = copy();
            c.source = source;
            return c;
        }

        /** The class loader for {@code classpath:} locations and the entity snapshot; default the thread's. */
        public Configuration classLoader(ClassLoader classLoader) {
            Configuration c = copy();
            c.classLoader = classLoader;
            return c;
        }

        /** The PostgreSQL schema for unqualified names and the version table; default the connection's. */
        public Configuration schema(String schema) {
            Configuration c = copy();
            c.schema = schema == null || schema.isBlank() ? null : schema;
            return c;
        }

        /** How long a run waits for another run's lock before it fails (default 10 minutes). */
        public Configuration lockTimeout(Duration lockTimeout) {
            Configuration c = copy();
            c.lockTimeout = lockTimeout;
            return c;
        }

        /** Whether a downgrade may destroy data (dropped columns, tables, narrowed types); default no. */
        public Configuration allowDataLoss(boolean allowDataLoss) {
            Configuration c = copy();
            c.allowDataLoss = allowDataLoss;
            return c;
        }

        /**
         * Whether {@link EntityMigrations#stamp} records a stamp without comparing: when the database's schema
         * differs from the migrations', it warns, listing the differences, instead of refusing; default no.
         */
        public Configuration stampUnverified(boolean stampUnverified) {
            Configuration c = copy();
            c.stampUnverified = stampUnverified;
            return c;
        }

        /**
         * Whether an upgrade first compares the database with its applied migrations' schema (as
         * {@link EntityMigrations#drift()}) and refuses, running nothing, when they differ; default no.
         */
        public Configuration verifyBefore(boolean verifyBefore) {
            Configuration c = copy();
            c.verifyBefore = verifyBefore;
            return c;
        }

        /** Where progress lines go; default the {@code System.Logger} {@value LoggerConsole#NAME}. */
        public Configuration console(Console console) {
            Configuration c = copy();
            c.console = console;
            return c;
        }

        /**
         * Reads and checks the migrations (a broken chain, a missing location) and, for a DataSource, learns
         * which database it is; throws {@link MigrationException} on any problem.
         */
        public EntityMigrations load() {
            Configuration c = copy();
            c.console = console != null ? console : new LoggerConsole();
            c.classLoader = loader();
            Database database = database();
            // A server's connection is opened while the files are read, for the first operation (if any) to use.
            return new EntityMigrations(c, database, Migrator.connectingWhile(database,
                    () -> MigrationChain.load(c.sourceFor()), c.console));
        }

        private Database database() {
            if (dataSource != null && url != null) {
                throw new MigrationException("Both a DataSource and a URL are configured: give one");
            }
            if (dataSource != null) {
                return Database.of(dataSource, schema);
            }
            if (url == null || url.isBlank()) {
                throw new MigrationException("No database: configure dataSource(...) or url(jdbcUrl, user, password)");
            }
            return new Database(url.strip(), user, password, schema);
        }

        ClassLoader loader() {
            if (classLoader != null) {
                return classLoader;
            }
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            return context != null ? context : EntityMigrations.class.getClassLoader();
        }

        MigrationSource sourceFor() {
            return source != null ? source : MigrationSource.of(location, loader());
        }

        @Override
        public String toString() {
            return "EntityMigrations.Configuration[" + (dataSource != null ? "dataSource " + dataSource.getClass()
                    .getName() : url == null ? "no database" : io.github.entitymigrations.runner.Secrets.maskUrl(url))
                    + ", " + (source != null ? source.describe() : location) + "]";
        }
    }
}
