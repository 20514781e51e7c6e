package io.github.entitymigrations.runner;

import java.util.List;

/**
 * Where a database is, read against the migration files without changing anything: what the library API's
 * {@code history()}, {@code pending()} and {@code check()} are built from.
 *
 * @param applied  the version table's rows, oldest first (none when it has no version table)
 * @param problems what does not match the files (an applied migration whose file is missing or was edited,
 *                 a gap), one message each
 * @param position how many migrations of the chain, from the first, are applied
 */
public record DatabaseStatus(List<Applied> applied, List<String> problems, int position) {

    public DatabaseStatus {
        applied = List.copyOf(applied);
        problems = List.copyOf(problems);
    }
}
