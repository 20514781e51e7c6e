package io.github.entitymigrations.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records a migration as the current one without running anything: for a database created before the
 * project used Entity Migrations (its schema already is what the migrations produce up to that point).
 * {@code mvn migration:stamp -Dtarget=head|base|id}.
 */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends AbstractDatabaseMojo {

    /**
     * The migration to record as current: {@code head}, {@code base} or an id. Required.
     */
    @Parameter(property = "target")
    private String target;

    @Override
    protected void run() {
        migrator().stamp(target);
    }
}
