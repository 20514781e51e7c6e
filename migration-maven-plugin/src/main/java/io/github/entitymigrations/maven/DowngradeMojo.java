package io.github.entitymigrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reverts migrations, newest first, each in its own transaction. Refuses before running anything when an
 * irreversible step lies on the way. {@code mvn migration:downgrade [-Dtarget=-1|-N|base|id]}.
 */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractDatabaseMojo {

    /**
     * Where to go: {@code -1} (the last migration, the default), {@code -N}, {@code base} (revert all) or
     * a migration id to end at.
     */
    @Parameter(property = "target", defaultValue = "-1")
    private String target;

    @Override
    protected void run() {
        migrator().downgrade(target);
    }
}
