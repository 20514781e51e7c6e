package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationChain;

/**
 * What an {@code upgrade} or {@code downgrade} did: where the database was when the run held the lock, where it is
 * now, and how many migrations this run applied or reverted ({@code 0}: it was where it had to be).
 *
 * @param from       the migration id the run found, or {@code base}
 * @param to         the migration id the database is at now, or {@code base}
 * @param migrations how many migrations this run applied or reverted
 */
public record Movement(String from, String to, int migrations) {

    /** A run that found the database where it had to be. */
    static Movement none(MigrationChain chain, int position) {
        String at = Targets.label(chain, position);
        return new Movement(at, at, 0);
    }

    /** Whether the run changed the database. */
    public boolean moved() {
        return migrations > 0;
    }
}
