package io.github.entitymigrations.maven;

import io.github.entitymigrations.runner.Secrets;

/**
 * The {@code url} parameter: printed with user info and secret parameters ({@code password=}...) masked (see
 * {@link UnevaluatedParameter}).
 */
public final class JdbcUrl extends UnevaluatedParameter {

    @Override
    public String toString() {
        return expression() == null ? "(none)" : Secrets.maskUrl(expression());
    }
}
