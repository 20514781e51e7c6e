package io.github.entitymigrations.maven;

import io.github.entitymigrations.lint.FailOn;
import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.runner.LintRun;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Judges the migrations an upgrade would apply, before they run: data loss, steps that fail on the rows a table
 * already holds, PostgreSQL locks that stall the application, changes that break the release still running during a
 * rolling deploy, and SQLite table rebuilds. One line per finding (file, step, rule id, severity, message, fix).
 * Without {@code from} it reads the configured database (never changing it) for its pending migrations and their
 * tables' row counts; with {@code from} it opens no database and judges for the dialect of the configured URL.
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends AbstractDatabaseMojo {

    /** The last migration to judge: {@code head} (default), {@code +N} or an id. */
    @Parameter(property = "target", defaultValue = "head")
    private String target;

    /**
     * Judge the migrations after this one ({@code base}: all), without opening the database. Default: the pending
     * migrations of the configured database, with its row counts.
     */
    @Parameter(property = "from")
    private String from;

    /**
     * The least severity that fails the goal: {@code error}, {@code warning} (default), {@code info} or
     * {@code never}.
     */
    @Parameter(property = "migration.lintFailOn", defaultValue = "warning")
    private String lintFailOn;

    /**
     * Rule ids to silence in every migration, comma-separated ({@code pg-lock-timeout,sqlite-rebuild}). Prefer
     * silencing one step in its file, with a reason. An unknown id fails the goal, listing the known ones.
     */
    @Parameter(property = "migration.lintIgnore")
    private String lintIgnore;

    /** A file to write the JSON report to (every finding, silenced ones with their reason), for CI. */
    @Parameter(property = "migration.lintReport")
    private File lintReport;

    @Override
    protected void run() throws MojoFailureException {
        FailOn failOn = LintSupport.failOn(lintFailOn);
        LintReport report = LintRun.lint(database(), chain(), from, target, LintSupport.ignored(lintIgnore), console());
        List<String> ids = report.migrations();
        getLog().info("Lint of " + (ids.isEmpty() ? "no migrations (nothing pending)" : ids.size() == 1
                ? "migration " + ids.get(0) : ids.size() + " migrations, " + ids.get(0) + " to "
                + ids.get(ids.size() - 1)) + " for " + report.database()
                + (report.facts() ? ", with the database's row counts" : from != null && !from.isBlank()
                ? ", without a database" : ""));
        for (Finding f : report.active()) {
            LintSupport.print(getLog(), f);
        }
        getLog().info("lint: " + report.summary());
        LintSupport.write(getLog(), report, lintReport);
        if (report.fails(failOn)) {
            throw LintSupport.failure(report, failOn, "lint");
        }
    }
}
