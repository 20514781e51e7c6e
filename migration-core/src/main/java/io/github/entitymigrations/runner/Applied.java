package io.github.entitymigrations.runner;

import java.time.Instant;

/**
 * A row of the version table: one applied migration.
 *
 * @param id          the migration id
 * @param message     its message when it was applied
 * @param checksum    the checksum of its file when it was applied
 * @param appliedAt   when (to the microsecond)
 * @param appliedBy   the database user who applied it
 * @param executionMs how long it took
 * @param stamped     whether it was only recorded as applied ({@code stamp}), without running anything
 */
public record Applied(String id, String message, String checksum, Instant appliedAt, String appliedBy,
                      long executionMs, boolean stamped) {
}
