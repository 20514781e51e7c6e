package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/** Creates a table with its columns, keys, constraints, indexes and the foreign keys listed with it. */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Require.present(table, "create_table", "table");
        table = Tables.plain(table);
    }

    @Override
    public Operation reverse() {
        return new DropTable(table);
    }

    @Override
    public void applyTo(SchemaState state) {
        for (ForeignKey fk : table.foreignKeys()) {
            boolean self = QualifiedName.key(fk.referencedSchema(), fk.referencedTable())
                    .equals(QualifiedName.key(table.schema(), table.name()));
            if (!self && !state.hasTable(fk.referencedSchema(), fk.referencedTable())) {
                throw new IllegalStateException("foreign key " + fk.name() + " of new table " + table.qualifiedName()
                        + " references " + SchemaState.qualified(fk.referencedSchema(), fk.referencedTable())
                        + ", which does not exist (yet)");
            }
            Table target = self ? table : state.table(fk.referencedSchema(), fk.referencedTable());
            String missing = Constraints.missingReferencedColumn(fk, target);
            if (missing != null) {
                throw new IllegalStateException("foreign key " + fk.name() + " of new table " + table.qualifiedName()
                        + " references column " + missing + ", which table " + target.qualifiedName()
                        + " does not have");
            }
        }
        state.putNewTable(table);
    }

    @Override
    public String describe() {
        return "create table " + table.qualifiedName() + " (" + table.columns().size() + " columns)";
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CreateTable o
                && Objects.equals(table, o.table);
    }
}
