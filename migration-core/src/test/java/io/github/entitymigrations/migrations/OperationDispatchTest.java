package io.github.entitymigrations.migrations;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.diff.Warnings;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.EveryOperation;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every concrete {@link Operation} type (read from the sealed hierarchy, recursively) is handled at every
 * dispatch point: rendered by each dialect (SQL, or a deliberate refusal), in merge's conflict detection, in
 * JSON, with a description and a reverse; and every {@code instanceof} chain that handles only some types
 * ({@link OperationTypes#decided}) has decided about each. Java 17 has no exhaustive pattern switch: this
 * test is what stops a new operation from falling through a chain unnoticed.
 */
class OperationDispatchTest {

    /** What each dialect deliberately renders as nothing, and why. */
    private static final Map<String, Set<Class<?>>> RENDERS_NOTHING = Map.of(
            // An SQLite sequence is a one-row table (as Hibernate's emulation); the increment lives in the entity.
            SqliteDialect.NAME, Set.of(AlterSequence.class));

    /** The classes whose {@code instanceof} chains handle only some operation types. */
    private static final List<String> PARTIAL_DISPATCHERS = List.of("io.github.entitymigrations.diff.Warnings",
            "io.github.entitymigrations.runner.DataLossGuard", "io.github.entitymigrations.runner.LiveNames",
            "io.github.entitymigrations.migrations.MigrationSafety", "io.github.entitymigrations.migrations.Touched",
            "io.github.entitymigrations.lint.DataRules", "io.github.entitymigrations.lint.PostgresRules",
            "io.github.entitymigrations.lint.DeployRules", "io.github.entitymigrations.lint.Existing",
            "io.github.entitymigrations.lint.Linter", "io.github.entitymigrations.runner.LintRun");

    static Stream<Operation> operations() {
        return EveryOperation.instances().stream();
    }

    @Test
    void theFixtureHasOneOfEveryConcreteTypeAndJsonNamesEachOne() {
        assertFalse(OperationTypes.ALL.isEmpty());
        assertEquals(OperationTypes.ALL, EveryOperation.instances().stream().map(Object::getClass).toList(),
                "EveryOperation needs one instance of each concrete operation type");
        assertEquals(Set.copyOf(OperationTypes.ALL), Set.copyOf(Arrays.stream(Operation.class.getAnnotation(
                JsonSubTypes.class).value()).map(JsonSubTypes.Type::value).toList()), "@JsonSubTypes of Operation");
    }

    @Test
    void everyPartialDispatcherHasDecidedAboutEveryType() throws Exception {
        for (String name : PARTIAL_DISPATCHERS) {
            assertDoesNotThrow(() -> Class.forName(name, true, getClass().getClassLoader()), name);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OperationTypes.decided("x",
                Set.of(AlterSequence.class), Set.of()));
        assertTrue(e.getMessage().startsWith("x must decide every operation type: no decision for [AddCheck, "),
                e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("operations")
    void eachDialectRendersItOrRefusesItDeliberately(Operation op) {
        Schema before = EveryOperation.before(op);
        Schema after = new SchemaState(before).apply(List.of(op)).toSchema();
        for (Dialect dialect : List.of(new PostgresDialect(null), new SqliteDialect())) {
            String where = dialect.name() + ": " + op.describe();
            List<String> sql;
            try {
                sql = dialect.render(op, before, after);
            } catch (UnsupportedOperationException | MigrationException refused) {
                assertFalse(refused.getMessage().contains("cannot render"), where + ": fell through to the end: "
                        + refused.getMessage());
                continue;
            }
            boolean nothing = RENDERS_NOTHING.getOrDefault(dialect.name(), Set.of()).contains(op.getClass());
            assertEquals(nothing, sql.isEmpty(), where + " rendered " + sql);
            sql.forEach(s -> assertFalse(s.isBlank(), where));
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void mergeSeesWhatItTouches(Operation op) {
        assertFalse(Touched.by(op).isEmpty(), op.describe());
    }

    @ParameterizedTest
    @MethodSource("operations")
    void itHasADescriptionAndAReverse(Operation op) {
        assertFalse(op.describe().isBlank(), op.toString());
        Operation reverse = op.reverse();
        assertNotNull(reverse, op.describe());
        assertEquals(op, reverse.reverse(), op.describe());
        Schema before = EveryOperation.before(op);
        Schema undone = new SchemaState(before).apply(List.of(op, reverse)).toSchema();
        assertEquals(new SchemaState(before).toSchema(), undone, "the reverse undoes " + op.describe());
    }

    @ParameterizedTest
    @MethodSource("operations")
    void itRoundTripsThroughJson(Operation op) throws Exception {
        Migration m = new Migration("0001", null, "one step", List.of(op), List.of(op.reverse()), List.of());
        String text = MigrationJson.write(m);
        assertEquals(m, MigrationJson.mapper().readValue(text, Migration.class), text);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void warningsJudgeIt(Operation op) {
        assertNotNull(Warnings.of(List.of(op), Set.of("users", "orders", "invoices")), op.describe());
    }
}
