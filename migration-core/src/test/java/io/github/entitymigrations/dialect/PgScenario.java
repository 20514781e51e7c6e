package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One golden case: the operations that build the starting schema ({@code given}), rows to put in it
 * ({@code seed}), the operation under test ({@code when}) and the exact SQL it must render. The execution
 * test runs all of it on a real PostgreSQL, checks {@code query} returns {@code rows} afterwards, then
 * runs the reversed operation and checks the schema is as before.
 */
record PgScenario(String name, String defaultSchema, List<Operation> given, List<String> seed, Operation when,
                  List<String> expected, String query, List<String> rows, boolean runnable) {

    static Builder named(String name) {
        return new Builder(name);
    }

    PostgresDialect dialect() {
        return new PostgresDialect(defaultSchema);
    }

    /** The schema just before {@code when}. */
    Schema before() {
        return SchemaState.empty().apply(given).toSchema();
    }

    /** The schema just after {@code when}. */
    Schema after() {
        return SchemaState.empty().apply(given).apply(List.of(when)).toSchema();
    }

    List<String> render() {
        return dialect().render(when, before());
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {
        private final String name;
        private String defaultSchema;
        private final List<Operation> given = new ArrayList<>();
        private final List<String> seed = new ArrayList<>();
        private Operation when;
        private String query;
        private List<String> rows = List.of();
        private boolean runnable = true;

        Builder(String name) {
            this.name = name;
        }

        Builder defaultSchema(String schema) {
            defaultSchema = schema;
            return this;
        }

        Builder given(Operation... ops) {
            given.addAll(Arrays.asList(ops));
            return this;
        }

        Builder seed(String... sql) {
            seed.addAll(Arrays.asList(sql));
            return this;
        }

        Builder when(Operation op) {
            when = op;
            return this;
        }

        /** After the operation, {@code sql} returns these rows (columns joined with {@code |}). */
        Builder then(String sql, String... expectedRows) {
            query = sql;
            rows = List.of(expectedRows);
            return this;
        }

        /** Golden only: the SQL needs something the test server lacks (PostGIS). */
        Builder goldenOnly() {
            runnable = false;
            return this;
        }

        PgScenario expect(String... sql) {
            return new PgScenario(name, defaultSchema, List.copyOf(given), List.copyOf(seed), when, List.of(sql),
                    query, rows, runnable);
        }
    }
}
