package io.github.entitymigrations.online;

import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The referenced columns of the foreign keys a change adds. A unique index over such columns must exist before
 * the foreign key is added (PostgreSQL looks for it then), so it cannot move to the later concurrent-index
 * migration: it stays where the simple form has it.
 */
final class ReferencedIndexes {

    private final Set<String> referenced = new HashSet<>();

    ReferencedIndexes(List<Operation> upgrade) {
        for (Operation op : upgrade) {
            if (op instanceof AddForeignKey f) {
                add(f.foreignKey());
            } else if (op instanceof CreateTable c) {
                c.table().foreignKeys().forEach(this::add);
            }
        }
    }

    private void add(ForeignKey f) {
        referenced.add(key(f.referencedSchema(), f.referencedTable(), f.referencedColumns()));
    }

    boolean contains(CreateIndex c) {
        return c.index().unique() && referenced.contains(key(c.schema(), c.table(), c.index().columns()));
    }

    private static String key(String schema, String table, List<String> columns) {
        return QualifiedName.key(schema, table) + columns.stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
