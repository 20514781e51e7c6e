package io.github.entitymigrations.lint;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns that existed before the migration being judged, followed through its renames and drops:
 * only those can hold rows, so only changes to them can lock, fail on rows or break the running release. A table or
 * column the migration creates is new and empty.
 */
final class Existing {

    static final Set<Class<?>> DECIDED = OperationTypes.decided("lint.Existing",
            Set.of(RenameTable.class, RenameColumn.class, DropTable.class, DropColumn.class),
            Set.of(CreateTable.class, AddColumn.class, AlterColumn.class, AddPrimaryKey.class, DropPrimaryKey.class,
                    AddUnique.class, DropUnique.class, CreateIndex.class, DropIndex.class, AddCheck.class,
                    DropCheck.class, AddForeignKey.class, DropForeignKey.class, CreateSequence.class,
                    DropSequence.class, AlterSequence.class, Sql.class));

    private final Schema before;
    /**
     * Table key now, to its key before the migration (what the database's facts are keyed by); with the tables
     * before by key. Both built on the first question, and each table's columns on the first question about it: a
     * migration that only adds tables (most of those {@code generate} writes, over histories of thousands of tables)
     * asks none.
     */
    private Map<String, String> origin;
    private Map<String, Table> tablesBefore;
    /** By table key now: the lower-cased names of its columns that existed, for the tables asked about. */
    private final Map<String, Set<String>> columns = new HashMap<>();

    Existing(Schema before) {
        this.before = before;
    }

    private Map<String, String> origin() {
        if (origin == null) {
            origin = new HashMap<>();
            tablesBefore = new HashMap<>();
            for (Table t : before.tables()) {
                String key = QualifiedName.key(t.schema(), t.name());
                origin.put(key, key);
                tablesBefore.put(key, t);
            }
        }
        return origin;
    }

    /** The columns of the table now keyed {@code key} that existed, or {@code null} when the table is new. */
    private Set<String> columnsOf(String key) {
        String was = origin().get(key);
        if (was == null) {
            return null;
        }
        Set<String> known = columns.get(key);
        if (known == null) {
            known = new HashSet<>();
            for (Column c : tablesBefore.get(was).columns()) {
                known.add(lower(c.name()));
            }
            columns.put(key, known);
        }
        return known;
    }

    boolean table(String schema, String name) {
        return origin().containsKey(QualifiedName.key(schema, name));
    }

    boolean column(String schema, String table, String name) {
        Set<String> known = columnsOf(QualifiedName.key(schema, table));
        return known != null && known.contains(lower(name));
    }

    /** The key the table had before the migration, or {@code null} when the migration created it. */
    String origin(String schema, String name) {
        return origin().get(QualifiedName.key(schema, name));
    }

    /** Follows a step: renames carry what existed to the new name; drops end it (a table made again is new). */
    void after(Operation op) {
        if (op instanceof RenameTable r) {
            String from = QualifiedName.key(r.schema(), r.from());
            Set<String> moved = columnsOf(from);
            if (moved != null) {
                String to = QualifiedName.key(r.schema(), r.to());
                origin.put(to, origin.remove(from));
                columns.remove(from);
                columns.put(to, moved);
            }
        } else if (op instanceof RenameColumn r) {
            Set<String> known = columnsOf(QualifiedName.key(r.schema(), r.table()));
            if (known != null && known.remove(lower(r.from()))) {
                known.add(lower(r.to()));
            }
        } else if (op instanceof DropTable d) {
            String key = QualifiedName.key(d.table().schema(), d.table().name());
            origin().remove(key);
            columns.remove(key);
        } else if (op instanceof DropColumn d) {
            Set<String> known = columnsOf(QualifiedName.key(d.schema(), d.table()));
            if (known != null) {
                known.remove(lower(d.column().name()));
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
