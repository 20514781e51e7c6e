package io.github.entitymigrations.migrations;

/**
 * How {@code generate} writes a change. Defaults: the simple form, one migration.
 *
 * @param online            write the online-safe form for PostgreSQL ({@link io.github.entitymigrations.online.OnlineForm}):
 *                          indexes built concurrently, constraints added {@code not valid} then validated, NOT NULL
 *                          through a check, a lock timeout on every transactional migration
 * @param onlineLockTimeout the {@code "lockTimeout"} the online form gives its transactional migrations ({@code "5s"})
 * @param backfills         values for existing rows given besides (or over) the entities' {@code @Backfill}
 */
public record GenerateOptions(boolean online, String onlineLockTimeout, BackfillEntries backfills) {

    /** The lock timeout online migrations get unless told otherwise. */
    public static final String DEFAULT_LOCK_TIMEOUT = "5s";

    public GenerateOptions {
        backfills = backfills == null ? BackfillEntries.none() : backfills;
        onlineLockTimeout = onlineLockTimeout == null || onlineLockTimeout.isBlank() ? DEFAULT_LOCK_TIMEOUT
                : onlineLockTimeout.strip();
        try { // refused now, as the file would be
            new Migration("0001", null, "lock timeout", null, null, null, false, onlineLockTimeout, null);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("The online lock timeout is \"" + onlineLockTimeout + "\": give a whole number "
                    + "of milliseconds, seconds or minutes, as \"500ms\", \"5s\" or \"2min\"", e);
        }
    }

    /** The online choice and its lock timeout, with no backfills besides the entities' own. */
    public GenerateOptions(boolean online, String onlineLockTimeout) {
        this(online, onlineLockTimeout, null);
    }

    /** The simple form, as {@code generate} writes by default. */
    public static GenerateOptions defaults() {
        return new GenerateOptions(false, null);
    }

    /** The same, with the online form on or off. */
    public GenerateOptions online(boolean on) {
        return new GenerateOptions(on, onlineLockTimeout, backfills);
    }

    /** The same, with another lock timeout for the online form. */
    public GenerateOptions onlineLockTimeout(String timeout) {
        return new GenerateOptions(online, timeout, backfills);
    }

    /** The same, with these backfills. */
    public GenerateOptions backfills(BackfillEntries entries) {
        return new GenerateOptions(online, onlineLockTimeout, entries);
    }
}
