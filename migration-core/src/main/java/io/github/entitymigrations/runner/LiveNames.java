package io.github.entitymigrations.runner;

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
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.QualifiedName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows tables and columns through the operations of a planned run: what each name, at a point of the
 * run, stands for in the database as it is before the run (its live name), or that the run itself created it
 * (and at which operation). Also where the run's last {@code sql} step so far was.
 */
final class LiveNames {

    /**
     * The operations that create, drop or rename tables or columns; the others leave names alone. Checked complete
     * when the class loads ({@link OperationTypes#decided}).
     */
    private static final Set<Class<?>> DECIDED = OperationTypes.decided("runner.LiveNames",
            Set.of(CreateTable.class, DropTable.class, RenameTable.class, AddColumn.class, DropColumn.class,
                    RenameColumn.class, Sql.class),
            Set.of(AlterColumn.class, AddPrimaryKey.class, DropPrimaryKey.class, AddUnique.class, DropUnique.class,
                    CreateIndex.class, DropIndex.class, AddCheck.class, DropCheck.class, AddForeignKey.class,
                    DropForeignKey.class, CreateSequence.class, DropSequence.class, AlterSequence.class));

    /** A live object's name now, or an object created by the run at operation {@code createdAt}. */
    record Origin(String name, int createdAt) {
        boolean isNew() {
            return createdAt >= 0;
        }
    }

    private final Map<String, Origin> tables = new HashMap<>();
    private final Map<String, Origin> columns = new HashMap<>();
    private int index;
    private int lastSql = -1;

    /** The table named so at this point of the run. */
    Origin table(String schema, String name) {
        return tables.getOrDefault(QualifiedName.key(schema, name), new Origin(name, -1));
    }

    /** The column named so at this point of the run; a new table's columns are new. */
    Origin column(String schema, String table, String name) {
        Origin t = table(schema, table);
        if (t.isNew()) {
            return t;
        }
        return columns.getOrDefault(columnKey(t, name), new Origin(name, -1));
    }

    int lastSql() {
        return lastSql;
    }

    /** Moves the names along after {@code op}. */
    void apply(Operation op) {
        if (op instanceof CreateTable c) {
            tables.put(QualifiedName.key(c.table().schema(), c.table().name()), new Origin(null, index));
        } else if (op instanceof DropTable d) {
            tables.remove(QualifiedName.key(d.table().schema(), d.table().name()));
        } else if (op instanceof RenameTable r) {
            Origin o = table(r.schema(), r.from());
            tables.remove(QualifiedName.key(r.schema(), r.from()));
            tables.put(QualifiedName.key(r.schema(), r.to()), o);
        } else if (op instanceof AddColumn a && !table(a.schema(), a.table()).isNew()) {
            columns.put(columnKey(table(a.schema(), a.table()), a.column().name()), new Origin(null, index));
        } else if (op instanceof DropColumn d && !table(d.schema(), d.table()).isNew()) {
            columns.remove(columnKey(table(d.schema(), d.table()), d.column().name()));
        } else if (op instanceof RenameColumn r && !table(r.schema(), r.table()).isNew()) {
            Origin t = table(r.schema(), r.table());
            Origin o = column(r.schema(), r.table(), r.from());
            columns.remove(columnKey(t, r.from()));
            columns.put(columnKey(t, r.to()), o);
        } else if (op instanceof Sql) {
            lastSql = index;
        }
        index++;
    }

    /** Keyed by the table's live name, so a table rename leaves its columns' entries alone. */
    private static String columnKey(Origin table, String column) {
        return table.name().toLowerCase(Locale.ROOT) + "\u0000" + column.toLowerCase(Locale.ROOT);
    }
}
