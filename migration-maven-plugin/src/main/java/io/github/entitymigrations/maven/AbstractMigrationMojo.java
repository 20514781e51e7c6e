package io.github.entitymigrations.maven;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.Workspace;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the migrations directory, the entity snapshot, {@code skip}, and one place
 * that turns an engine error into a build failure with its message (no stack trace without -e/-X).
 */
public abstract class AbstractMigrationMojo extends AbstractMojo {

    /**
     * The directory holding the numbered migration files ({@code 0001_create_users.json}, ...).
     */
    @Parameter(property = "migration.directory", defaultValue = "${project.basedir}/src/main/resources/db/migrations")
    protected File migrationsDirectory;

    /**
     * The entity snapshot written by {@code migration-processor} at compile time.
     */
    @Parameter(property = "migration.snapshot",
            defaultValue = "${project.build.outputDirectory}/META-INF/entity-migrations/schema.json")
    protected File snapshotFile;

    /**
     * Skips the goal.
     */
    @Parameter(property = "migration.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping (migration.skip=true)");
            return;
        }
        try {
            run();
        } catch (MigrationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("entity-migrations failed unexpectedly: " + e
                    + " (please report it, with the output of mvn -e)", e);
        }
    }

    /** The goal's work. */
    protected abstract void run() throws MojoFailureException;

    protected Workspace workspace() {
        return new Workspace(migrationsDirectory.toPath(), snapshotFile.toPath(), console());
    }

    protected Console console() {
        return new Console() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
    }
}
