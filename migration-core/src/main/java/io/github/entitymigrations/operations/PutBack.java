package io.github.entitymigrations.operations;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an added key puts back one that earlier operations of the same migration dropped from the same table: a
 * primary key over the columns of a dropped primary key; a unique constraint or unique index over the columns of
 * any dropped key; a foreign key equal to a dropped one (the differ drops and adds them around a column's type
 * change, or around a key that gives its name up). The rows met it until then, so adding it cannot fail on them.
 */
public final class PutBack {

    private PutBack() {
    }

    public static boolean of(List<Operation> earlier, Operation added) {
        if (!(added instanceof AddForeignKey || added instanceof AddPrimaryKey || added instanceof AddUnique
                || added instanceof CreateIndex i && i.index().unique())) {
            return false;
        }
        Set<String> key = added instanceof AddPrimaryKey p ? columns(p.primaryKey().columns())
                : added instanceof AddUnique u ? columns(u.unique().columns())
                : added instanceof CreateIndex i ? columns(i.index().columns()) : null;
        for (Operation op : earlier) {
            if (!(op instanceof TableOperation dropped) || !(added instanceof TableOperation a)
                    || !dropped.table().equalsIgnoreCase(a.table())
                    || !Objects.equals(lower(dropped.schema()), lower(a.schema()))) {
                continue;
            }
            if (added instanceof AddForeignKey f) {
                if (op instanceof DropForeignKey d && d.foreignKey().equals(f.foreignKey())) {
                    return true;
                }
            } else if (added instanceof AddPrimaryKey) {
                if (op instanceof DropPrimaryKey d && key.equals(columns(d.primaryKey().columns()))) {
                    return true;
                }
            } else {
                List<String> droppedColumns = droppedKey(op);
                if (droppedColumns != null && key.equals(columns(droppedColumns))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The columns of a dropped primary key, unique constraint or unique index, or {@code null}. */
    public static List<String> droppedKey(Operation op) {
        return op instanceof DropPrimaryKey d ? d.primaryKey().columns()
                : op instanceof DropUnique d ? d.unique().columns()
                : op instanceof DropIndex d && d.index().unique() ? d.index().columns() : null;
    }

    private static Set<String> columns(List<String> names) {
        Set<String> result = new TreeSet<>();
        names.forEach(n -> result.add(n.toLowerCase(Locale.ROOT)));
        return result;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
