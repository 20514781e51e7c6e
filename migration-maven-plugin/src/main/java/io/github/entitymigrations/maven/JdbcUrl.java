package io.github.entitymigrations.maven;

import io.github.entitymigrations.runner.Secrets;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The {@code url} parameter, kept as written and evaluated only when connecting, like {@link Secret}: under
 * {@code -X} Maven prints it with {@code toString()}, which masks user info and secret parameters
 * ({@code password=}...).
 */
public final class JdbcUrl {

    private PlexusConfiguration raw;

    /** Called by Maven (plexus's default setter) with the parameter's configuration, not its value. */
    public void set(PlexusConfiguration raw) {
        this.raw = raw;
    }

    /** The expression or text as written, or {@code null} when none was given. */
    String expression() {
        return raw == null ? null : raw.getValue(null);
    }

    @Override
    public String toString() {
        return expression() == null ? "(none)" : Secrets.maskUrl(expression());
    }
}
