package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.UniqueConstraint;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Adds a unique constraint to an existing table. */
public record AddUnique(String schema, String table, UniqueConstraint unique) implements Operation, TableOperation {

    public AddUnique {
        Require.present(table, "add_unique", "table");
        Require.present(unique, "add_unique", "unique");
    }

    @Override
    public Operation reverse() {
        return new DropUnique(schema, table, unique);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Tables.requireAbsent(t.uniques().stream().map(UniqueConstraint::name).toList(), unique.name(), "unique constraint", t);
        for (String column : unique.columns()) {
            if (t.column(column) == null) {
                throw new IllegalStateException("unique constraint " + unique.name() + " names column " + column
                        + ", which table " + t.qualifiedName() + " does not have");
            }
        }
        state.replaceTable(schema, table, Tables.withUniques(t, Tables.plus(t.uniques(), unique)));
    }

    @Override
    public String describe() {
        return "add unique constraint " + unique.name() + " on " + SchemaState.qualified(schema, table) + " (" + String.join(", ", unique.columns()) + ")";
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AddUnique o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(unique, o.unique);
    }
}
