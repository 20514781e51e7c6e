package io.github.entitymigrations.maven;

import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * A parameter kept as written ({@code ${migration.password}} or the POM's text) and evaluated only when
 * connecting. Under {@code -X} Maven prints a mojo's fields with {@code toString()} (each subclass masks it) and
 * the value given to a setter: {@link #set} takes the unevaluated configuration, so an evaluated secret never
 * reaches Maven's debug output.
 */
public abstract class UnevaluatedParameter {

    private PlexusConfiguration raw;

    /** Called by Maven (plexus's default setter) with the parameter's configuration, not its value. */
    public void set(PlexusConfiguration raw) {
        this.raw = raw;
    }

    /** The expression or text as written, or {@code null} when none was given. */
    String expression() {
        return raw == null ? null : raw.getValue(null);
    }
}
