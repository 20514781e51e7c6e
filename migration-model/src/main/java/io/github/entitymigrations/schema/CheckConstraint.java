package io.github.entitymigrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A check constraint. Enum checks are kept structured so every dialect can render them:
 * {@code values} for {@code col in (...)} (STRING enums), {@code min}/{@code max} for
 * {@code col between min and max} (ORDINAL enums); anything else is a verbatim {@code expression}.
 *
 * @param name       the constraint name (the mapping's, or a generated {@code ck_} name)
 * @param column     the checked column, or {@code null} for a table-level expression
 * @param values     allowed values, or {@code null}
 * @param min        lower bound, or {@code null}
 * @param max        upper bound, or {@code null}
 * @param expression a verbatim SQL boolean expression, or {@code null}
 */
public record CheckConstraint(String name, String column, List<String> values, Long min, Long max,
                              String expression) {

    public CheckConstraint {
        Schema.required(name, "a check constraint's \"name\"");
        if (values == null && (min == null || max == null) && expression == null) {
            throw new IllegalArgumentException("check constraint " + name + " needs \"values\", \"min\" and \"max\", "
                    + "or \"expression\"");
        }
        values = values == null ? null : List.copyOf(values);
    }

    public static CheckConstraint in(String name, String column, List<String> values) {
        return new CheckConstraint(name, column, values, null, null, null);
    }

    public static CheckConstraint between(String name, String column, long min, long max) {
        return new CheckConstraint(name, column, null, min, max, null);
    }

    public static CheckConstraint expression(String name, String column, String expression) {
        return new CheckConstraint(name, column, null, null, null, expression);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CheckConstraint o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(column, o.column)
                && Objects.equals(values, o.values)
                && Objects.equals(min, o.min)
                && Objects.equals(max, o.max)
                && Objects.equals(expression, o.expression);
    }
}
