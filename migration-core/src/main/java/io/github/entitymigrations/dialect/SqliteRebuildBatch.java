package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteIdentifiers.identifier;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link SqliteTableRebuild} for several changes to a table, as Alembic's batch mode does: where a
 * migration's consecutive operations on one table need a rebuild each (three {@code alter_column}s, an alter
 * and a new foreign key, ...), the table is created once in its final shape, every row copied once with all
 * conversions, the indexes created once and the conversions into numbers checked in one query. The changes to
 * the same table between them (a new index, a column SQLite adds or drops itself) go into the same rebuild.
 * <p>
 * What the copy takes from where follows the operations in order: a column added in the batch is not copied (it
 * gets its default), a dropped one is left behind, an altered one converts by its new type's affinity. A
 * renamed column is renamed first, with SQLite's own {@code alter table ... rename column}, so the foreign keys
 * of other tables, views and triggers that name it follow, as they would one operation at a time. The batch
 * does not end in a state SQLite cannot create (an identity column off its key) while the table's next operation
 * can follow, and it ends before anything it cannot take: an operation on another table or on the whole table, a
 * {@code sql} step, a second change to a column it already altered (that one converts in two stages, each checked)
 * or a rename SQLite could not do first (its new name is taken in the old table).
 */
final class SqliteRebuildBatch {

    private SqliteRebuildBatch() {
    }

    /**
     * How many operations from {@code start} on form one rebuild: from {@code ops.get(start)}, which must need a
     * rebuild, to the last operation needing one before the batch must end; 1 when there is no second.
     */
    static int size(List<Operation> ops, List<Schema> schemas, int start) {
        if (!(ops.get(start) instanceof TableOperation first) || !needsRebuild(ops.get(start), schemas.get(start))) {
            return 1;
        }
        Lineage lineage = new Lineage(SqliteDialect.table(schemas.get(start), first.table()));
        int last = start;
        for (int i = start; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (!sameTable(op, first) || !lineage.accept(op)) {
                break;
            }
            // A state SQLite cannot create (an identity column off its key, between dropping the key and the column)
            // is no place to stop: the batch goes on to the operations of the table that follow.
            if (needsRebuild(op, schemas.get(i)) || !creatable(schemas.get(last + 1), first.table())) {
                last = i;
            }
        }
        return last - start + 1;
    }

    /** The statements of the batch {@link #size} found: renames first, then the one rebuild. */
    static List<String> statements(List<Operation> ops, Schema before, Schema after) {
        String name = ((TableOperation) ops.get(0)).table();
        Table old = SqliteDialect.table(before, name);
        Table changed = SqliteDialect.table(after, name);
        Lineage lineage = new Lineage(old);
        for (Operation op : ops) {
            if (!sameTable(op, (TableOperation) ops.get(0)) || !lineage.accept(op)) {
                throw new IllegalArgumentException("not one SQLite rebuild batch: " + op.describe());
            }
        }
        List<SqliteTableRebuild.Copy> copies = new ArrayList<>();
        for (Column c : changed.columns()) {
            Source s = lineage.columns.get(key(c.name()));
            if (s != null && s.original() != null) {
                copies.add(new SqliteTableRebuild.Copy(c, s.original(), s.current(), s.alteredBy()));
            }
        }
        List<String> statements = new ArrayList<>(lineage.renames);
        statements.addAll(SqliteTableRebuild.statements(old, changed, after, copies, true));
        return statements;
    }

    private static boolean creatable(Schema schema, String table) {
        Table t = SqliteDialect.table(schema, table);
        return t == null || SqliteTableSql.misplacedIdentity(t) == null;
    }

    private static boolean needsRebuild(Operation op, Schema before) {
        return SqliteDialect.rebuilds(op, SqliteDialect.table(before, ((TableOperation) op).table()));
    }

    private static boolean sameTable(Operation op, TableOperation first) {
        return op instanceof TableOperation t && t.table().equalsIgnoreCase(first.table())
                && (t.schema() == null ? first.schema() == null : t.schema().equalsIgnoreCase(first.schema()));
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    /**
     * Where a column of the batch's table comes from.
     *
     * @param original  the column in the table before the batch, or {@code null} for one the batch adds
     * @param current   its name in the old table when the copy runs (after the batch's renames)
     * @param alteredBy the batch's {@code alter_column} of it, or {@code null}
     */
    private record Source(Column original, String current, AlterColumn alteredBy) {
    }

    /** The batch's columns by their name so far (lower case), and the renames to run before the copy. */
    private static final class Lineage {

        final Map<String, Source> columns = new LinkedHashMap<>();
        /** The names of the old table's columns, as the renames run before the copy leave them. */
        final Map<String, String> oldColumns = new LinkedHashMap<>();
        final List<String> renames = new ArrayList<>();
        final Table table;

        Lineage(Table table) {
            this.table = table;
            for (Column c : table.columns()) {
                columns.put(key(c.name()), new Source(c, c.name(), null));
                oldColumns.put(key(c.name()), c.name());
            }
        }

        /** Follows {@code op}; {@code false} (changing nothing) when the batch cannot take it. */
        boolean accept(Operation op) {
            if (op instanceof AlterColumn a) {
                Source s = columns.get(key(a.from().name()));
                if (s == null || s.alteredBy() != null) {
                    return false;
                }
                columns.put(key(a.from().name()), new Source(s.original(), s.current(), a));
            } else if (op instanceof RenameColumn r) {
                return rename(r);
            } else if (op instanceof AddColumn a) {
                columns.put(key(a.column().name()), new Source(null, null, null));
            } else if (op instanceof DropColumn d) {
                columns.remove(key(d.column().name()));
            }
            return true;
        }

        private boolean rename(RenameColumn r) {
            Source s = columns.get(key(r.from()));
            if (s == null) {
                return false;
            }
            if (s.original() != null) {
                if (!r.from().equalsIgnoreCase(r.to()) && oldColumns.containsKey(key(r.to()))) {
                    return false; // the old table still has a column of that name: the rename cannot go first
                }
                boolean quoted = s.original().quoted();
                renames.add("alter table " + identifier(table.name(), table.quoted()) + " rename column "
                        + identifier(s.current(), quoted) + " to " + identifier(r.to(), quoted));
                oldColumns.remove(key(s.current()));
                oldColumns.put(key(r.to()), r.to());
                s = new Source(s.original(), r.to(), s.alteredBy());
            }
            columns.remove(key(r.from()));
            columns.put(key(r.to()), s);
            return true;
        }
    }
}
