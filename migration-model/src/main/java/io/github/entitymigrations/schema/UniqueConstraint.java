package io.github.entitymigrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name    the constraint name (the mapping's, or a generated {@code uk_} name)
 * @param columns the columns, in declared order
 */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        Schema.required(name, "a unique constraint's \"name\"");
        Schema.required(columns, "the \"columns\" of unique constraint ", name);
        columns = List.copyOf(columns);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof UniqueConstraint o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(columns, o.columns);
    }
}
