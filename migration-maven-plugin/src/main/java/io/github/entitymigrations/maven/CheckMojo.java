package io.github.entitymigrations.maven;

import io.github.entitymigrations.lint.FailOn;
import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Linter;
import io.github.entitymigrations.migrations.MigrationChain;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the entities and the migrations diverge (listing every difference), or when the
 * migration history is broken (two files with one number, several heads, a missing parent, an
 * unreadable file). Bound to {@code verify} by default. Needs no database.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMigrationMojo {

    /**
     * Goes on, with a warning, although a source is newer than the entity snapshot (for layouts where that is
     * expected, e.g. sources touched by a generator after compiling). By default such a stale snapshot fails
     * the goal, which would otherwise compare old entities.
     */
    @Parameter(property = "migration.allowStaleSnapshot", defaultValue = "false")
    private boolean allowStaleSnapshot;

    /**
     * The least lint severity that fails {@code check}: {@code error} (default), {@code warning}, {@code info} or
     * {@code never}. Every migration file is linted offline; findings at or above it are printed, the others counted.
     */
    @Parameter(property = "migration.lintFailOn", defaultValue = "error")
    private String lintFailOn;

    /** Rule ids to silence in every migration, comma-separated; an unknown id fails, listing the known ones. */
    @Parameter(property = "migration.lintIgnore")
    private String lintIgnore;

    /** A file to write the JSON lint report to, for CI. */
    @Parameter(property = "migration.lintReport")
    private File lintReport;

    /**
     * The database's JDBC URL, read only for its dialect (lint judges PostgreSQL, MariaDB, MySQL and SQLite
     * differently); never connected to. Default: SQLite, as the other goals.
     */
    @Parameter(property = "migration.url")
    private String url;

    @Override
    protected void run() throws MojoFailureException {
        requireCompiled("check", allowStaleSnapshot);
        // The history is read once for both (a long one is thousands of files).
        MigrationChain chain = workspace().chain();
        List<String> differences = workspace().check(chain);
        boolean lintFails = lint(chain);
        if (differences.isEmpty()) {
            getLog().info("The entities and the migrations agree.");
            if (lintFails) {
                throw LintSupport.failure(lastLint, LintSupport.failOn(lintFailOn), "check's lint");
            }
            return;
        }
        throw new MojoFailureException("The entities and the migrations differ; the migrations lack "
                + differences.size() + " step(s):\n  - " + String.join("\n  - ", differences)
                + "\nRun mvn compile migration:generate -Dmessage=\"...\" to write the migration, review it and "
                + "commit it.\nNote: " + workspace().followedHibernate() + " (the hibernate-core on the compile "
                + "classpath, or -Amigration.hibernate). Hibernate versions create different schemas for the same "
                + "entities: after a Hibernate upgrade, these steps may be the checks and keys the new version "
                + "creates (see the README, \"Hibernate versions\").");
    }

    private LintReport lastLint;

    /** Lints every migration offline; prints findings at or above the threshold, else one summary line. */
    private boolean lint(MigrationChain chain) {
        FailOn failOn = LintSupport.failOn(lintFailOn);
        lastLint = Linter.offline(chain, 0, LintSupport.dialect(url),
                LintSupport.ignored(lintIgnore));
        List<Finding> shown = lastLint.active().stream().filter(f -> failOn.fails(f.severity())).toList();
        shown.forEach(f -> LintSupport.print(getLog(), f));
        getLog().info("lint: " + lastLint.summary() + (shown.size() == lastLint.active().size() ? ""
                : "; see them with migration:lint -Dfrom=base"));
        LintSupport.write(getLog(), lastLint, lintReport);
        return lastLint.fails(failOn);
    }
}
