package io.github.entitymigrations.schema;

import java.util.List;

/**
 * A unique constraint.
 *
 * @param name    the constraint name (the mapping's, or a generated {@code uk_} name)
 * @param columns the columns, in declared order
 */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
