package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Renames a table, keeping its rows; foreign keys that reference it follow. */
public record RenameTable(String schema, String from, String to) implements Operation {

    public RenameTable {
        Require.present(from, "rename_table", "from");
        Require.present(to, "rename_table", "to");
    }

    @Override
    public Operation reverse() {
        return new RenameTable(schema, to, from);
    }

    @Override
    public void applyTo(SchemaState state) {
        state.table(schema, from);
        if (state.hasTable(schema, to) && !from.equalsIgnoreCase(to)) {
            throw new IllegalStateException("cannot rename " + from + " to " + to + ": " + to + " exists");
        }
        String oldKey = QualifiedName.key(schema, from);
        List<Table> result = new ArrayList<>();
        for (Table t : state.tables()) {
            Table r = QualifiedName.key(t.schema(), t.name()).equals(oldKey) ? Tables.renamed(t, to) : t;
            List<ForeignKey> fks = r.foreignKeys().stream().map(fk ->
                    QualifiedName.key(fk.referencedSchema(), fk.referencedTable()).equals(oldKey)
                            ? new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), to, fk.referencedColumns(),
                            fk.onDelete()) : fk).toList();
            result.add(Tables.withForeignKeys(r, fks));
        }
        state.replaceAll(result);
    }

    @Override
    public String describe() {
        return "rename table " + SchemaState.qualified(schema, from) + " to " + to;
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RenameTable o
                && Objects.equals(schema, o.schema)
                && Objects.equals(from, o.from)
                && Objects.equals(to, o.to);
    }
}
