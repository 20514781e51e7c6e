package io.github.entitymigrations.diff;

import io.github.entitymigrations.diff.RandomSchemas.MTable;
import io.github.entitymigrations.diff.RandomSchemas.Model;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Random edits of a valid schema that keep it valid, as a developer's entity changes would: tables and
 * columns added, dropped, altered and renamed (with {@code @RenamedFrom} hints), keys, constraints, indexes,
 * foreign keys and sequences added, dropped and changed, constraints renamed, names re-cased, stale hints.
 */
public final class Mutations {

    private final RandomSchemas gen;
    /** What was done, for failure messages. */
    public final List<String> log = new ArrayList<>();
    /**
     * The first schema's table names: a table is not renamed to one of them. The differ takes a hint whose new name a
     * table of the first schema still has as stale (the rename done already) and ignores it, so a rename onto a table
     * dropped in the same change would be a drop of the renamed table instead (an open question).
     */
    private final Set<String> original = new HashSet<>();

    public Mutations(RandomSchemas gen) {
        this.gen = gen;
    }

    public Schema mutate(Schema a) {
        Model m = Model.of(a);
        original.clear();
        a.tables().forEach(t -> original.add(t.name().toLowerCase(Locale.ROOT)));
        for (int i = 1 + gen.random.nextInt(5); i > 0; i--) {
            mutateOnce(m);
        }
        return m.toSchema();
    }

    private void mutateOnce(Model m) {
        MTable t = m.tables().isEmpty() ? null : gen.pick(m.tables());
        int choice = gen.random.nextInt(20);
        if (t == null && choice > 1) {
            choice = 0;
        } else if (t != null && t.columns.isEmpty() && choice > 3) {
            choice = 4;
        }
        switch (choice) {
            case 0 -> note("add table", gen.addTable(m));
            case 1 -> addSequenceOrChange(m);
            case 2 -> dropTable(m, t);
            case 3 -> renameTable(m, t);
            case 4, 5 -> note("add column to " + t.name, gen.addColumn(t));
            case 6 -> dropColumn(t);
            case 7, 8 -> alterColumn(t);
            case 9 -> renameColumn(m, t);
            case 10 -> addOrDrop(t.uniques, () -> gen.addUnique(t), "unique on " + t.name);
            case 11 -> addOrDrop(t.indexes, () -> gen.addIndex(t), "index on " + t.name);
            case 12 -> addOrDrop(t.checks, () -> gen.addCheck(t), "check on " + t.name);
            case 13, 14 -> addOrDrop(t.fks, () -> gen.addForeignKey(m, t), "foreign key on " + t.name);
            case 15 -> changePrimaryKey(m, t);
            case 16 -> renameConstraint(t);
            case 17 -> recase(m, t);
            case 18 -> staleHint(m, t);
            default -> note("add table with references", referencingTable(m));
        }
    }

    private void note(String what, Object result) {
        log.add(what + (result == null ? " (nothing)" : ""));
    }

    private MTable referencingTable(Model m) {
        MTable created = gen.addTable(m);
        if (created != null) {
            gen.addForeignKey(m, created);
            MTable other = gen.pick(m.tables());
            gen.addForeignKey(m, other);
        }
        return created;
    }

    private void addSequenceOrChange(Model m) {
        if (m.sequences().isEmpty() || gen.random.nextBoolean()) {
            gen.addSequence(m);
            log.add("add sequence");
            return;
        }
        int i = gen.random.nextInt(m.sequences().size());
        Sequence s = m.sequences().get(i);
        if (gen.random.nextBoolean()) {
            m.sequences().remove(i);
            log.add("drop sequence " + s.name());
        } else {
            m.sequences().set(i, new Sequence(null, s.name(), s.start() + gen.pick(0L, 10L),
                    s.increment() == 1 ? 50 : 1));
            log.add("alter sequence " + s.name());
        }
    }

    private void dropTable(Model m, MTable t) {
        m.tables().remove(t);
        m.tables().forEach(o -> o.fks.removeIf(f -> f.referencedTable().equalsIgnoreCase(t.name)));
        log.add("drop table " + t.name);
    }

    private void renameTable(Model m, MTable t) {
        String name = gen.unused(RandomSchemas.TABLES, n -> m.table(n) == null
                && !original.contains(n.toLowerCase(Locale.ROOT)));
        if (name == null) {
            return;
        }
        String old = t.name;
        for (MTable o : m.tables()) {
            o.fks.replaceAll(f -> f.referencedTable().equalsIgnoreCase(old) ? new ForeignKey(f.name(), f.columns(),
                    null, name, f.referencedColumns(), f.onDelete()) : f);
        }
        t.name = name;
        t.renamedFrom = old;
        log.add("rename table " + old + " to " + name);
    }

