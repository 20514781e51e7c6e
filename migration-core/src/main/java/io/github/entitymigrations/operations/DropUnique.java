package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.UniqueConstraint;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Drops a unique constraint; keeps its definition for the downgrade. */
public record DropUnique(String schema, String table, UniqueConstraint unique) implements Operation, TableOperation {

    public DropUnique {
        Require.present(table, "drop_unique", "table");
        Require.present(unique, "drop_unique", "unique");
    }

    @Override
    public Operation reverse() {
        return new AddUnique(schema, table, unique);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        String dependent = Constraints.dependentForeignKey(state, t, unique.columns(), unique.name());
        if (dependent != null) {
            throw new IllegalStateException(unique.name() + " of " + t.qualifiedName() + " is still needed by " + dependent
                    + "; drop that first");
        }
        state.replaceTable(schema, table, Tables.withUniques(t,
                Tables.minusNamed(t.uniques(), unique.name(), UniqueConstraint::name, "unique constraint", t)));
    }

    @Override
    public String describe() {
        return "drop unique constraint " + unique.name() + " on " + SchemaState.qualified(schema, table);
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropUnique o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(unique, o.unique);
    }
}
