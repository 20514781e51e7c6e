package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Table;

/** Adds a foreign key to an existing table. */
public record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements Operation, TableOperation {

    @Override
    public Operation reverse() {
        return new DropForeignKey(schema, table, foreignKey);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Tables.requireAbsent(t.foreignKeys().stream().map(ForeignKey::name).toList(), foreignKey.name(), "foreign key", t);
        for (String column : foreignKey.columns()) {
            if (t.column(column) == null) {
                throw new IllegalStateException("foreign key " + foreignKey.name() + " names column " + column
                        + ", which table " + t.qualifiedName() + " does not have");
            }
        }
        if (!state.hasTable(foreignKey.referencedSchema(), foreignKey.referencedTable())) {
            throw new IllegalStateException("foreign key " + foreignKey.name() + " references "
                    + SchemaState.qualified(foreignKey.referencedSchema(), foreignKey.referencedTable())
                    + ", which does not exist");
        }
        state.replaceTable(schema, table, Tables.withForeignKeys(t, Tables.plus(t.foreignKeys(), foreignKey)));
    }

    @Override
    public String describe() {
        return "add foreign key " + foreignKey.name() + " on " + SchemaState.qualified(schema, table) + " (" + String.join(", ", foreignKey.columns()) + ") -> " + SchemaState.qualified(foreignKey.referencedSchema(), foreignKey.referencedTable()) + " (" + String.join(", ", foreignKey.referencedColumns()) + ")" + (foreignKey.onDelete().equals("NO_ACTION") ? "" : " on delete " + foreignKey.onDelete());
    }
}
