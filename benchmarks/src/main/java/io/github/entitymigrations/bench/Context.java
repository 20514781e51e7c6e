package io.github.entitymigrations.bench;

import java.nio.file.Path;

/**
 * What every benchmark gets.
 *
 * @param repository the repository root (for mvn runs against the installed plugin)
 * @param work       a scratch directory of this run, deleted afterwards
 * @param runs       how many measured runs each median is taken over
 * @param quick      {@code --quick}: fewer runs and smaller sizes, to check the harness, not to publish
 * @param postgres   the PostgreSQL server to create databases on
 */
public record Context(Path repository, Path work, int runs, boolean quick, Postgres postgres) {

    /** A fresh directory under {@link #work}. */
    public Path directory(String name) throws java.io.IOException {
        Path dir = work.resolve(name);
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }
}
