package io.github.entitymigrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name              the constraint name (the mapping's, or a generated {@code fk_} name)
 * @param columns           the referencing columns
 * @param referencedSchema  the referenced table's schema, or {@code null}
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, matching {@code columns} one to one
 * @param onDelete          what deleting a referenced row does; {@link OnDelete#NO_ACTION} when absent
 */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, OnDelete onDelete) {

    public ForeignKey {
        Schema.required(name, "a foreign key's \"name\"");
        Schema.required(columns, "the \"columns\" of foreign key ", name);
        Schema.required(referencedTable, "the \"referencedTable\" of foreign key ", name);
        Schema.required(referencedColumns, "the \"referencedColumns\" of foreign key ", name);
        onDelete = onDelete == null ? OnDelete.NO_ACTION : onDelete;
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ForeignKey o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(columns, o.columns)
                && Objects.equals(referencedSchema, o.referencedSchema)
                && Objects.equals(referencedTable, o.referencedTable)
                && Objects.equals(referencedColumns, o.referencedColumns)
                && onDelete == o.onDelete;
    }
}
