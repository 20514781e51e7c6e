package io.github.entitymigrations.maven;

import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Linter;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Diffs the compiled entity snapshot against the schema the existing migrations produce and writes the
 * next numbered migration, {@code NNNN_slug_of_message.json}. Writes nothing when nothing changed.
 * Needs no database. Run after compiling: {@code mvn compile migration:generate -Dmessage="add phone"}.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractMigrationMojo {

    /**
     * What the migration does, in a few words; it also names the file ({@code "add phone to users"} gives
     * {@code 0002_add_phone_to_users.json}). Required.
     */
    @Parameter(property = "message")
    private String message;

    /**
     * Goes on, with a warning, although a source is newer than the entity snapshot (for layouts where that is
     * expected, e.g. sources touched by a generator after compiling). By default such a stale snapshot fails
     * the goal, which would otherwise compare old entities.
     */
    @Parameter(property = "migration.allowStaleSnapshot", defaultValue = "false")
    private boolean allowStaleSnapshot;

    /**
     * The database's JDBC URL, read only for its dialect: the migration written is linted for it (every finding
     * printed, never failing). Default: SQLite, as the other goals.
     */
    @Parameter(property = "migration.url")
    private String url;

    /** Rule ids not to print for the new migration, comma-separated. */
    @Parameter(property = "migration.lintIgnore")
    private String lintIgnore;

    @Override
    protected void run() {
        requireCompiled("generate", allowStaleSnapshot);
        int before = workspace().chain().migrations().size();
        if (workspace().generate(message).isPresent()) {
            lint(before);
        }
    }

    /** Lints the migration(s) just written and prints every finding; the author reviews them before committing. */
    private void lint(int firstWritten) {
        LintReport report = Linter.offline(workspace().chain(), firstWritten,
                LintSupport.dialect(url), LintSupport.ignored(lintIgnore));
        report.active().forEach(f -> LintSupport.print(getLog(), f));
        getLog().info("lint: " + report.summary() + (report.active().isEmpty() ? "" : "; review each, fix the step "
                + "or silence it in the file's \"lint\" section with a reason"));
    }
}
