package io.github.entitymigrations.maven;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
     * The project's source directories; a source edited after it was compiled makes the snapshot stale
     * (warned by generate and check).
     */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    protected List<String> compileSourceRoots;

    /**
     * Where the compiled classes are, next to the snapshot.
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    protected File classesDirectory;

    /**
     * The build directory: generate and check keep what validating the history found under it
     * ({@code entity-migrations/validated-history}), so the next run validates only the migrations added since.
     */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

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
        // the engine's messages give the Maven form of their advice (mvn migration:..., -Dmigration.*)
        try (Advice.InUse maven = Advice.MAVEN.use()) {
            run();
        } catch (MigrationException e) {
            throw new MojoFailureException(redact(e.getMessage()), redact(e));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("entity-migrations failed unexpectedly: " + redact(e.toString())
                    + " (please report it, with the output of mvn -e)", redact(e));
        }
    }

    /** The text with every secret this goal knows removed (database goals: the password); as is otherwise. */
    protected String redact(String text) {
        return text;
    }

    /** The exception chain with every message {@link #redact(String) redacted}, for mvn -e and -X. */
    protected Throwable redact(Throwable error) {
        return error;
    }

    /** The goal's work. */
    protected abstract void run() throws MojoFailureException;

    /**
     * Refuses to go on when a source was changed (or added) after the last compile: the snapshot does not show
     * it yet, so generate would miss the change and check would pass a commit that lacks its migration. With
     * {@code allowStaleSnapshot} it only warns.
     */
    protected void requireCompiled(String goal, boolean allowStaleSnapshot) {
        if (compileSourceRoots == null || classesDirectory == null || !snapshotFile.isFile()) {
            return;
        }
        Optional<Path> stale = StaleSources.first(compileSourceRoots, classesDirectory.toPath(), snapshotFile.toPath());
        if (stale.isEmpty()) {
            return;
        }
        String message = stale.get() + " changed after the last compile, so the entity snapshot may not show it: "
                + "run mvn compile migration:" + goal + (goal.equals("generate") ? " -Dmessage=\"...\"" : "")
                + " to include it";
        if (allowStaleSnapshot) {
            getLog().warn(message + " (going on: migration.allowStaleSnapshot=true)");
            return;
        }
        throw new MigrationException(message + ". Nothing was " + (goal.equals("generate") ? "written" : "compared")
                + ". (If sources are expected to be newer than the snapshot in this project, set "
                + "-Dmigration.allowStaleSnapshot=true.)");
    }

    protected Workspace workspace() {
        return new Workspace(migrationsDirectory.toPath(), snapshotFile.toPath(), console())
                .withHistoryCache(buildDirectory.toPath().resolve("entity-migrations").resolve("validated-history"));
    }

    protected Console console() {
        return new Console() {
            @Override
            public void info(String line) {
                getLog().info(redact(line));
            }

            @Override
            public void warn(String line) {
                getLog().warn(redact(line));
            }

            @Override
            public void debug(String line) {
                getLog().debug(redact(line));
            }
        };
    }
}
