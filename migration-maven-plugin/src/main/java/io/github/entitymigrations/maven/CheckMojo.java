package io.github.entitymigrations.maven;

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

    @Override
    protected void run() throws MojoFailureException {
        requireCompiled("check", allowStaleSnapshot);
        List<String> differences = workspace().check();
        if (differences.isEmpty()) {
            getLog().info("The entities and the migrations agree.");
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
}
