package io.github.entitymigrations.spring;

import io.github.entitymigrations.migrations.MigrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that failed on a {@link MigrationException} (a failing migration, a broken file, pending
 * migrations under {@code check-only}, an unreachable database) into Spring Boot's "APPLICATION FAILED TO
 * START" report with the engine's message, instead of a stack trace of bean creation errors.
 */
final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis("Entity Migrations could not bring the database to the migrations' state at "
                + "start-up:\n\n" + cause.getMessage(),
                "Fix what the message above names. The entity-migrations.* properties choose what runs at start-up: "
                        + "target (how far to upgrade), check-only (apply nothing, only verify), enabled=false (leave "
                        + "the database alone).", cause);
    }
}
