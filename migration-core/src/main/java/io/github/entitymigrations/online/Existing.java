package io.github.entitymigrations.online;

import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * The tables that existed before the change, under their names as the change goes on (a renamed table is still
 * the same full table): only those can hold rows a scan or an index build would have to wait for.
 */
final class Existing {

    private final Set<String> keys = new HashSet<>();

    Existing(Schema before) {
        before.tables().forEach(t -> keys.add(QualifiedName.key(t)));
    }

    /** Whether {@code op} works on a table that existed before the change. */
    boolean holds(Operation op) {
        return op instanceof TableOperation t && keys.contains(QualifiedName.key(t.schema(), t.table()));
    }

    /** Follows drops and renames. */
    void after(Operation op) {
        if (op instanceof DropTable d) {
            keys.remove(QualifiedName.key(d.table()));
        } else if (op instanceof RenameTable r && keys.remove(QualifiedName.key(r.schema(), r.from()))) {
            keys.add(QualifiedName.key(r.schema(), r.to()));
        }
    }

    static Table find(Schema schema, String tableSchema, String name) {
        String key = QualifiedName.key(tableSchema, name);
        return schema.tables().stream().filter(t -> QualifiedName.key(t).equals(key)).findFirst().orElse(null);
    }
}