    private void dropColumn(MTable t) {
        List<Column> candidates = t.columns.stream().filter(c -> t.pk == null || !has(t.pk.columns(), c.name()))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        String name = gen.pick(candidates).name();
        t.columns.removeIf(c -> c.name().equalsIgnoreCase(name));
        t.uniques.removeIf(u -> has(u.columns(), name));
        t.indexes.removeIf(i -> has(i.columns(), name));
        t.checks.removeIf(c -> c.column() != null && c.column().equalsIgnoreCase(name));
        t.fks.removeIf(f -> has(f.columns(), name));
        log.add("drop column " + t.name + "." + name);
    }

    private void alterColumn(MTable t) {
        int i = gen.random.nextInt(t.columns.size());
        Column c = t.columns.get(i);
        boolean key = t.pk != null && has(t.pk.columns(), c.name());
        Column altered = switch (gen.random.nextInt(5)) {
            case 0 -> retype(c, gen.type());
            case 1 -> retype(c, resized(c.type()));
            case 2 -> key ? c : new Column(c.name(), c.type(), !c.nullable(), c.identity(), c.defaultValue(),
                    c.columnDefinition(), false, null);
            case 3 -> gen.withDefault(c, c.defaultValue() == null || gen.random.nextBoolean());
            default -> new Column(c.name(), c.type(), c.nullable(), !c.identity(), c.defaultValue(),
                    c.columnDefinition(), false, null);
        };
        t.columns.set(i, altered);
        log.add("alter column " + t.name + "." + c.name() + " " + c + " -> " + altered);
    }

    private static Column retype(Column c, ColumnType type) {
        return new Column(c.name(), type, c.nullable(), c.identity(), c.defaultValue(), c.columnDefinition(), false,
                null);
    }

    private ColumnType resized(ColumnType type) {
        if (type.length() != null) {
            return new ColumnType(type.name(), Math.max(1, type.length() + gen.pick(-5, 5, 50)), null, null);
        }
        if (type.precision() != null) {
            return new ColumnType(type.name(), null, type.precision() + gen.pick(-2, 0, 2),
                    type.scale() + gen.pick(0, 1, 2));
        }
        return type;
    }

    private void renameColumn(Model m, MTable t) {
        Column c = gen.pick(t.columns);
        String name = gen.unused(RandomSchemas.COLUMNS, n -> t.column(n) == null && !RandomSchemas.renamedAway(t, n));
        if (name == null) {
            return;
        }
        renameColumnEverywhere(m, t, c.name(), name);
        int i = t.columns.indexOf(t.column(name));
        Column renamed = t.columns.get(i);
        t.columns.set(i, new Column(name, renamed.type(), renamed.nullable(), renamed.identity(),
                renamed.defaultValue(), renamed.columnDefinition(), false, c.name()));
        log.add("rename column " + t.name + "." + c.name() + " to " + name);
    }

    /** Renames a column in its table, its table's keys and constraints, and the foreign keys that reference it. */
    private static void renameColumnEverywhere(Model m, MTable t, String from, String to) {
        t.columns.replaceAll(c -> c.name().equalsIgnoreCase(from) ? new Column(to, c.type(), c.nullable(), c.identity(),
                c.defaultValue(), c.columnDefinition(), false, null) : c);
        if (t.pk != null) {
            t.pk = new PrimaryKey(t.pk.name(), renamed(t.pk.columns(), from, to));
        }
        t.uniques.replaceAll(u -> new UniqueConstraint(u.name(), renamed(u.columns(), from, to)));
        t.indexes.replaceAll(i -> new Index(i.name(), renamed(i.columns(), from, to), i.unique()));
        t.checks.replaceAll(c -> c.column() != null && c.column().equalsIgnoreCase(from) ? new CheckConstraint(
                c.name(), to, c.values(), c.min(), c.max(), c.expression()) : c);
        t.fks.replaceAll(f -> new ForeignKey(f.name(), renamed(f.columns(), from, to), null, f.referencedTable(),
                f.referencedColumns(), f.onDelete()));
        for (MTable o : m.tables()) {
            o.fks.replaceAll(f -> f.referencedTable().equalsIgnoreCase(t.name) ? new ForeignKey(f.name(), f.columns(),
                    null, f.referencedTable(), renamed(f.referencedColumns(), from, to), f.onDelete()) : f);
        }
    }

