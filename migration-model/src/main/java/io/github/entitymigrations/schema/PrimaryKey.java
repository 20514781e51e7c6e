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
        Schema.required(name, "a primary key's \"name\"");
        Schema.required(columns, "the \"columns\" of primary key ", name);
        columns = List.copyOf(columns);
    }
}
