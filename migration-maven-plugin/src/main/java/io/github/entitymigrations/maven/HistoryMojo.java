package io.github.entitymigrations.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists every migration, oldest first, each marked applied (with when) or pending, and the current one.
 */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractDatabaseMojo {

    @Override
    protected void run() {
        getLog().info("Migrations of " + database().describe() + ":");
        migrator().history().forEach(line -> getLog().info("  " + line));
    }
}
