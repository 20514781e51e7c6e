package io.github.entitymigrations.schema;

import java.util.List;
import java.util.Objects;

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

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PrimaryKey o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(columns, o.columns);
    }
}
