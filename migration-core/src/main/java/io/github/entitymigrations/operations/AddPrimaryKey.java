package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Objects;

/** Adds a primary key to a table that has none. */
public record AddPrimaryKey(String schema, String table, PrimaryKey primaryKey) implements Operation, TableOperation {

    public AddPrimaryKey {
        Require.present(table, "add_primary_key", "table");
        Require.present(primaryKey, "add_primary_key", "primaryKey");
    }

    @Override
    public Operation reverse() {
        return new DropPrimaryKey(schema, table, primaryKey);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        if (t.primaryKey() != null) {
            throw new IllegalStateException("table " + t.qualifiedName() + " already has primary key "
                    + t.primaryKey().name());
        }
        for (String column : primaryKey.columns()) {
            Column c = t.column(column);
            if (c == null) {
                throw new IllegalStateException("primary key " + primaryKey.name() + " names column " + column
                        + ", which table " + t.qualifiedName() + " does not have");
            }
        }
        // Key columns are NOT NULL; the table's column list keeps key columns first.
        List<Column> columns = t.columns();
        state.replaceTable(schema, table, Tables.withPrimaryKey(Tables.withColumns(t, columns), primaryKey));
    }

    @Override
    public String describe() {
        return "add primary key " + primaryKey.name() + " on " + SchemaState.qualified(schema, table) + " ("
                + String.join(", ", primaryKey.columns()) + ")";
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AddPrimaryKey o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(primaryKey, o.primaryKey);
    }
}
