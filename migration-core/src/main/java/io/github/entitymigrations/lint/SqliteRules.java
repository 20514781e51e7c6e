package io.github.entitymigrations.lint;

import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import io.github.entitymigrations.operations.TableOperation;
import java.util.List;

/**
 * SQLite's table rebuilds: what its own {@code alter table} cannot do, the dialect does by copying the table
 * (create a new one, copy every row, drop the old, rename), found here by rendering the step as upgrade would.
 */
final class SqliteRules implements Judge {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    /**
     * The last step (counted from 1) of the rebuild found last in this migration: the steps the runner rebuilds
     * together with it are not reported again (a judge serves one migration, its steps in order).
     */
    private int rebuiltThrough;

    @Override
    public void judge(StepView s, List<Finding> out) {
        if (s.number() <= rebuiltThrough || !(s.op() instanceof TableOperation t) || !s.existing(t.schema(), t.table())
                || !rebuilds(s.op(), s)) {
            return;
        }
        List<Operation> together = together(s);
        rebuiltThrough = s.number() + together.size() - 1;
        Long rows = s.rows(t.schema(), t.table());
        Severity severity = rows != null && rows >= Rules.LARGE_TABLE_ROWS ? Severity.WARNING : Severity.INFO;
        String what = together.size() == 1 ? "to " + s.op().describe()
                : "once for steps " + s.number() + " to " + rebuiltThrough + " (" + String.join(", ",
                together.stream().map(Operation::describe).toList()) + ")";
        out.add(s.finding("sqlite-rebuild", severity, t.schema(), t.table(), "rebuilds table " + t.table()
                + s.rowsNote(t.schema(), t.table()) + " " + what + ": every row is copied while the "
                + "database is locked for writing"));
        String origin = s.history().origin(t.schema(), t.table());
        List<String> dependents = s.facts().dependents().getOrDefault(origin, List.of());
        if (!dependents.isEmpty()) {
            out.add(s.finding("sqlite-rebuild-dependents", t.schema(), t.table(), "the rebuild of " + t.table()
                    + " drops and re-creates " + String.join(", ", dependents)
                    + "; one that no longer fits the table fails the migration"));
        }
    }

    /**
     * The steps from this one that the runner rebuilds the table for in one copy, as it plans them (consecutive
     * changes to the table, {@link SqliteDialect#together}); only this one in a migration run outside a transaction,
     * whose steps each get their own undo.
     */
    private static List<Operation> together(StepView s) {
        List<Operation> ops = s.file().migration().upgrade();
        int start = s.number() - 1;
        if (s.file().migration().outsideTransaction() || start + 1 >= ops.size() || ops.get(start) != s.op()) {
            return List.of(s.op());
        }
        List<Schema> schemas = new ArrayList<>(java.util.Collections.nCopies(start, (Schema) null));
        schemas.add(s.before().get());
        SchemaState state = new SchemaState(s.before().get());
        try {
            for (int i = start; i < ops.size(); i++) {
                ops.get(i).applyTo(state);
                schemas.add(state.toSchema());
            }
            return ops.subList(start, start + Math.max(1, DIALECT.together(ops, schemas, start)));
        } catch (RuntimeException e) {
            return List.of(s.op()); // a later step that does not fit is reported when it is judged
        }
    }

    private static boolean rebuilds(Operation op, StepView s) {
        try {
            return DIALECT.render(op, s.before().get()).stream().anyMatch(SqliteDialect::beginsRebuild);
        } catch (RuntimeException e) {
            return false; // a step SQLite cannot run at all is the planner's to refuse, not a rebuild
        }
    }
}
