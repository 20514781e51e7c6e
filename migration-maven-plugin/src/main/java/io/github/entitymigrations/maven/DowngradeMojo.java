package io.github.entitymigrations.maven;

import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Mojo;
import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reverts migrations, newest first, each in its own transaction. Refuses before running anything when an
 * irreversible step lies on the way, or when it would destroy data (unless {@code allowDataLoss}). {@code mvn migration:downgrade [-Dtarget=-1|-N|base|id]}.
 */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractFleetMojo {

    /**
     * Where to go: {@code -1} (the last migration, the default), {@code -N}, {@code base} (revert all) or
     * a migration id to end at.
     */
    @Parameter(property = "target", defaultValue = "-1")
    private String target;

    /**
     * Run even when the downgrade destroys data: rows of a table it drops, values of a column it drops, values
     * a type it narrows does not keep. Without it, such a downgrade stops before running anything and lists
     * what would be lost (counted on the database); with it, it runs and warns of what was lost.
     */
    @Parameter(property = "migration.allowDataLoss", defaultValue = "false")
    private boolean allowDataLoss;

    @Override
    protected void run() {
        if (isFleet()) {
            FleetGoals.downgrade(fleet(), migrators(m -> m), target, allowDataLoss).requireSuccess();
            return;
        }
        migrator().downgrade(target, allowDataLoss);
    }
}
