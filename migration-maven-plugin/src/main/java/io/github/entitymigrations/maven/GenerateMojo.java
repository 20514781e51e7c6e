package io.github.entitymigrations.maven;

import io.github.entitymigrations.lint.LintFacts;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Linter;
import io.github.entitymigrations.migrations.BackfillEntries;
import io.github.entitymigrations.migrations.GenerateOptions;
import io.github.entitymigrations.migrations.Workspace;
import java.util.ArrayList;
import java.util.List;
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
     * Values for existing rows of columns that become NOT NULL on tables with rows, as {@code @Backfill} gives them
     * on the attribute (and overriding it): one {@code <backfill>table.column=SQL expression</backfill>} each
     * ({@code schema.table.column} for a table in a schema). Generate then writes the column nullable, an update
     * filling the rows where it is NULL, and the NOT NULL step. An entry naming no column that needs one fails.
     */
    @Parameter
    private List<String> backfills;

    /**
     * The same as {@code backfills} on the command line: {@code -Dmigration.backfill="customers.status='NEW'"};
     * several separated by {@code ;} (never part of one SQL expression; a {@code ;} inside a quoted literal stays).
     * Commas are kept, so {@code coalesce(a, b)} works.
     */
    @Parameter(property = "migration.backfill")
    private String backfill;

    /**
     * Writes the online-safe form for PostgreSQL instead of the simple one: indexes on existing tables built
     * {@code concurrently} in a migration of their own (outside a transaction), foreign keys and checks added
     * {@code not valid} and validated in a following migration, NOT NULL on an existing column set through a
     * validated check, and a {@code "lockTimeout"} on every transactional migration. SQLite runs the same files as
     * the simple form. Off by default.
     */
    @Parameter(property = "migration.online", defaultValue = "false")
    private boolean online;

    /**
     * The {@code "lockTimeout"} the online form gives each transactional migration: how long one statement may
     * wait for a table lock before the migration fails and rolls back ({@code 500ms}, {@code 5s}, {@code 2min}).
     */
    @Parameter(property = "migration.onlineLockTimeout", defaultValue = "5s")
    private String onlineLockTimeout;

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
        List<String> entries = new ArrayList<>(backfills == null ? List.of() : backfills);
        if (backfill != null) {
            entries.add(backfill);
        }
        GenerateOptions options = new GenerateOptions(online, onlineLockTimeout, BackfillEntries.parse(entries));
        Workspace.Generation generation = workspace().generation(message, options);
        if (!generation.files().isEmpty()) {
            lint(generation);
        }
    }

    /** Lints the migration(s) just written and prints every finding; the author reviews them before committing. */
    private void lint(Workspace.Generation generation) {
        LintReport report = Linter.lint(generation.before(), generation.written(), LintSupport.dialect(url),
                LintFacts.NONE, LintSupport.ignored(lintIgnore));
        report.active().forEach(f -> LintSupport.print(getLog(), f));
        getLog().info("lint: " + report.summary() + (report.active().isEmpty() ? "" : "; review each, fix the step "
                + "or silence it in the file's \"lint\" section with a reason"));
    }
}
