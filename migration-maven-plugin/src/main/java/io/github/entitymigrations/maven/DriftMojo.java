package io.github.entitymigrations.maven;

import io.github.entitymigrations.introspect.DriftReport;
import io.github.entitymigrations.migrations.MigrationException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the live database with the schema its applied migrations produce (replayed from the files) and
 * fails, listing every difference, when they differ: a column, index, constraint or table added, dropped or
 * changed by hand, or by Hibernate's {@code ddl-auto=update}. The version table is not drift. Reads only;
 * takes no lock. {@code mvn migration:drift [-Dmigration.driftReport=drift.json]}.
 */
@Mojo(name = "drift", threadSafe = true)
public class DriftMojo extends AbstractDatabaseMojo {

    /**
     * A file to write the result to as JSON, for CI: the database, its current migration and every difference
     * ({@code kind}, {@code object}, {@code table}, {@code expected}, {@code actual}, {@code message}). Written
     * also when drift fails the build. Relative to the project directory. Default: none.
     */
    @Parameter(property = "migration.driftReport")
    private File driftReport;

    @Override
    protected void run() {
        DriftReport report = migrator().drift();
        if (driftReport != null) {
            write(report);
        }
        if (!report.clean()) {
            throw new MigrationException(report.problem());
        }
        getLog().info(redact(report.summary()));
    }

    private void write(DriftReport report) {
        try {
            File parent = driftReport.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(driftReport.toPath(), redact(report.toJson()), StandardCharsets.UTF_8);
            getLog().info("Drift report written to " + driftReport);
        } catch (IOException e) {
            throw new MigrationException("Cannot write the drift report " + driftReport + " (driftReport / "
                    + "-Dmigration.driftReport): " + e.getMessage(), e);
        }
    }
}
