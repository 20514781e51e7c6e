package io.github.entitymigrations.maven;

import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Mojo;
import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies pending migrations, each in its own transaction with its version-table row, after checking
 * that every applied migration's file is unchanged. {@code mvn migration:upgrade [-Dtarget=head|+N|id]}; with
 * {@code -Dmigration.schemas=tenant_*} on every schema of a fleet, {@code -Dmigration.parallel=N} at a time.
 */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends AbstractFleetMojo {

    /**
     * How far to go: {@code head} (every pending migration, the default), {@code +N} (the next N), or a
     * migration id such as {@code 0003}.
     */
    @Parameter(property = "target", defaultValue = "head")
    private String target;

    /**
     * Compare the database with the schema its applied migrations produce first, as {@code migration:drift}
     * does, and fail without running anything when they differ.
     */
    @Parameter(property = "migration.verifyBefore", defaultValue = "false")
    private boolean verifyBefore;

    @Override
    protected void run() {
        if (isFleet()) {
            FleetGoals.upgrade(fleet(), migrators(m -> m.verifyBefore(verifyBefore)), target).requireSuccess();
            return;
        }
        migrator().verifyBefore(verifyBefore).upgrade(target);
    }
}
