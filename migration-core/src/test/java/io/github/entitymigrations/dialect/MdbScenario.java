package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One MariaDB/MySQL golden case: the operations that build the starting schema ({@code given}), rows to put in it
 * ({@code seed}), the operation under test ({@code when}) and the exact SQL each flavour renders for it. The
 * execution test runs it on a real MariaDB through both drivers, checks {@code query} returns {@code rows}
 * afterwards, then runs the reversed operation and checks every table and sequence reads as before.
 */
record MdbScenario(String name, List<Operation> given, List<String> seed, Operation when, List<String> mariadb,
                   List<String> mysql, String query, List<String> rows) {

    static Builder named(String name) {
        return new Builder(name);
    }

    static MariaDbDialect dialect(boolean mysql) {
        return mysql ? MariaDbDialect.mysql(null) : MariaDbDialect.mariadb(null);
    }

    Schema before() {
        return SchemaState.empty().apply(given).toSchema();
    }

    Schema after() {
        return SchemaState.empty().apply(given).apply(List.of(when)).toSchema();
    }

    List<String> render(boolean mysql) {
        return dialect(mysql).render(when, before());
    }

    List<String> expected(boolean mysql) {
        return mysql ? this.mysql : mariadb;
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {
        private final String name;
        private final List<Operation> given = new ArrayList<>();
        private final List<String> seed = new ArrayList<>();
        private Operation when;
        private String query;
        private List<String> rows = List.of();
        private List<String> mariadb;

        Builder(String name) {
            this.name = name;
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

        /** The SQL both flavours render. */
        MdbScenario expect(String... sql) {
            return new MdbScenario(name, List.copyOf(given), List.copyOf(seed), when, List.of(sql), List.of(sql),
                    query, rows);
        }

        /** The SQL of the MariaDB flavour; {@link #mysql} gives the MySQL one. */
        Builder mariadb(String... sql) {
            mariadb = List.of(sql);
            return this;
        }

        MdbScenario mysql(String... sql) {
            return new MdbScenario(name, List.copyOf(given), List.copyOf(seed), when, mariadb, List.of(sql), query,
                    rows);
        }
    }
}
