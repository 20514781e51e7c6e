package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;

/** Drops a index; keeps its definition for the downgrade. */
public record DropIndex(String schema, String table, Index index) implements Operation, TableOperation {

    @Override
    public Operation reverse() {
        return new CreateIndex(schema, table, index);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        state.replaceTable(schema, table, Tables.withIndexes(t,
                Tables.minusNamed(t.indexes(), index.name(), Index::name, "index", t)));
    }

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + SchemaState.qualified(schema, table);
    }
}
