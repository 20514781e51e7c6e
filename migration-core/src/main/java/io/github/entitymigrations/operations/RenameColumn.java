package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Renames a column, keeping its values; keys, constraints and foreign keys that use it follow. */
public record RenameColumn(String schema, String table, String from, String to) implements Operation, TableOperation {

    public RenameColumn {
        Require.present(table, "rename_column", "table");
        Require.present(from, "rename_column", "from");
        Require.present(to, "rename_column", "to");
    }

    @Override
    public Operation reverse() {
        return new RenameColumn(schema, table, to, from);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Column c = t.column(from);
        if (c == null) {
            throw new IllegalStateException("table " + t.qualifiedName() + " has no column " + from);
        }
        if (!from.equalsIgnoreCase(to)) {
            Tables.requireAbsent(t.columns().stream().map(Column::name).toList(), to, "column", t);
        }
        Column renamed = new Column(to, c.type(), c.nullable(), c.identity(), c.defaultValue(), c.columnDefinition(),
                c.quoted(), null);
        String tableKey = QualifiedName.key(schema, table);
        List<Table> result = new ArrayList<>();
        for (Table other : state.tables()) {
            Table r = other;
            if (QualifiedName.key(other.schema(), other.name()).equals(tableKey)) {
                r = Constraints.renameColumn(Tables.withColumns(other, Tables.replace(other.columns(), c, renamed)),
                        from, to);
            }
            List<ForeignKey> fks = r.foreignKeys().stream()
                    .map(f -> Constraints.renameReferenced(f, tableKey, from, to)).toList();
            result.add(Tables.withForeignKeys(r, fks));
        }
        state.replaceAll(result);
    }

    @Override
    public String describe() {
        return "rename column " + SchemaState.qualified(schema, table) + "." + from + " to " + to;
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RenameColumn o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(from, o.from)
                && Objects.equals(to, o.to);
    }
}
