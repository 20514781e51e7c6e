package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same entities written against {@code javax.persistence} 2.2 and {@code javax.validation} 2.0
 * give the same snapshot bytes as with {@code jakarta.*}: the processor reads annotations by name.
 */
class JavaxParityTest {

    /**
     * The fixtures, rewritten textually to the javax namespaces. javax.persistence 2.2 has no
     * {@code GenerationType.UUID} (new in Jakarta Persistence 3.1), so that id becomes
     * {@code GenerationType.AUTO}: on a UUID attribute Hibernate then also generates a UUID, with the
     * same schema (a uuid column, no sequence). Everything else the fixtures use exists in 2.2, and
     * {@code org.hibernate.annotations} stay as they are (they are read by name either way).
     */
    static final UnaryOperator<String> TO_JAVAX = source -> source
            .replace("jakarta.persistence.", "javax.persistence.")
            .replace("jakarta.validation.", "javax.validation.")
            .replace("GenerationType.UUID", "GenerationType.AUTO");

    @ParameterizedTest
    @ValueSource(strings = {"jpa", "spring"})
    void javaxEntitiesGiveTheSameSnapshotBytes(String naming) {
        String jakarta = FixtureCompiler.snapshot(naming, UnaryOperator.identity());
        String javax = FixtureCompiler.snapshot(naming, TO_JAVAX);

        assertTrue(FixtureCompiler.fixtureSources().values().stream().map(TO_JAVAX)
                .noneMatch(s -> s.contains("jakarta.")), "a fixture still refers to a jakarta.* type");
        assertEquals(jakarta, javax, "the javax.persistence variant of the fixtures gave a different snapshot");
    }
}
