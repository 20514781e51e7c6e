package io.github.entitymigrations.lint;

import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.TableOperation;
import java.util.List;

/**
 * SQLite's table rebuilds: what its own {@code alter table} cannot do, the dialect does by copying the table
 * (create a new one, copy every row, drop the old, rename), found here by rendering the step as upgrade would.
 */
final class SqliteRules implements Judge {

    private static final SqliteDialect DIALECT = new SqliteDialect();

    @Override
    public void judge(StepView s, List<Finding> out) {
        if (!(s.op() instanceof TableOperation t) || !s.existing(t.schema(), t.table()) || !rebuilds(s.op(), s)) {
            return;
        }
        Long rows = s.rows(t.schema(), t.table());
        Severity severity = rows != null && rows >= Rules.LARGE_TABLE_ROWS ? Severity.WARNING : Severity.INFO;
        out.add(s.finding("sqlite-rebuild", severity, t.schema(), t.table(), "rebuilds table " + t.table()
                + s.rowsNote(t.schema(), t.table()) + " to " + s.op().describe() + ": every row is copied while the "
                + "database is locked for writing"));
        String origin = s.history().origin(t.schema(), t.table());
        List<String> dependents = s.facts().dependents().getOrDefault(origin, List.of());
        if (!dependents.isEmpty()) {
            out.add(s.finding("sqlite-rebuild-dependents", t.schema(), t.table(), "the rebuild of " + t.table()
                    + " drops and re-creates " + String.join(", ", dependents)
                    + "; one that no longer fits the table fails the migration"));
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
