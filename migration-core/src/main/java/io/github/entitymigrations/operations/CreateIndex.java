package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/**
 * Adds an index to an existing table. With {@code concurrently} (PostgreSQL's {@code create index concurrently},
 * which does not block writes), the migration must run outside a transaction; other databases ignore it.
 */
public record CreateIndex(String schema, String table, Index index,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean concurrently)
        implements Operation, TableOperation {

    public CreateIndex {
        Require.present(table, "create_index", "table");
        Require.present(index, "create_index", "index");
    }

    /** An index built in the migration's transaction, as most are. */
    public CreateIndex(String schema, String table, Index index) {
        this(schema, table, index, false);
    }

    @Override
    public Operation reverse() {
        return new DropIndex(schema, table, index, concurrently);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Tables.requireAbsent(t.indexes().stream().map(Index::name).toList(), index.name(), "index", t);
        for (String column : index.columns()) {
            if (t.column(column) == null) {
                throw new IllegalStateException("index " + index.name() + " names column " + column
                        + ", which table " + t.qualifiedName() + " does not have");
            }
        }
        state.replaceTable(schema, table, Tables.withIndexes(t, Tables.plus(t.indexes(), index)));
    }

    @Override
    public String describe() {
        return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + SchemaState.qualified(schema, table) + " (" + String.join(", ", index.columns()) + ")"
                + (concurrently ? " concurrently" : "");
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CreateIndex o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(index, o.index)
                && concurrently == o.concurrently;
    }
}
