package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.PutBack;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The differ: a pure function from the schema the migrations produce and the schema the entities need
 * to the operations that turn one into the other. Items are paired by key (tables and columns by name,
 * a {@code @RenamedFrom} hint being one more key; constraints by content), the pairs are compared, and
 * the leftovers become drops and adds; one ordering step then makes the list runnable.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static Diff diff(Schema from, Schema to) {
        Plan plan = new Plan();
        List<Operation> tableRenames = Renames.tables(from, to);
        // Read only: a schema in the replay's form already (as a validated history gives it) needs no copy.
        Schema renamed = tableRenames.isEmpty() && SchemaState.isReplayForm(from) ? from
                : new SchemaState(from).apply(tableRenames).toSchema();
        List<Operation> columnRenames = Renames.columns(renamed, to);
        // A schema a SchemaState gave is its own copy: without column renames there is nothing to copy again.
        Schema current = columnRenames.isEmpty() ? renamed : new SchemaState(renamed).apply(columnRenames).toSchema();
        plan.renames.addAll(tableRenames);
        plan.renames.addAll(columnRenames);

        Map<String, Table> before = byName(current.tables());
        Map<String, Table> after = byName(to.tables());
        List<Table> dropped = new ArrayList<>();
        TakenNames taken = new TakenNames(to);
        for (Map.Entry<String, Table> e : before.entrySet()) {
            Table target = after.get(e.getKey());
            if (target == null) {
                dropped.add(e.getValue());
            } else {
                TableDiff.diff(e.getValue(), target, taken, plan);
            }
        }
        retypedForeignKeys(before, after, plan);
        referencesOfDroppedKeys(before, after, plan);
        dropTables(dropped, plan);
        createTables(after.entrySet().stream().filter(e -> !before.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList(), plan);
        sequences(current.sequences(), to.sequences(), plan);
        List<Operation> upgrade = plan.ordered();
        return new Diff(upgrade, Warnings.of(upgrade, before.keySet()));
    }

    /**
     * A foreign key both versions have, whose columns or referenced columns change type, is dropped before the
     * columns change and added again after: PostgreSQL checks the key at each column's change and refuses one whose
     * two sides no longer compare (a {@code varchar} id becoming a {@code uuid}, before its references do), and
     * MariaDB refuses to change a column a foreign key uses at all.
     */
    private static void retypedForeignKeys(Map<String, Table> before, Map<String, Table> after, Plan plan) {
        for (Map.Entry<String, Table> e : before.entrySet()) {
            Table from = e.getValue();
            Table to = after.get(e.getKey());
            if (to == null || from.foreignKeys().isEmpty()) {
                continue;
            }
            List<ForeignKey> dropping = dropping(from, plan);
            for (ForeignKey f : from.foreignKeys()) {
                String target = QualifiedName.key(f.referencedSchema(), f.referencedTable());
                // Kept as it is (the differ keeps a key whose content is unchanged under its old name): dropped and
                // added back around the columns' changes.
                if (!dropping.contains(f) && (retyped(from, to, f.columns())
                        || retyped(before.get(target), after.get(target), f.referencedColumns()))) {
                    plan.dropForeignKeys.add(new DropForeignKey(from.schema(), from.name(), f));
                    plan.addForeignKeys.add(new AddForeignKey(from.schema(), from.name(), f));
                }
            }
        }
    }

    /** The foreign keys of {@code table} the plan drops so far. */
    private static List<ForeignKey> dropping(Table table, Plan plan) {
        List<ForeignKey> result = new ArrayList<>();
        for (Operation op : plan.dropForeignKeys) {
            if (op instanceof DropForeignKey d && d.table().equals(table.name())
                    && Objects.equals(d.schema(), table.schema())) {
                result.add(d.foreignKey());
            }
        }
        return result;
    }

    /**
     * A primary key, unique constraint or unique index the plan drops from a table it keeps, while a kept foreign key
     * references its columns (the key is added again under a name another table now needs, or it moves to a
     * unique constraint): the foreign key is dropped before and added again after, as no database drops a key
     * that a foreign key stands on.
     */
    private static void referencesOfDroppedKeys(Map<String, Table> before, Map<String, Table> after, Plan plan) {
        List<String> droppedKeys = new ArrayList<>();
        for (Operation op : plan.dropConstraints) {
            List<String> columns = PutBack.droppedKey(op);
            if (columns != null) {
                droppedKeys.add(QualifiedName.key(((TableOperation) op).schema(), ((TableOperation) op).table())
                        + new TreeSet<>(Keys.lower(columns)));
            }
        }
        if (droppedKeys.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Table> e : before.entrySet()) {
            Table from = e.getValue();
            if (!after.containsKey(e.getKey()) || from.foreignKeys().isEmpty()) {
                continue;
            }
            List<ForeignKey> dropping = dropping(from, plan);
            for (ForeignKey f : from.foreignKeys()) {
                if (!dropping.contains(f) && droppedKeys.contains(QualifiedName.referencedKey(f)
                        + new TreeSet<>(Keys.lower(f.referencedColumns())))) {
                    plan.dropForeignKeys.add(new DropForeignKey(from.schema(), from.name(), f));
                    plan.addForeignKeys.add(new AddForeignKey(from.schema(), from.name(), f));
                }
            }
        }
    }

    /** Whether any of {@code columns} has another type (or column definition) in {@code to} than in {@code from}. */
    private static boolean retyped(Table from, Table to, List<String> columns) {
        if (from == null || to == null) {
            return false;
        }
        for (String name : columns) {
            Column old = from.column(name);
            Column now = to.column(name);
            if (old != null && now != null && (!old.type().equals(now.type())
                    || !Objects.equals(old.columnDefinition(), now.columnDefinition()))) {
                return true;
            }
        }
        return false;
    }

    private static void dropTables(List<Table> dropped, Plan plan) {
        TableOrder.Result order = TableOrder.referencedFirst(dropped);
        order.deferred().forEach((table, fks) -> fks.forEach(fk ->
                plan.dropForeignKeys.add(new DropForeignKey(table.schema(), table.name(), fk))));
        List<Table> tables = new ArrayList<>(order.tables());
        for (int i = tables.size() - 1; i >= 0; i--) {
            plan.dropTables.add(new DropTable(tables.get(i)));
        }
    }

    private static void createTables(List<Table> created, Plan plan) {
        TableOrder.Result order = TableOrder.referencedFirst(created);
        for (Table t : order.tables()) {
            plan.createTables.add(new CreateTable(t));
        }
        order.deferred().forEach((table, fks) -> {
            for (ForeignKey fk : fks) {
                plan.addForeignKeys.add(new AddForeignKey(table.schema(), table.name(), fk));
            }
        });
    }

    private static void sequences(List<Sequence> from, List<Sequence> to, Plan plan) {
        Map<String, Sequence> before = new LinkedHashMap<>();
        from.forEach(s -> before.put(QualifiedName.key(s.schema(), s.name()), s));
        Map<String, Sequence> after = new LinkedHashMap<>();
        to.forEach(s -> after.put(QualifiedName.key(s.schema(), s.name()), s));
        before.forEach((key, s) -> {
            Sequence target = after.get(key);
            if (target == null) {
                plan.dropSequences.add(new DropSequence(s));
            } else if (s.start() != target.start() || s.increment() != target.increment()) {
                plan.alters.add(new AlterSequence(s, new Sequence(s.schema(), s.name(), target.start(),
                        target.increment(), s.quoted())));
            }
        });
        after.forEach((key, s) -> {
            if (!before.containsKey(key)) {
                plan.createSequences.add(new CreateSequence(s));
            }
        });
    }

    private static Map<String, Table> byName(List<Table> tables) {
        Map<String, Table> result = new LinkedHashMap<>();
        tables.forEach(t -> result.put(QualifiedName.key(t.schema(), t.name()), t));
        return result;
    }
}
