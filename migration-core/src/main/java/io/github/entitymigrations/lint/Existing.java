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

    /** Table key now, to its key before the migration (what the database's facts are keyed by). */
    private final Map<String, String> origin = new HashMap<>();
    private final Set<String> columns = new HashSet<>();

    Existing(Schema before) {
        for (Table t : before.tables()) {
            String key = QualifiedName.key(t.schema(), t.name());
            origin.put(key, key);
            for (Column c : t.columns()) {
                columns.add(column(key, c.name()));
            }
        }
    }

    boolean table(String schema, String name) {
        return origin.containsKey(QualifiedName.key(schema, name));
    }

    boolean column(String schema, String table, String name) {
        return columns.contains(column(QualifiedName.key(schema, table), name));
    }

    /** The key the table had before the migration, or {@code null} when the migration created it. */
    String origin(String schema, String name) {
        return origin.get(QualifiedName.key(schema, name));
    }

    /** Follows a step: renames carry what existed to the new name; drops end it (a table made again is new). */
    void after(Operation op) {
        if (op instanceof RenameTable r) {
            String from = QualifiedName.key(r.schema(), r.from());
            String to = QualifiedName.key(r.schema(), r.to());
            String was = origin.remove(from);
            if (was != null) {
                origin.put(to, was);
                Set<String> moved = new HashSet<>();
                columns.removeIf(c -> c.startsWith(from + "\u0000") && moved.add(to + c.substring(from.length())));
                columns.addAll(moved);
            }
        } else if (op instanceof RenameColumn r) {
            String table = QualifiedName.key(r.schema(), r.table());
            if (columns.remove(column(table, r.from()))) {
                columns.add(column(table, r.to()));
            }
        } else if (op instanceof DropTable d) {
            String key = QualifiedName.key(d.table().schema(), d.table().name());
            origin.remove(key);
            columns.removeIf(c -> c.startsWith(key + "\u0000"));
        } else if (op instanceof DropColumn d) {
            columns.remove(column(QualifiedName.key(d.schema(), d.table()), d.column().name()));
        }
    }

    private static String column(String tableKey, String name) {
        return tableKey + "\u0000" + name.toLowerCase(Locale.ROOT);
    }
}
