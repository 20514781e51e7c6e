package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of keys, constraints and indexes the target schema gives its tables, by database schema. Some
 * databases keep such names per schema, not per table (PostgreSQL's keys and indexes, SQLite's indexes, MySQL's
 * checks, MariaDB's and MySQL's foreign keys), so an item the differ keeps under its old name (a table renamed away
 * keeps {@code pk_beta}) must give that name up when another table needs it (a new {@code beta}).
 */
final class TakenNames {

    /** Several owners: the name is taken for every table. */
    private static final String SHARED = "";

    private final Schema target;
    /** Built on the first question: most diffs keep no item under another name than the target's, and ask none. */
    private Map<String, String> owners;

    TakenNames(Schema target) {
        this.target = target;
    }

    private Map<String, String> owners() {
        if (owners != null) {
            return owners;
        }
        owners = new HashMap<>();
        for (Table t : target.tables()) {
            String owner = QualifiedName.key(t);
            if (t.primaryKey() != null) {
                put(t, t.primaryKey().name(), owner);
            }
            for (UniqueConstraint u : t.uniques()) {
                put(t, u.name(), owner);
            }
            for (Index i : t.indexes()) {
                put(t, i.name(), owner);
            }
            for (CheckConstraint c : t.checks()) {
                put(t, c.name(), owner);
            }
            for (ForeignKey f : t.foreignKeys()) {
                put(t, f.name(), owner);
            }
        }
        return owners;
    }

    private void put(Table t, String name, String owner) {
        if (name != null) {
            owners.merge(QualifiedName.key(t.schema(), name), owner, (a, b) -> a.equals(b) ? a : SHARED);
        }
    }

    /** Whether the target gives {@code name} to an item of a table other than {@code table}. */
    boolean byAnotherTable(Table table, String name) {
        if (name == null) {
            return false;
        }
        String owner = owners().get(QualifiedName.key(table.schema(), name));
        return owner != null && !owner.equals(QualifiedName.key(table));
    }
}
