package io.github.entitymigrations.api;

import java.time.Instant;

/**
 * One migration as a database has it.
 *
 * @param id        the migration id ({@code 0003})
 * @param message   what it does (its file's message; the recorded one when its file is missing)
 * @param applied   whether the database has it
 * @param appliedAt when it was applied or stamped, or {@code null} while pending
 * @param stamped   whether it was recorded by {@code stamp} without running
 */
public record MigrationInfo(String id, String message, boolean applied, Instant appliedAt, boolean stamped) {
}
