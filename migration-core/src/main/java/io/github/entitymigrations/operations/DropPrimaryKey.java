package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Drops a table's primary key; keeps it for the downgrade. */
public record DropPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements Operation, TableOperation {

    public DropPrimaryKey {
        Require.present(table, "drop_primary_key", "table");
        Require.present(primaryKey, "drop_primary_key", "primaryKey");
    }

    @Override
    public Operation reverse() {
        return new AddPrimaryKey(schema, table, primaryKey);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        String dependent = Constraints.dependentForeignKey(state, t, primaryKey.columns(), primaryKey.name());
        if (dependent != null) {
            throw new IllegalStateException(primaryKey.name() + " of " + t.qualifiedName() + " is still needed by " + dependent
                    + "; drop that first");
        }
        if (t.primaryKey() == null || !t.primaryKey().name().equalsIgnoreCase(primaryKey.name())) {
            throw new IllegalStateException("table " + t.qualifiedName() + " has no primary key " + primaryKey.name());
        }
        state.replaceTable(schema, table, Tables.withPrimaryKey(t, null));
    }

    @Override
    public String describe() {
        return "drop primary key " + primaryKey.name() + " on " + SchemaState.qualified(schema, table);
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropPrimaryKey o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(primaryKey, o.primaryKey);
    }
}
