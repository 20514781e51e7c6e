package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.spring.TestDatabase.Kind;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

/**
 * The migrations ran, then Hibernate's {@code ddl-auto=validate} refused the schema: Boot's report says that the
 * entities and the migrations differ and what to do, instead of only Hibernate's stack trace. The migrations of
 * src/test/resources/lacking-migrations are 0001 without 0002's email column, which the entity has.
 */
class SchemaValidationFailureTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMigrationTheEntitiesNeedIsMissing(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            String[] properties = {"entity-migrations.location=classpath:lacking-migrations"};
            Contexts.application(db).withPropertyValues(properties)
                    .run(context -> {
                        FailureAnalysis analysis = analysis(context, properties);
                        assertThat(analysis.getDescription()).contains("missing column [email] in table [customer]")
                                .contains("classpath:lacking-migrations, up to head")
                                .contains("The entities and the migrations differ");
                        assertThat(analysis.getAction()).contains("mvn compile migration:generate")
                                .contains("migration:check");
                    });
            assertThat(db.columns("customer")).doesNotContain("email");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTargetShortOfHead(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            String[] properties = {"entity-migrations.target=0001"};
            Contexts.application(db).withPropertyValues(properties).run(context -> {
                FailureAnalysis analysis = analysis(context, properties);
                assertThat(analysis.getDescription()).contains("missing column [email]").contains("up to 0001");
                assertThat(analysis.getAction()).contains("entity-migrations.target=0001 stops before head")
                        .doesNotContain("migration:generate");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notOursWhenTheMigrationsAreDisabled(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            String[] properties = {"entity-migrations.enabled=false"};
            Contexts.application(db).withPropertyValues(properties).run(context -> {
                assertThat(context).hasFailed();
                assertThat(Contexts.messages(context.getStartupFailure())).containsPattern("Schema.validation");
                assertThat(ours(environment(properties)).analyze(context.getStartupFailure())).isNull();
            });
        }
    }

    /** The failed start-up as Boot's report would show it, through the registered analyzer. */
    private static FailureAnalysis analysis(AssertableApplicationContext context, String... properties) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = ours(environment(properties)).analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        return analysis;
    }

    /** The failed context's environment cannot be read; an environment with the same properties. */
    private static Environment environment(String... properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> values = new HashMap<>();
        for (String property : properties) {
            int eq = property.indexOf('=');
            values.put(property.substring(0, eq), property.substring(eq + 1));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }

    private static FailureAnalyzer ours(Environment environment) {
        // Loaded as Boot loads analyzers (spring.factories, the Environment as constructor argument).
        List<FailureAnalyzer> ours = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment),
                        (type, name, failure) -> { })
                .stream().filter(Objects::nonNull).filter(SchemaValidationFailureAnalyzer.class::isInstance).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }
}
