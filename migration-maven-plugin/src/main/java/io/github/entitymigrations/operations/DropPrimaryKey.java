package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;

/** Drops a table's primary key; keeps it for the downgrade. */
public record DropPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements Operation, TableOperation {

    @Override
    public Operation reverse() {
        return new AddPrimaryKey(schema, table, primaryKey);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        if (t.primaryKey() == null || !t.primaryKey().name().equalsIgnoreCase(primaryKey.name())) {
            throw new IllegalStateException("table " + t.qualifiedName() + " has no primary key " + primaryKey.name());
        }
        state.replaceTable(schema, table, Tables.withPrimaryKey(t, null));
    }

    @Override
    public String describe() {
        return "drop primary key " + primaryKey.name() + " on " + SchemaState.qualified(schema, table);
    }
}
