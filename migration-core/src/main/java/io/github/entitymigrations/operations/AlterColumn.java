package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Changes a column's type, size, nullability, server default or identity. {@code from} is the column as
 * it is before, so the downgrade restores it exactly; replay refuses if the column is not {@code from}.
 */
public record AlterColumn(String schema, String table, Column from, Column to) implements Operation, TableOperation {

    public AlterColumn {
        Require.present(table, "alter_column", "table");
        Require.present(from, "alter_column", "from");
        Require.present(to, "alter_column", "to");
        from = Tables.plain(from);
        to = Tables.plain(to);
        if (!from.name().equalsIgnoreCase(to.name())) {
            throw new IllegalArgumentException("alter_column cannot rename (" + from.name() + " -> " + to.name()
                    + "); use rename_column");
        }
    }

    @Override
    public Operation reverse() {
        return new AlterColumn(schema, table, to, from);
    }

    @Override
    public void applyTo(SchemaState state) {
        Table t = state.table(schema, table);
        Column current = t.column(from.name());
        if (current == null) {
            throw new IllegalStateException("table " + t.qualifiedName() + " has no column " + from.name());
        }
        if (!Definitions.sameColumn(current, from)) {
            throw new IllegalStateException("column " + t.qualifiedName() + "." + current.name() + " is "
                    + Describe.column(current) + ", but this step expects " + Describe.column(from));
        }
        List<Column> columns = new ArrayList<>(t.columns());
        columns.set(columns.indexOf(current), to);
        state.replaceTable(schema, table, Tables.withColumns(t, columns));
    }

    @Override
    public String describe() {
        return "alter column " + SchemaState.qualified(schema, table) + "." + from.name() + ": " + changes();
    }

    /** What changes, e.g. {@code VARCHAR(100) -> VARCHAR(50), null -> not null}. */
    public String changes() {
        List<String> parts = new ArrayList<>();
        if (!from.type().equals(to.type()) || !java.util.Objects.equals(from.columnDefinition(), to.columnDefinition())) {
            parts.add(Describe.type(from) + " -> " + Describe.type(to));
        }
        if (from.nullable() != to.nullable()) {
            parts.add((from.nullable() ? "null" : "not null") + " -> " + (to.nullable() ? "null" : "not null"));
        }
        if (!java.util.Objects.equals(from.defaultValue(), to.defaultValue())) {
            parts.add("default " + from.defaultValue() + " -> " + to.defaultValue());
        }
        if (from.identity() != to.identity()) {
            parts.add(to.identity() ? "becomes identity" : "no longer identity");
        }
        return String.join(", ", parts);
    }

    /** A type change that may not fit existing values: a shorter length, less precision or scale, another type. */
    @Override
    public boolean isDestructive() {
        return narrows(from.type(), to.type());
    }

    /** Whether values of {@code from} may not fit {@code to}. */
    public static boolean narrows(ColumnType from, ColumnType to) {
        if (from.element() != null && to.element() != null) {
            // Basic arrays: the elements' types, and the storage where a database has none (Hibernate 6.6's
            // varbinary of a length, 7's json), whose values do not convert into each other.
            return narrows(from.element(), to.element()) || less(to.length(), from.length())
                    || (from.length() == null) != (to.length() == null);
        }
        if (!from.name().equals(to.name())) {
            return !Widening.isSafe(from, to);
        }
        return less(to.length(), from.length()) || less(to.precision(), from.precision())
                || less(to.scale(), from.scale()) || less(integerDigits(to), integerDigits(from));
    }

    /** Digits before the decimal point: NUMERIC(10,2) holds 8. */
    private static Integer integerDigits(ColumnType t) {
        return t.precision() == null || t.scale() == null ? null : t.precision() - t.scale();
    }

    private static boolean less(Integer a, Integer b) {
        return a != null && b != null && a < b;
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlterColumn o
                && Objects.equals(schema, o.schema)
                && Objects.equals(table, o.table)
                && Objects.equals(from, o.from)
                && Objects.equals(to, o.to);
    }
}
