package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Table;
import java.util.Objects;

/**
 * Adds a check constraint to an existing table. With {@code notValid}, PostgreSQL adds it {@code not valid} (existing
 * rows are not checked); a later {@code validate constraint} checks them. Other databases ignore it.
 */
public record AddCheck(String schema, String table, CheckConstraint check,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid)
        implements Operation, TableOperation {

    public AddCheck {
        Require.present(table, "add_check", "table");
        Require.present(check, "add_check", "check");
    }

    /** A check tested against existing rows as it is added, as most are. */
    public AddCheck(String schema, String table, CheckConstraint check) {
        this(schema, table, check, false);
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
        return "add check constraint " + check.name() + " on " + SchemaState.qualified(schema, table) + " (" + Checks.describe(check) + ")"
                + (notValid ? " not valid" : "");
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AddCheck o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(check, o.check)
                && notValid == o.notValid;
    }
}
