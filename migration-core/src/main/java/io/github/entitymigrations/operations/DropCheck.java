package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Drops a check constraint; keeps its definition for the downgrade. */
public record DropCheck(String schema, String table, CheckConstraint check) implements Operation, TableOperation {

    public DropCheck {
        Require.present(table, "drop_check", "table");
        Require.present(check, "drop_check", "check");
    }

    @Override
    public Operation reverse() {
        return new AddCheck(schema, table, check);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        state.replaceTable(schema, table, Tables.withChecks(t,
                Tables.minusNamed(t.checks(), check.name(), CheckConstraint::name, "check constraint", t)));
    }

    @Override
    public String describe() {
        return "drop check constraint " + check.name() + " on " + SchemaState.qualified(schema, table);
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropCheck o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(check, o.check);
    }
}
