package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Copies of an immutable {@link Table} with one part changed. */
final class Tables {

    private Tables() {
    }

    /** The table as a database holds it: no Java sources, no rename or backfill hints. */
    static Table plain(Table t) {
        if (isPlain(t)) {
            return t; // records are immutable; a schema copied for every operation need not copy its tables
        }
        List<Column> columns = t.columns().stream().map(Tables::plain).toList();
        return new Table(t.schema(), t.name(), t.quoted(), null, List.of(), columns, t.primaryKey(), t.uniques(),
                t.indexes(), t.checks(), t.foreignKeys());
    }

    private static boolean isPlain(Table t) {
        if (t.renamedFrom() != null || !t.sources().isEmpty()) {
            return false;
        }
        for (Column c : t.columns()) {
            if (c.renamedFrom() != null || c.backfill() != null) {
                return false;
            }
        }
        return true;
    }

    static Column plain(Column c) {
        return c.renamedFrom() == null && c.backfill() == null ? c : new Column(c.name(), c.type(), c.nullable(), c.identity(),
                c.defaultValue(), c.columnDefinition(), c.quoted(), null);
    }

    static Table renamed(Table t, String name) {
        return new Table(t.schema(), name, t.quoted(), t.renamedFrom(), t.sources(), t.columns(), t.primaryKey(),
                t.uniques(), t.indexes(), t.checks(), t.foreignKeys());
    }

    static Table withColumns(Table t, List<Column> columns) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), columns, t.primaryKey(),
                t.uniques(), t.indexes(), t.checks(), t.foreignKeys());
    }

    static Table withPrimaryKey(Table t, PrimaryKey pk) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(), pk,
                t.uniques(), t.indexes(), t.checks(), t.foreignKeys());
    }

    static Table withUniques(Table t, List<UniqueConstraint> uniques) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(),
                t.primaryKey(), uniques, t.indexes(), t.checks(), t.foreignKeys());
    }

    static Table withIndexes(Table t, List<Index> indexes) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(),
                t.primaryKey(), t.uniques(), indexes, t.checks(), t.foreignKeys());
    }

    static Table withChecks(Table t, List<CheckConstraint> checks) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(),
                t.primaryKey(), t.uniques(), t.indexes(), checks, t.foreignKeys());
    }

    static Table withForeignKeys(Table t, List<ForeignKey> foreignKeys) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(),
                t.primaryKey(), t.uniques(), t.indexes(), t.checks(), foreignKeys);
    }

    static <T> List<T> plus(List<T> items, T item) {
        List<T> result = new ArrayList<>(items);
        result.add(item);
        return result;
    }

    static <T> List<T> replace(List<T> items, T old, T replacement) {
        List<T> result = new ArrayList<>(items);
        int i = result.indexOf(old);
        result.set(i, replacement);
        return result;
    }

    /** The list without the item named {@code name}; fails if there is none. */
    static <T> List<T> minusNamed(List<T> items, String name, java.util.function.Function<T, String> nameOf,
                                  String what, Table table) {
        List<T> result = new ArrayList<>(items);
        boolean removed = result.removeIf(i -> nameOf.apply(i).equalsIgnoreCase(name));
        if (!removed) {
            throw new IllegalStateException("table " + table.qualifiedName() + " has no " + what + " " + name);
        }
        return result;
    }

    static void requireAbsent(List<String> names, String name, String what, Table table) {
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            throw new IllegalStateException("table " + table.qualifiedName() + " already has " + what + " " + name);
        }
    }

    static List<String> renamed(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equalsIgnoreCase(from) ? to : n).toList();
    }
}
