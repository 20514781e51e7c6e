package io.github.entitymigrations.spring;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains Hibernate's {@code ddl-auto=validate} failure ("Schema-validation: missing column [email] in table
 * [owners]") when the migrations ran at start-up: the database then has exactly what the migrations create, so
 * the entities and the migrations disagree, and the fix is a generated migration (or a target that reaches
 * head), not the database. Without this, Boot prints only Hibernate's stack trace.
 *
 * <p>Matched by class name so the jar needs no Hibernate (and works with Hibernate 6.6 and 7.x).
 */
final class SchemaValidationFailureAnalyzer implements FailureAnalyzer {

    static final String SCHEMA_MANAGEMENT_EXCEPTION = "org.hibernate.tool.schema.spi.SchemaManagementException";

    private final Environment environment;

    /** Boot passes the application's environment. */
    SchemaValidationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable validation = validationFailure(failure);
        if (validation == null || !environment.getProperty("entity-migrations.enabled", Boolean.class, true)) {
            return null;
        }
        String location = environment.getProperty("entity-migrations.location", "classpath:db/migrations");
        String target = environment.getProperty("entity-migrations.target", "head");
        String description = "Hibernate's schema validation failed on the schema that Entity Migrations brought "
                + "the database to (the migrations of " + location + ", up to " + target + "):\n\n"
                + validation.getMessage() + "\n\nThe entities and the migrations differ.";
        String action = "head".equals(target)
                ? "If an entity changed, generate its migration (mvn compile migration:generate -Dmessage=\"...\"; "
                        + "mvn compile migration:check lists what the migrations lack), review it and start again "
                        + "with it packaged."
                : "entity-migrations.target=" + target + " stops before head, so the database lacks the later "
                        + "migrations' changes that the entities expect: remove the property (or set it to head), "
                        + "or start the entities' matching version of the application.";
        return new FailureAnalysis(description, action, validation);
    }

    /** Hibernate's validation failure among the causes, or {@code null}. */
    private static Throwable validationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // "Schema-validation: ..." in Hibernate 6.6, "Schema validation: ..." in 7.x; other schema
            // management failures (create, update) are not about validation.
            String message = t.getMessage();
            if (t.getClass().getName().equals(SCHEMA_MANAGEMENT_EXCEPTION) && message != null
                    && (message.startsWith("Schema-validation") || message.startsWith("Schema validation"))) {
                return t;
            }
        }
        return null;
    }
}
