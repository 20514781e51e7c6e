package io.github.entitymigrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name    the index name (the mapping's, or a generated {@code ix_} name)
 * @param columns the indexed columns, in declared order
 * @param unique  whether it is a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {

    public Index {
        Schema.required(name, "an index's \"name\"");
        Schema.required(columns, "the \"columns\" of index ", name);
        columns = List.copyOf(columns);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Index o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(columns, o.columns)
                && unique == o.unique;
    }
}
