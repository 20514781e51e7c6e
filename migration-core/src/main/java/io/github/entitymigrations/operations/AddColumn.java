package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Adds a column to an existing table. */
public record AddColumn(String schema, String table, Column column) implements Operation, TableOperation {

    public AddColumn {
        Require.present(table, "add_column", "table");
        Require.present(column, "add_column", "column");
        column = Tables.plain(column);
    }

    @Override
    public Operation reverse() {
        return new DropColumn(schema, table, column);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Tables.requireAbsent(t.columns().stream().map(Column::name).toList(), column.name(), "column", t);
        state.replaceTable(schema, table, Tables.withColumns(t, Tables.plus(t.columns(), column)));
    }

    @Override
    public String describe() {
        return "add column " + SchemaState.qualified(schema, table) + "." + column.name() + " " + column.type()
                + (column.nullable() ? "" : " not null") + (column.defaultValue() == null ? "" : " default "
                + column.defaultValue());
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AddColumn o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(column, o.column);
    }
}
