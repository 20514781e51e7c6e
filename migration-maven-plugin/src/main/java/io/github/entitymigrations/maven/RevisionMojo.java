package io.github.entitymigrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes an empty numbered migration to fill by hand: {@code sql} steps for data migrations and anything
 * the entities cannot express. {@code mvn migration:revision -Dmessage="backfill phone numbers"}.
 */
@Mojo(name = "revision", threadSafe = true)
public class RevisionMojo extends AbstractMigrationMojo {

    /**
     * What the migration does, in a few words; it also names the file. Required.
     */
    @Parameter(property = "message")
    private String message;

    @Override
    protected void run() {
        workspace().revision(message);
    }
}
