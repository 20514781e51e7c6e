package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import java.time.Duration;

/**
 * How a runner's connection introduces itself and waits (set up by {@link DatabaseKind#prepare}): PostgreSQL
 * sessions carry the application name {@value #APPLICATION_NAME}, so a run waiting for the lock can tell who
 * holds it; SQLite connections wait for another connection's write lock as long as the lock timeout, and say
 * so clearly when it runs out.
 */
final class Sessions {

    static final String APPLICATION_NAME = "entity-migrations";

    private Sessions() {
    }

    /** The message for SQLITE_BUSY, naming the migration it stopped ({@code step} may be {@code null}). */
    static String sqliteLocked(Database database, Duration lockTimeout, Step step) {
        return (step == null ? "" : "Migration " + step.label() + " (" + step.file().fileName() + ") was not "
                + (step.upgrade() ? "applied" : "reverted") + ": ") + "the SQLite database " + database.describe()
                + " stayed locked by another connection for longer than the lock timeout ("
                + DatabaseLock.format(lockTimeout) + "; SQLite says: database is locked). Another process is "
                + "writing to the file: the application, a database browser, or a tool that is not "
                + Advice.current().phrase(Advice.Phrase.THIS_TOOL) + ". "
                + "Migrations this run finished before stay applied (see above); nothing else was changed. Close "
                + "that connection and " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ", or wait longer: "
                + Advice.current().setting(Advice.Setting.LOCK_TIMEOUT, "PT30M");
    }
}
