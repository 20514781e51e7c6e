package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;

/** What in a table refers to a column: for integrity checks and column renames. */
final class Constraints {

    private Constraints() {
    }

    /** A description of a key, constraint or index of {@code t} that uses the column, or {@code null}. */
    static String usingColumn(Table t, String column) {
        if (t.primaryKey() != null && contains(t.primaryKey().columns(), column)) {
            return "primary key " + t.primaryKey().name();
        }
        for (UniqueConstraint u : t.uniques()) {
            if (contains(u.columns(), column)) {
                return "unique constraint " + u.name();
            }
        }
        for (Index i : t.indexes()) {
            if (contains(i.columns(), column)) {
                return "index " + i.name();
            }
        }
        for (CheckConstraint c : t.checks()) {
            if (c.column() != null && c.column().equalsIgnoreCase(column)) {
                return "check constraint " + c.name();
            }
        }
        for (ForeignKey f : t.foreignKeys()) {
            if (contains(f.columns(), column)) {
                return "foreign key " + f.name();
            }
        }
        return null;
    }

    private static boolean contains(java.util.List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** The table with a column renamed in its own keys, constraints and indexes. */
    static Table renameColumn(Table t, String from, String to) {
        PrimaryKey pk = t.primaryKey() == null ? null
                : new PrimaryKey(t.primaryKey().name(), Tables.renamed(t.primaryKey().columns(), from, to));
        Table r = Tables.withPrimaryKey(t, pk);
        r = Tables.withUniques(r, r.uniques().stream()
                .map(u -> new UniqueConstraint(u.name(), Tables.renamed(u.columns(), from, to))).toList());
        r = Tables.withIndexes(r, r.indexes().stream()
                .map(i -> new Index(i.name(), Tables.renamed(i.columns(), from, to), i.unique())).toList());
        r = Tables.withChecks(r, r.checks().stream().map(c -> c.column() != null && c.column().equalsIgnoreCase(from)
                ? new CheckConstraint(c.name(), to, c.values(), c.min(), c.max(), c.expression()) : c).toList());
        return Tables.withForeignKeys(r, r.foreignKeys().stream().map(f -> new ForeignKey(f.name(),
                Tables.renamed(f.columns(), from, to), f.referencedSchema(), f.referencedTable(), f.referencedColumns(),
                f.onDelete())).toList());
    }

    /**
     * A foreign key that needs {@code key} (a primary key, unique constraint or unique index of {@code t}
     * about to be dropped): it references exactly those columns and no other key of {@code t} has them.
     * Returns a description, or {@code null}.
     */
    static String dependentForeignKey(SchemaState state, Table t, java.util.List<String> key, String keyName) {
        java.util.Set<String> columns = folded(key);
        java.util.List<java.util.Set<String>> otherKeys = new java.util.ArrayList<>();
        if (t.primaryKey() != null && !t.primaryKey().name().equalsIgnoreCase(keyName)) {
            otherKeys.add(folded(t.primaryKey().columns()));
        }
        t.uniques().stream().filter(u -> !u.name().equalsIgnoreCase(keyName)).forEach(u -> otherKeys.add(folded(u.columns())));
        t.indexes().stream().filter(i -> i.unique() && !i.name().equalsIgnoreCase(keyName))
                .forEach(i -> otherKeys.add(folded(i.columns())));
        if (otherKeys.contains(columns)) {
            return null;
        }
        String tableKey = QualifiedName.key(t.schema(), t.name());
        if (state.foreignKeysReferencing(tableKey) == 0) {
            return null;
        }
        for (Table other : state.tables()) {
            for (ForeignKey f : other.foreignKeys()) {
                if (QualifiedName.key(f.referencedSchema(), f.referencedTable()).equals(tableKey)
                        && folded(f.referencedColumns()).equals(columns)) {
                    return "foreign key " + f.name() + " of " + other.qualifiedName();
                }
            }
        }
        return null;
    }

    /** The referenced columns of a foreign key that {@code target} lacks, or {@code null}. */
    static String missingReferencedColumn(ForeignKey f, Table target) {
        for (String c : f.referencedColumns()) {
            if (target.column(c) == null) {
                return c;
            }
        }
        return null;
    }

    private static java.util.Set<String> folded(java.util.List<String> names) {
        java.util.Set<String> result = new java.util.HashSet<>();
        names.forEach(n -> result.add(n.toLowerCase(java.util.Locale.ROOT)));
        return result;
    }

    /** A foreign key with a referenced column renamed, if it references that table. */
    static ForeignKey renameReferenced(ForeignKey f, String tableKey, String from, String to) {
        if (!QualifiedName.key(f.referencedSchema(), f.referencedTable()).equals(tableKey)) {
            return f;
        }
        return new ForeignKey(f.name(), f.columns(), f.referencedSchema(), f.referencedTable(),
                Tables.renamed(f.referencedColumns(), from, to), f.onDelete());
    }
}
