package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.Definitions;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/** The differences between two versions of one table, added to a {@link Plan} by phase. */
final class TableDiff {

    private TableDiff() {
    }

    static void diff(Table from, Table to, TakenNames taken, Plan plan) {
        String schema = from.schema();
        String table = from.name();
        List<Column> fromColumns = from.columns();
        List<Column> toColumns = to.columns();
        List<Operation> drops = new ArrayList<>();
        for (int i = 0; i < fromColumns.size(); i++) {
            Column c = fromColumns.get(i);
            if (column(to, i, c.name()) == null) {
                drops.add(new DropColumn(schema, table, c));
            }
        }
        // Every column replaced: the new ones come first, as no database drops a table's last column by alter table
        // (MariaDB and MySQL refuse it, SQLite cannot).
        List<Operation> adds = drops.size() == fromColumns.size() && !fromColumns.isEmpty() ? plan.dropColumns
                : plan.addColumns;
        for (int i = 0; i < toColumns.size(); i++) {
            Column c = toColumns.get(i);
            Column old = column(from, i, c.name());
            if (old == null && c.backfill() != null && Backfills.needed(null, c)) {
                adds.addAll(Backfills.added(schema, table, c));
            } else if (old == null) {
                adds.add(new AddColumn(schema, table, c));
            } else if (!Definitions.sameColumn(old, c)) {
                Column target = new Column(old.name(), c.type(), c.nullable(), c.identity(), c.defaultValue(),
                        c.columnDefinition(), old.quoted(), null, c.backfill());
                if (c.backfill() != null && Backfills.needed(old, target)) {
                    plan.alters.addAll(Backfills.tightened(schema, table, old, target));
                } else {
                    plan.alters.add(new AlterColumn(schema, table, old, target));
                }
            }
        }
        plan.dropColumns.addAll(drops);
        boolean samePk = from.primaryKey() == null ? to.primaryKey() == null : to.primaryKey() != null
                && (from.primaryKey().columns().equals(to.primaryKey().columns())
                || Keys.lower(from.primaryKey().columns()).equals(Keys.lower(to.primaryKey().columns())));
        if (!samePk) {
            if (from.primaryKey() != null) {
                identityDroppedFirst(from, plan);
                plan.dropConstraints.add(new DropPrimaryKey(schema, table, from.primaryKey()));
            }
            if (to.primaryKey() != null) {
                plan.addConstraints.add(new AddPrimaryKey(schema, table, to.primaryKey()));
            }
        } else if (from.primaryKey() != null
                && givesUp(from.primaryKey().name(), to.primaryKey().name(), from, taken)) {
            plan.dropConstraints.add(new DropPrimaryKey(schema, table, from.primaryKey()));
            plan.addConstraints.add(new AddPrimaryKey(schema, table, to.primaryKey()));
        }
        Predicate<String> elsewhere = name -> taken.byAnotherTable(from, name);
        byContent(from.uniques(), to.uniques(), Keys::of, UniqueConstraint::name, elsewhere, plan.dropConstraints,
                plan.addConstraints, (u, add) -> add ? new AddUnique(schema, table, u) : new DropUnique(schema, table, u));
        byContent(from.indexes(), to.indexes(), Keys::of, Index::name, elsewhere, plan.dropConstraints,
                plan.addConstraints,
                (i, add) -> add ? new CreateIndex(schema, table, i) : new DropIndex(schema, table, i));
        byContent(from.checks(), to.checks(), Keys::of, CheckConstraint::name, elsewhere, plan.dropConstraints,
                plan.addConstraints, (c, add) -> add ? new AddCheck(schema, table, c) : new DropCheck(schema, table, c));
        byContent(from.foreignKeys(), to.foreignKeys(), Keys::of, ForeignKey::name, elsewhere, plan.dropForeignKeys,
                plan.addForeignKeys,
                (f, add) -> add ? new AddForeignKey(schema, table, f) : new DropForeignKey(schema, table, f));
    }

    /**
     * A column of {@code from} losing its identity while the primary key goes: the change comes before the key's drop
     * (SQLite and MariaDB keep an identity column only as the key; the state between must be one they can hold).
     */
    private static void identityDroppedFirst(Table from, Plan plan) {
        for (Iterator<Operation> i = plan.alters.iterator(); i.hasNext(); ) {
            if (i.next() instanceof AlterColumn a && a.table().equals(from.name())
                    && Objects.equals(a.schema(), from.schema())
                    && a.from().identity() && !a.to().identity()) {
                i.remove();
                plan.dropConstraints.add(a);
            }
        }
    }

    /** Whether a kept key's old name differs from its new one and another table of the target takes it. */
    private static boolean givesUp(String old, String now, Table from, TakenNames taken) {
        return old != null && now != null && !old.equalsIgnoreCase(now) && taken.byAnotherTable(from, old);
    }

    /**
     * {@link Table#column}, looked for first at position {@code at}: where the other version of an unchanged table
     * has it, so that comparing a table with itself does not scan its columns for each.
     */
    private static Column column(Table table, int at, String name) {
        List<Column> columns = table.columns();
        if (at < columns.size() && columns.get(at).name().equalsIgnoreCase(name)) {
            return columns.get(at);
        }
        return table.column(name);
    }

    /**
     * Pairs items by content; unpaired old ones are dropped, unpaired new ones added. A paired item keeps
     * its old name (no churn), unless a new item takes that name, or an item of another table of the target
     * ({@code elsewhere}): then it is dropped and added again under its new one, so the names cannot clash.
     */
    private static <T> void byContent(List<T> from, List<T> to, Function<T, String> key, Function<T, String> nameOf,
                                      Predicate<String> elsewhere, List<Operation> drops, List<Operation> adds,
                                      BiFunction<T, Boolean, Operation> op) {
        if (from.equals(to)) {
            return; // each item pairs with itself, so nothing changes: most tables of a schema, compared at once
        }
        Map<String, List<T>> remaining = new LinkedHashMap<>();
        for (T item : from) {
            remaining.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        List<T> added = new ArrayList<>();
        Map<T, T> kept = new LinkedHashMap<>();
        for (T item : to) {
            List<T> same = remaining.get(key.apply(item));
            if (same != null && !same.isEmpty()) {
                kept.put(same.remove(0), item);
            } else {
                added.add(item);
            }
        }
        Set<String> addedNames = new HashSet<>();
        added.forEach(item -> addedNames.add(Keys.lower(nameOf.apply(item))));
        kept.forEach((old, now) -> {
            String name = nameOf.apply(old);
            if (!name.equalsIgnoreCase(nameOf.apply(now))
                    && (addedNames.contains(Keys.lower(name)) || elsewhere.test(name))) {
                drops.add(op.apply(old, false));
                added.add(now);
            }
        });
        remaining.values().forEach(items -> items.forEach(item -> drops.add(op.apply(item, false))));
        added.forEach(item -> adds.add(op.apply(item, true)));
    }
}
