package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/**
 * Adds a foreign key to an existing table. With {@code notValid}, PostgreSQL adds it {@code not valid} (existing rows
 * are not checked, so no long lock); a later {@code validate constraint} checks them. Other databases ignore it.
 */
public record AddForeignKey(String schema, String table, ForeignKey foreignKey,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid)
        implements Operation, TableOperation {

    public AddForeignKey {
        Require.present(table, "add_foreign_key", "table");
        Require.present(foreignKey, "add_foreign_key", "foreignKey");
    }

    /** A foreign key checked against existing rows as it is added, as most are. */
    public AddForeignKey(String schema, String table, ForeignKey foreignKey) {
        this(schema, table, foreignKey, false);
    }

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
        Table target = state.table(foreignKey.referencedSchema(), foreignKey.referencedTable());
        String missing = Constraints.missingReferencedColumn(foreignKey, target);
        if (missing != null) {
            throw new IllegalStateException("foreign key " + foreignKey.name() + " references column " + missing
                    + ", which table " + target.qualifiedName() + " does not have");
        }
        state.replaceTable(schema, table, Tables.withForeignKeys(t, Tables.plus(t.foreignKeys(), foreignKey)));
    }

    @Override
    public String describe() {
        return "add foreign key " + foreignKey.name() + " on " + SchemaState.qualified(schema, table) + " (" + String.join(", ", foreignKey.columns()) + ") -> " + SchemaState.qualified(foreignKey.referencedSchema(), foreignKey.referencedTable()) + " (" + String.join(", ", foreignKey.referencedColumns()) + ")" + (foreignKey.onDelete().equals(OnDelete.NO_ACTION) ? "" : " on delete " + foreignKey.onDelete())
                + (notValid ? " not valid" : "");
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AddForeignKey o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(foreignKey, o.foreignKey)
                && notValid == o.notValid;
    }
}
