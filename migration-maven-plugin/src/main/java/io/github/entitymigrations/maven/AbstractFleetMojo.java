package io.github.entitymigrations.maven;

import io.github.entitymigrations.fleet.Fleet;
import io.github.entitymigrations.fleet.FleetGoals;
import io.github.entitymigrations.fleet.FleetTargets;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.runner.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that also run on a fleet of schemas (a schema or database per tenant): {@code upgrade},
 * {@code downgrade}, {@code stamp} and {@code current}. With {@code schemas} the goal runs on each of them, with
 * its own connection, lock and version table, {@code parallel} at a time.
 */
public abstract class AbstractFleetMojo extends AbstractDatabaseMojo {

    /**
     * Run on every one of these schemas instead of one (on MariaDB and MySQL: databases of the server): names,
     * patterns with {@code *} and {@code ?} matched against the database's schemas ({@code tenant_*}; a pattern
     * matching none fails), or JDBC URLs of databases of their own (the same credentials; an SQLite URL may have a
     * pattern in its file name, {@code jdbc:sqlite:tenants/*.db}). On the command line comma-separated:
     * {@code -Dmigration.schemas=tenant_*,acme}. Each gets its own lock and version table, as with {@code schema};
     * one line is printed per finished schema, then a summary; the goal fails if any failed, after the others ran.
     * Not together with {@code schema}.
     */
    @Parameter(property = "migration.schemas")
    private List<String> schemas;

    /**
     * With {@code schemas}: how many schemas are migrated at a time, each on its own connection (default 1, one
     * after the other). Mind the server's connection limit.
     */
    @Parameter(property = "migration.parallel", defaultValue = "1")
    private int parallel;

    /**
     * With {@code schemas}: after the first schema fails, start no other (those already running finish). By
     * default every schema runs and the failures are listed at the end.
     */
    @Parameter(property = "migration.failFast", defaultValue = "false")
    private boolean failFast;

    @Override
    protected boolean fleetGoal() {
        return true;
    }

    /** Whether {@code schemas} is configured. */
    protected boolean isFleet() {
        return !FleetTargets.entries(schemas).isEmpty();
    }

    /** The fleet of the configured schemas, patterns resolved now. */
    protected Fleet fleet() {
        return new Fleet(FleetTargets.resolve(database(), FleetTargets.entries(schemas)), console())
                .parallel(parallel).failFast(failFast);
    }

    /** A runner per schema, set up as {@link #migrator()} and then by {@code setup}. */
    protected FleetGoals.Migrators migrators(UnaryOperator<Migrator> setup) {
        MigrationChain chain = chain();
        Duration timeout = lockTimeout();
        return (db, console) -> setup.apply(new Migrator(db, chain, console).lockTimeout(timeout));
    }
}
