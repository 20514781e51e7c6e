package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Drops a foreign key; keeps its definition for the downgrade. */
public record DropForeignKey(String schema, String table, ForeignKey foreignKey) implements Operation, TableOperation {

    public DropForeignKey {
        Require.present(table, "drop_foreign_key", "table");
        Require.present(foreignKey, "drop_foreign_key", "foreignKey");
    }

    @Override
    public Operation reverse() {
        return new AddForeignKey(schema, table, foreignKey);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        state.replaceTable(schema, table, Tables.withForeignKeys(t,
                Tables.minusNamed(t.foreignKeys(), foreignKey.name(), ForeignKey::name, "foreign key", t)));
    }

    @Override
    public String describe() {
        return "drop foreign key " + foreignKey.name() + " on " + SchemaState.qualified(schema, table);
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropForeignKey o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(foreignKey, o.foreignKey);
    }
}
