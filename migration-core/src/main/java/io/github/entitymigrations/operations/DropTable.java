package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Objects;

/** Drops a table; keeps its whole definition so the downgrade can create it again. */
public record DropTable(Table table) implements Operation {

    public DropTable {
        Require.present(table, "drop_table", "table");
        table = Tables.plain(table);
    }

    @Override
    public Operation reverse() {
        return new CreateTable(table);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table current = state.table(table.schema(), table.name());
        if (!Definitions.sameTable(current, table)) {
            throw new IllegalStateException("table " + table.qualifiedName() + " is not as this step records it "
                    + "(its downgrade would recreate a different table); record the table as the migrations "
                    + "before it leave it");
        }
        String key = QualifiedName.key(table.schema(), table.name());
        long ownReferences = current.foreignKeys().stream()
                .filter(fk -> QualifiedName.referencedKey(fk).equals(key)).count();
        // Which table still references it is looked for only when one does: most drops find none.
        for (Table other : state.foreignKeysReferencing(key) > ownReferences ? state.tables() : List.<Table>of()) {
            if (QualifiedName.key(other.schema(), other.name()).equals(key)) {
                continue;
            }
            for (ForeignKey fk : other.foreignKeys()) {
                if (QualifiedName.key(fk.referencedSchema(), fk.referencedTable()).equals(key)) {
                    throw new IllegalStateException("table " + table.qualifiedName() + " is still referenced by "
                            + "foreign key " + fk.name() + " of " + other.qualifiedName() + "; drop that first");
                }
            }
        }
        state.removeTable(table.schema(), table.name());
    }

    @Override
    public String describe() {
        return "drop table " + table.qualifiedName();
    }

    @Override
    public boolean isDestructive() {
        return true;
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropTable o
                && Objects.equals(table, o.table);
    }
}
