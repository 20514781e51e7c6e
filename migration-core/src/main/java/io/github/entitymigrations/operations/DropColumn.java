package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Drops a column; keeps its definition for the downgrade (its data is gone). */
public record DropColumn(String schema, String table, Column column) implements Operation, TableOperation {

    public DropColumn {
        Require.present(table, "drop_column", "table");
        Require.present(column, "drop_column", "column");
        column = Tables.plain(column);
    }

    @Override
    public Operation reverse() {
        return new AddColumn(schema, table, column);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Column current = t.column(column.name());
        if (current != null && !Definitions.sameColumn(current, column)) {
            throw new IllegalStateException("column " + t.qualifiedName() + "." + column.name() + " is "
                    + Describe.column(current) + ", but this step records it as " + Describe.column(column)
                    + " (its downgrade would recreate the wrong column)");
        }
        String used = Constraints.usingColumn(t, column.name());
        if (used != null) {
            throw new IllegalStateException("column " + t.qualifiedName() + "." + column.name() + " is still used by "
                    + used + "; drop that first");
        }
        state.replaceTable(schema, table, Tables.withColumns(t,
                Tables.minusNamed(t.columns(), column.name(), Column::name, "column", t)));
    }

    @Override
    public String describe() {
        return "drop column " + SchemaState.qualified(schema, table) + "." + column.name();
    }

    @Override
    public boolean isDestructive() {
        return true;
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropColumn o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(column, o.column);
    }
}
