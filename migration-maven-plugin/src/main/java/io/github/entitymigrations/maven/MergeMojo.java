package io.github.entitymigrations.maven;

import io.github.entitymigrations.migrations.Merge;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Puts two branches of migration history back in one line (after a git merge left two files with one
 * number, or two files after one parent): when they change different tables and sequences, the second
 * branch is renumbered to follow the first. Branches that change the same objects are refused, with
 * what to do instead.
 */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends AbstractMigrationMojo {

    @Override
    protected void run() {
        Merge.run(migrationsDirectory.toPath(), console());
    }
}
