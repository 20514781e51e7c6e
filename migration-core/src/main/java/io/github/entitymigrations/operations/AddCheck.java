package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Table;

/** Adds a check constraint to an existing table. */
public record AddCheck(String schema, String table, CheckConstraint check) implements Operation, TableOperation {

    public AddCheck {
        Require.present(table, "add_check", "table");
        Require.present(check, "add_check", "check");
    }

    @Override
    public Operation reverse() {
        return new DropCheck(schema, table, check);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Tables.requireAbsent(t.checks().stream().map(CheckConstraint::name).toList(), check.name(), "check constraint", t);
        for (String column : check.column() == null ? java.util.List.<String>of() : java.util.List.of(check.column())) {
            if (t.column(column) == null) {
                throw new IllegalStateException("check constraint " + check.name() + " names column " + column
                        + ", which table " + t.qualifiedName() + " does not have");
            }
        }
        state.replaceTable(schema, table, Tables.withChecks(t, Tables.plus(t.checks(), check)));
    }

    @Override
    public String describe() {
        return "add check constraint " + check.name() + " on " + SchemaState.qualified(schema, table) + " (" + Checks.describe(check) + ")";
    }
}
