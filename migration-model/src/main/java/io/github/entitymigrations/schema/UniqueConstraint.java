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
        Schema.required(name, "a unique constraint's \"name\"");
        Schema.required(columns, "the \"columns\" of unique constraint ", name);
        columns = List.copyOf(columns);
    }
}
