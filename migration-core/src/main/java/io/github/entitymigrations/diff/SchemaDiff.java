package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        for (Map.Entry<String, Table> e : before.entrySet()) {
            Table target = after.get(e.getKey());
            if (target == null) {
                dropped.add(e.getValue());
            } else {
                TableDiff.diff(e.getValue(), target, plan);
            }
        }
        dropTables(dropped, plan);
        createTables(after.entrySet().stream().filter(e -> !before.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList(), plan);
        sequences(current.sequences(), to.sequences(), plan);
        List<Operation> upgrade = plan.ordered();
        return new Diff(upgrade, Warnings.of(upgrade, before.keySet()));
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
