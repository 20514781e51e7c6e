package io.github.entitymigrations.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Prints the database's current migration id, or {@code base} when none is applied.
 */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractDatabaseMojo {

    @Override
    protected void run() {
        getLog().info("Current migration of " + database().describe() + ": " + migrator().current());
    }
}
