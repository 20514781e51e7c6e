package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.UniqueConstraint;
import io.github.entitymigrations.schema.Table;

/** Drops a unique constraint; keeps its definition for the downgrade. */
public record DropUnique(String schema, String table, UniqueConstraint unique) implements Operation, TableOperation {

    @Override
    public Operation reverse() {
        return new AddUnique(schema, table, unique);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        state.replaceTable(schema, table, Tables.withUniques(t,
                Tables.minusNamed(t.uniques(), unique.name(), UniqueConstraint::name, "unique constraint", t)));
    }

    @Override
    public String describe() {
        return "drop unique constraint " + unique.name() + " on " + SchemaState.qualified(schema, table);
    }
}
