package io.github.entitymigrations.maven;

/** The {@code password} parameter: printed as {@code ***} (see {@link UnevaluatedParameter}). */
public final class Secret extends UnevaluatedParameter {

    @Override
    public String toString() {
        return expression() == null ? "(none)" : "***";
    }
}
