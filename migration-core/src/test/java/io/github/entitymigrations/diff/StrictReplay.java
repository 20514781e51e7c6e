package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays operations one at a time and, after each, checks what a real database would refuse but
 * {@link SchemaState} alone does not: every key, constraint and index names columns its table has, and every
 * foreign key names an existing table and columns that form its primary key, a unique constraint or a unique
 * index (PostgreSQL: "there is no unique constraint matching given keys"; dropping a column or constraint a
 * foreign key depends on fails). So a wrongly ordered diff fails here at the step that breaks the schema.
 */
final class StrictReplay {

    private StrictReplay() {
    }

    /** Replays {@code operations} on {@code start}; fails naming the step that breaks or leaves a broken schema. */
    static Schema replay(Schema start, List<Operation> operations, String label) {
        String before = Integrity.problem(start);
        if (before != null) {
            throw new AssertionError(label + ": the starting schema is already broken: " + before);
        }
        SchemaState state = new SchemaState(start);
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            try {
                op.applyTo(state);
            } catch (RuntimeException e) {
                throw new AssertionError(label + ": step " + (i + 1) + " (" + op.describe() + ") failed: "
                        + e.getMessage() + "\n" + listing(operations), e);
            }
            String problem = Integrity.problem(state.toSchema());
            if (problem != null) {
                throw new AssertionError(label + ": after step " + (i + 1) + " (" + op.describe() + ") "
                        + problem + "\n" + listing(operations));
            }
        }
        return state.toSchema();
    }

    static String listing(List<Operation> operations) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < operations.size(); i++) {
            b.append("  ").append(i + 1).append(". ").append(operations.get(i).describe()).append('\n');
        }
        return b.toString();
    }

    /** Referential integrity of a schema, as a database enforces it. */
    static final class Integrity {

        private Integrity() {
        }

        /** The first problem found, or {@code null}. */
        static String problem(Schema schema) {
            for (Table t : schema.tables()) {
                List<List<String>> used = new ArrayList<>();
                if (t.primaryKey() != null) {
                    used.add(t.primaryKey().columns());
                }
                t.uniques().forEach(u -> used.add(u.columns()));
                t.indexes().forEach(i -> used.add(i.columns()));
                t.foreignKeys().forEach(f -> used.add(f.columns()));
                t.checks().stream().map(CheckConstraint::column).filter(c -> c != null)
                        .forEach(c -> used.add(List.of(c)));
                for (List<String> columns : used) {
                    for (String c : columns) {
                        if (t.column(c) == null) {
                            return "table " + t.qualifiedName() + " has a key, constraint or index on missing column "
                                    + c;
                        }
                    }
                }
                for (ForeignKey fk : t.foreignKeys()) {
                    String problem = foreignKey(schema, t, fk);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }

        private static String foreignKey(Schema schema, Table t, ForeignKey fk) {
            Table target = schema.tables().stream()
                    .filter(o -> Normalized.lower(o.qualifiedName()).equals(Normalized.lower(
                            fk.referencedSchema() == null ? fk.referencedTable()
                                    : fk.referencedSchema() + "." + fk.referencedTable())))
                    .findFirst().orElse(null);
            String what = "foreign key " + fk.name() + " of " + t.qualifiedName();
            if (target == null) {
                return what + " references missing table " + fk.referencedTable();
            }
            for (String c : fk.referencedColumns()) {
                if (target.column(c) == null) {
                    return what + " references missing column " + target.qualifiedName() + "." + c;
                }
            }
            Set<String> referenced = set(fk.referencedColumns());
            boolean keyed = target.primaryKey() != null && set(target.primaryKey().columns()).equals(referenced);
            for (UniqueConstraint u : target.uniques()) {
                keyed |= set(u.columns()).equals(referenced);
            }
            for (Index i : target.indexes()) {
                keyed |= i.unique() && set(i.columns()).equals(referenced);
            }
            return keyed ? null : what + " references " + target.qualifiedName() + fk.referencedColumns()
                    + ", which is no primary key, unique constraint or unique index";
        }

        private static Set<String> set(List<String> names) {
            return new HashSet<>(Normalized.lower(names));
        }
    }
}
