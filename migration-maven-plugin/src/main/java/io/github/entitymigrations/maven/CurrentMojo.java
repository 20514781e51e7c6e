package io.github.entitymigrations.maven;

import io.github.entitymigrations.fleet.FleetGoals;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the database's current migration id, or {@code base} when none is applied.
 */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractFleetMojo {

    @Override
    protected void run() {
        if (isFleet()) {
            FleetGoals.current(fleet(), migrators(m -> m), chain()).requireSuccess();
            return;
        }
        getLog().info("Current migration of " + database().describe() + ": " + migrator().current());
    }
}
