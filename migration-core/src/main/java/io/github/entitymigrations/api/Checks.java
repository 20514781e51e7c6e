package io.github.entitymigrations.api;

import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.ChainValidation;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.DatabaseStatus;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link EntityMigrations#check()} gathers: every problem at once (as the {@code check} goal does), or
 * none.
 */
final class Checks {

    /** Where the annotation processor writes the entity snapshot, in the class output. */
    static final String SNAPSHOT = "META-INF/entity-migrations/schema.json";

    private Checks() {
    }

    static List<String> problems(MigrationChain chain, DatabaseStatus status, ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        ChainValidation.Result validation = ChainValidation.of(chain);
        problems.addAll(validation.errors());
        problems.addAll(status.problems());
        List<String> pending = Histories.pending(chain, status);
        if (!pending.isEmpty()) {
            problems.add("The database is not at head: " + pending.size() + " migration(s) pending (" + String.join(
                    ", ", pending) + "); apply them with " + Advice.current().command(Advice.Goal.UPGRADE));
        }
        URL snapshot = loader.getResource(SNAPSHOT);
        if (snapshot != null && validation.errors().isEmpty()) {
            List<String> lack = SchemaDiff.diff(validation.schema(), read(snapshot)).upgrade().stream()
                    .map(op -> op.describe()).toList();
            if (!lack.isEmpty()) {
                problems.add("The entities and the migrations differ (entity snapshot " + snapshot + "); the "
                        + "migrations lack " + lack.size() + " step(s):\n      - " + String.join("\n      - ", lack)
                        + "\n    Generate the migration ("
                        + Advice.current().command(Advice.Goal.GENERATE, Advice.parameter(Advice.Setting.MESSAGE, "..."))
                        + "), review it and package it with the application");
            }
        }
        return problems;
    }

    private static Schema read(URL snapshot) {
        try (InputStream in = snapshot.openStream()) {
            return SchemaJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrationException("Cannot read the entity snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }
}
