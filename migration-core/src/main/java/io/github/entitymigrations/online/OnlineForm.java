package io.github.entitymigrations.online;

import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The online-safe form of a change for PostgreSQL, from its simple form: the same end schema, reached without
 * holding a lock on an existing table for as long as a scan of it or an index build.
 * <ol>
 *   <li>N (in a transaction, with the lock timeout): everything of the simple form, except that a foreign key or
 *       check on an existing table is added {@code not valid} (only new rows are checked: a brief lock), and a column
 *       made NOT NULL on an existing table gets a {@code not valid} check {@code <column> is not null} instead;</li>
 *   <li>N+1 (in a transaction, with the lock timeout), only when N added such constraints: {@code validate
 *       constraint} for each (it scans the table without blocking writes), then each NOT NULL is set (PostgreSQL 12+
 *       sees the valid check and does not scan again) and its temporary check dropped;</li>
 *   <li>N+2 (outside a transaction), only when indexes are added to existing tables: they are built
 *       {@code concurrently}.</li>
 * </ol>
 * New tables stay simple: an empty table has nothing to wait for. Unique constraints and primary keys added to
 * existing tables stay simple too (their index is built under the table's lock). Pure: no I/O.
 */
public final class OnlineForm {

    private OnlineForm() {
    }

    /**
     * The migrations to write for {@code upgrade} (the simple form, in order) on {@code before}; one part, with the
     * lock timeout, when nothing needs the safe form.
     *
     * @throws IllegalStateException when the parts would not replay to the simple form's schema (a bug: the caller
     *                               then writes nothing and says so)
     */
    public static List<OnlinePart> of(Schema before, List<Operation> upgrade, List<Warning> warnings,
                                      String lockTimeout) {
        Existing existing = new Existing(before);
        Set<String> newKeyColumns = primaryKeyColumns(upgrade);
        ReferencedIndexes referenced = new ReferencedIndexes(upgrade);
        Builder n = new Builder();
        Builder validate = new Builder();
        Builder finish = new Builder();
        Builder indexes = new Builder();
        Builder[] placedIn = new Builder[upgrade.size()];
        int[] placedAt = new int[upgrade.size()];
        for (int i = 0; i < upgrade.size(); i++) {
            Operation op = upgrade.get(i);
            boolean onExisting = existing.holds(op);
            Builder target = n;
            if (onExisting && op instanceof CreateIndex c && !c.concurrently() && !referenced.contains(c)) {
                target = indexes;
                op = new CreateIndex(c.schema(), c.table(), c.index(), true);
            } else if (onExisting && op instanceof AddForeignKey f && !f.notValid()) {
                op = new AddForeignKey(f.schema(), f.table(), f.foreignKey(), true);
                validate.add(ValidateConstraint.of(before, f.schema(), f.table(), f.foreignKey().name()));
            } else if (onExisting && op instanceof AddCheck c && !c.notValid()) {
                op = new AddCheck(c.schema(), c.table(), c.check(), true);
                validate.add(ValidateConstraint.of(before, c.schema(), c.table(), c.check().name()));
            } else if (onExisting && op instanceof AlterColumn a && setsNotNull(a)
                    && !newKeyColumns.contains(ColumnKey.of(a.schema(), a.table(), a.from().name()))) {
                CheckConstraint check = NotNullCheck.of(a.table(), a.to());
                Column stillNullable = nullable(a.to());
                if (!stillNullable.equals(a.from())) {
                    n.add(new AlterColumn(a.schema(), a.table(), a.from(), stillNullable)); // its other changes
                }
                op = new AddCheck(a.schema(), a.table(), check, true);
                validate.add(ValidateConstraint.of(before, a.schema(), a.table(), check.name()));
                finish.add(new AlterColumn(a.schema(), a.table(), stillNullable, a.to()));
                placedIn[i] = finish;
                placedAt[i] = finish.size() - 1;
                finish.add(new DropCheck(a.schema(), a.table(), check));
                n.add(op);
                existing.after(op);
                continue;
            }
            target.add(op);
            placedIn[i] = target;
            placedAt[i] = target.size() - 1;
            existing.after(op);
        }
        return parts(before, upgrade, warnings, lockTimeout, n, validate, finish, indexes, placedIn, placedAt);
    }

    private static List<OnlinePart> parts(Schema before, List<Operation> simple, List<Warning> warnings,
                                          String lockTimeout, Builder n, Builder validate, Builder finish,
                                          Builder indexes, Builder[] placedIn, int[] placedAt) {
        int validates = validate.size();
        validate.addAll(finish.ops());
        List<OnlinePart> parts = new ArrayList<>();
        for (Builder b : List.of(n, validate, indexes)) {
            if (b.ops().isEmpty()) {
                continue;
            }
            List<Warning> own = new ArrayList<>();
            for (Warning w : warnings) {
                int original = w.step() - 1;
                Builder where = original >= 0 && original < placedIn.length ? placedIn[original] : n;
                int at = where == null ? 0 : placedAt[original] + (where == finish ? validates : 0);
                if ((where == finish ? validate : where) == b) {
                    own.add(new Warning(at + 1, w.kind(), w.message()));
                }
            }
            boolean outside = b == indexes;
            String suffix = parts.isEmpty() ? null : b == validate ? "validate" : "indexes";
            parts.add(new OnlinePart(suffix, b.ops(), own, outside, outside ? null : lockTimeout));
        }
        requireSameSchema(before, simple, parts);
        return parts;
    }

    /** The online parts must end where the simple form ends: the same tables, columns, keys and indexes. */
    private static void requireSameSchema(Schema before, List<Operation> simple, List<OnlinePart> parts) {
        Schema expected = new SchemaState(before).apply(simple).toSchema();
        SchemaState online = new SchemaState(before);
        try {
            parts.forEach(p -> online.apply(p.upgrade()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("its steps do not replay: " + e.getMessage(), e);
        }
        if (!online.toSchema().equals(expected)) {
            throw new IllegalStateException("the online form does not end at the simple form's schema");
        }
    }

    private static boolean setsNotNull(AlterColumn a) {
        return a.from().nullable() && !a.to().nullable() && !a.to().identity();
    }

    private static Column nullable(Column c) {
        return new Column(c.name(), c.type(), true, c.identity(), c.defaultValue(), c.columnDefinition(), c.quoted(),
                c.renamedFrom());
    }

    /** Columns that become part of a primary key added in this change: such a key makes them NOT NULL itself. */
    private static Set<String> primaryKeyColumns(List<Operation> upgrade) {
        Set<String> keys = new HashSet<>();
        for (Operation op : upgrade) {
            if (op instanceof AddPrimaryKey p) {
                p.primaryKey().columns().forEach(c -> keys.add(ColumnKey.of(p.schema(), p.table(), c)));
            }
        }
        return keys;
    }

    /** Steps collected for one file. */
    private static final class Builder {
        private final List<Operation> ops = new ArrayList<>();

        void add(Operation op) {
            ops.add(op);
        }

        void addAll(List<Operation> more) {
            ops.addAll(more);
        }

        int size() {
            return ops.size();
        }

        List<Operation> ops() {
            return ops;
        }
    }
}
