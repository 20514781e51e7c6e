package io.github.entitymigrations.maven;

import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Mojo;
import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records a migration as the current one without running anything: for a database created before the
 * project used Entity Migrations (its schema already is what the migrations produce up to that point). The
 * database's schema is compared with that first, as {@code migration:drift} does, and the stamp is refused
 * when they differ (unless {@code stampUnverified}).
 * {@code mvn migration:stamp -Dtarget=head|base|id}.
 */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends AbstractFleetMojo {

    /**
     * The migration to record as current: {@code head}, {@code base} or an id. Required.
     */
    @Parameter(property = "target")
    private String target;

    /**
     * Stamp without comparing: record the target even when the database's schema differs from the one the
     * migrations up to it produce, with a warning listing the differences. By default such a stamp is refused,
     * listing them, and nothing is recorded ({@code base} expects a database without tables).
     */
    @Parameter(property = "migration.stampUnverified", defaultValue = "false")
    private boolean stampUnverified;

    @Override
    protected void run() {
        if (isFleet()) {
            FleetGoals.stamp(fleet(), migrators(m -> m), target, stampUnverified).requireSuccess();
            return;
        }
        migrator().stamp(target, stampUnverified);
    }
}
