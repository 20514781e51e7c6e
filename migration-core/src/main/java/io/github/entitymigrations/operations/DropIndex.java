package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/**
 * Drops an index; keeps its definition for the downgrade. With {@code concurrently}, PostgreSQL's
 * {@code drop index concurrently} (outside a transaction); other databases ignore it.
 */
public record DropIndex(String schema, String table, Index index,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrently)
        implements Operation, TableOperation {

    public DropIndex {
        Require.present(table, "drop_index", "table");
        Require.present(index, "drop_index", "index");
    }

    /** An index dropped in the migration's transaction, as most are. */
    public DropIndex(String schema, String table, Index index) {
        this(schema, table, index, false);
    }

    @Override
    public Operation reverse() {
        return new CreateIndex(schema, table, index, concurrently);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        String dependent = index.unique() ? Constraints.dependentForeignKey(state, t, index.columns(), index.name()) : null;
        if (dependent != null) {
            throw new IllegalStateException(index.name() + " of " + t.qualifiedName() + " is still needed by " + dependent
                    + "; drop that first");
        }
        state.replaceTable(schema, table, Tables.withIndexes(t,
                Tables.minusNamed(t.indexes(), index.name(), Index::name, "index", t)));
    }

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + SchemaState.qualified(schema, table) + (concurrently ? " concurrently" : "");
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropIndex o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(index, o.index)
                && concurrently == o.concurrently;
    }
}