    private <T> void addOrDrop(List<T> items, Runnable add, String what) {
        if (items.isEmpty() || gen.random.nextBoolean()) {
            add.run();
            log.add("add " + what);
        } else {
            items.remove(gen.random.nextInt(items.size()));
            log.add("drop " + what);
        }
    }

    /** A new key (or none); foreign keys that referenced the old one go, as the entities' would. */
    private void changePrimaryKey(Model m, MTable t) {
        for (MTable o : m.tables()) {
            o.fks.removeIf(f -> f.referencedTable().equalsIgnoreCase(t.name));
        }
        if (t.columns.isEmpty() || gen.random.nextInt(4) == 0) {
            t.pk = null;
            log.add("drop primary key of " + t.name);
            return;
        }
        List<String> key = new ArrayList<>(gen.someColumns(t, true));
        t.columns.replaceAll(c -> has(key, c.name()) ? new Column(c.name(), c.type(), false, c.identity(),
                c.defaultValue(), c.columnDefinition(), false, null) : c);
        t.pk = new PrimaryKey(gen.pick("pk_" + t.name, gen.freshName("pk_")), key);
        log.add("primary key of " + t.name + " now " + key);
    }

    private void renameConstraint(MTable t) {
        String fresh = gen.freshName("renamed_");
        switch (gen.random.nextInt(5)) {
            case 0 -> t.pk = t.pk == null ? null : new PrimaryKey(fresh, t.pk.columns());
            case 1 -> t.uniques.replaceAll(u -> new UniqueConstraint(fresh + "_" + u.name(), u.columns()));
            case 2 -> t.indexes.replaceAll(i -> new Index(fresh + "_" + i.name(), i.columns(), i.unique()));
            case 3 -> t.checks.replaceAll(c -> new CheckConstraint(fresh + "_" + c.name(), c.column(), c.values(),
                    c.min(), c.max(), c.expression()));
            default -> t.fks.replaceAll(f -> new ForeignKey(fresh + "_" + f.name(), f.columns(), f.referencedSchema(),
                    f.referencedTable(), f.referencedColumns(), f.onDelete()));
        }
        log.add("rename constraints of " + t.name);
    }

    /** Re-cases a table or a column name everywhere: the same identifier, so no change. */
    private void recase(Model m, MTable t) {
        if (gen.random.nextBoolean()) {
            String upper = t.name.toUpperCase(Locale.ROOT);
            for (MTable o : m.tables()) {
                o.fks.replaceAll(f -> f.referencedTable().equalsIgnoreCase(t.name) ? new ForeignKey(f.name(),
                        f.columns(), null, upper, f.referencedColumns(), f.onDelete()) : f);
            }
            t.name = upper;
            log.add("recase table " + upper);
        } else {
            Column c = gen.pick(t.columns);
            String upper = c.name().toUpperCase(Locale.ROOT);
            renameColumnEverywhere(m, t, c.name(), upper);
            log.add("recase column " + t.name + "." + upper);
        }
    }

    /** A hint naming something that exists on both sides, or nothing: it must change nothing. */
    /**
     * A hint that renames nothing: naming nothing the old schema has (a rename already made), or the table or column
     * itself. Never one naming another table or column the new schema still maps: generate refuses that on a new
     * table or column (renamed and replaced at once, or a hint copied with it).
     */
    private void staleHint(Model m, MTable t) {
        String hint = gen.pick(gen.pick(RandomSchemas.COLUMNS), t.columns.get(0).name(), "gone");
        int i = gen.random.nextInt(t.columns.size());
        Column c = t.columns.get(i);
        if (gen.random.nextBoolean()) {
            String table = gen.pick(gen.pick(RandomSchemas.TABLES), "gone");
            t.renamedFrom = m.table(table) != null && !table.equalsIgnoreCase(t.name) ? "gone" : table;
            log.add("hint on table " + t.name + ": renamed from " + t.renamedFrom);
        } else {
            if (t.column(hint) != null && !hint.equalsIgnoreCase(c.name())) {
                hint = "gone";
            }
            t.columns.set(i, new Column(c.name(), c.type(), c.nullable(), c.identity(), c.defaultValue(),
                    c.columnDefinition(), false, hint));
            log.add("hint on column " + t.name + "." + c.name() + ": renamed from " + hint);
        }
    }

    private static boolean has(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    private static List<String> renamed(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equalsIgnoreCase(from) ? to : n).toList();
    }
}
