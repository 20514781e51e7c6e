package io.github.entitymigrations.migrations;

/** A problem the user must fix, with a message that says what and how. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
