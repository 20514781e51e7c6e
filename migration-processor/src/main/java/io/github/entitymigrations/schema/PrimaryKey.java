package io.github.entitymigrations.schema;

import java.util.List;

/**
 * A primary key.
 *
 * @param name    the constraint name
 * @param columns the key columns, in key order
 */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
