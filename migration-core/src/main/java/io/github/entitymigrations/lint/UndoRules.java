package io.github.entitymigrations.lint;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.SqlSafety;
import java.util.List;
import java.util.Set;

/**
 * A migration that cannot run in one transaction runs step by step, and when a step fails the runner undoes the
 * steps before it with their reverses: a {@code sql} step without a downgrade for the database has none, so such a
 * failure leaves it applied, to finish by hand. That is any migration with DDL on MariaDB and MySQL (each DDL
 * statement commits at once), and one marked {@code outsideTransaction} anywhere.
 */
final class UndoRules implements Judge {

    /** The databases whose DDL commits by itself. */
    static final Set<String> NON_TRANSACTIONAL_DDL = Set.of("mariadb", "mysql");

    @Override
    public void judge(StepView s, List<Finding> out) {
        if (!(s.op() instanceof Sql sql) || !stepByStep(s.file().migration(), s.dialect())) {
            return;
        }
        String missing = sql.irreversible() ? "it is marked irreversible"
                : Sql.keyFor(sql.downgrade(), s.dialect()) == null ? "its downgrade has no statements for "
                + s.dialect() : null;
        if (missing == null) {
            return;
        }
        String why = s.file().migration().outsideTransaction() ? "the migration runs outside a transaction"
                : s.dialect() + " commits each DDL statement at once, so the migration runs step by step";
        out.add(s.finding("irreversible-sql-no-rollback", null, null, "a sql step the runner cannot undo ("
                + missing + "), and " + why + ": if a later step fails, this one stays applied"));
    }

    /** Whether the migration runs step by step on {@code dialect} (the runner's own rule, from the steps alone). */
    static boolean stepByStep(Migration m, String dialect) {
        if (m.outsideTransaction()) {
            return true;
        }
        return NON_TRANSACTIONAL_DDL.contains(dialect) && !m.upgrade().stream().allMatch(op -> dataOnly(op, dialect));
    }

    private static boolean dataOnly(Operation op, String dialect) {
        if (!(op instanceof Sql sql)) {
            return false;
        }
        try {
            return Sql.statements(sql.upgrade(), dialect).stream().allMatch(SqlSafety::isData);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
