package io.github.entitymigrations.runner;

/**
 * A row of the version table: one applied migration.
 *
 * @param id          the migration id
 * @param message     its message when it was applied
 * @param checksum    the checksum of its file when it was applied
 * @param appliedAt   when (ISO-8601, UTC)
 * @param appliedBy   the database user who applied it
 * @param executionMs how long it took
 */
public record Applied(String id, String message, String checksum, String appliedAt, String appliedBy,
                      long executionMs) {
}
