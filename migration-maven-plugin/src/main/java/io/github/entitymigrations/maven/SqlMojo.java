package io.github.entitymigrations.maven;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.SqlScript;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the SQL that {@code upgrade} (or {@code downgrade}) would run, for the configured database's
 * dialect, touching nothing: for review or a DBA hand-off. The database is only read, and only to find
 * the starting point when {@code from} is not given. Printed to standard output (so {@code mvn -q} keeps
 * it clean), or written to {@code output}.
 */
@Mojo(name = "sql", threadSafe = true)
public class SqlMojo extends AbstractDatabaseMojo {

    /**
     * Where to end: {@code head} (default), {@code +N}, {@code -N}, {@code base} or an id.
     */
    @Parameter(property = "target", defaultValue = "head")
    private String target;

    /**
     * Where to start: {@code base} or an id. Default: where the database is (read only).
     */
    @Parameter(property = "from")
    private String from;

    /**
     * A file to write the script to instead of standard output.
     */
    @Parameter(property = "migration.output")
    private File output;

    @Override
    protected void run() {
        String script = SqlScript.render(database(), chain(), from, target, console());
        if (output == null) {
            System.out.print(script);
            System.out.flush();
            return;
        }
        try {
            Files.createDirectories(output.toPath().toAbsolutePath().getParent());
            Files.writeString(output.toPath(), script);
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + output + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + output);
    }
}
