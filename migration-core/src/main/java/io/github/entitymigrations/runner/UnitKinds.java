package io.github.entitymigrations.runner;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.SqlSafety;
import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.SqlStatements;
import io.github.entitymigrations.schema.SqlSyntax;
import java.util.ArrayList;
import java.util.List;

/**
 * Which units can run in a transaction of their own when their migration cannot run in one. Conservative: on a
 * database whose DDL commits by itself (MariaDB, MySQL) only a {@code sql} step whose every statement is plainly
 * data ({@code insert}, {@code update}, {@code delete}, {@code replace}, {@code select}, {@code with}) qualifies;
 * anything else might be DDL, or call something that is. On a database with transactional DDL (PostgreSQL)
 * every unit qualifies unless one of its statements cannot run inside a transaction ({@link SqlSafety}).
 */
final class UnitKinds {

    private UnitKinds() {
    }

    /**
     * Whether {@code op}, rendered as {@code statements}, runs on {@code dialect} as a transaction of its own inside
     * a non-atomic step.
     */
    static boolean transactional(Operation op, List<String> statements, String dialect, boolean transactionalDdl) {
        if (!(op instanceof Sql) && !transactionalDdl) {
            return false;
        }
        SqlSyntax syntax = Sql.DIALECTS.get(dialect);
        if (syntax == null) {
            return false;
        }
        List<SqlStatement> split = new ArrayList<>();
        statements.forEach(text -> split.addAll(SqlStatements.split(text, syntax)));
        return transactional(split, dialect, transactionalDdl);
    }

    private static boolean transactional(List<SqlStatement> statements, String dialect, boolean transactionalDdl) {
        for (SqlStatement s : statements) {
            boolean ok = transactionalDdl ? SqlSafety.refusal(s, dialect, false) == null : SqlSafety.isData(s);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether a {@code sql} step's statements for {@code dialect} are data statements only. */
    private static boolean dataOnly(Operation op, String dialect) {
        if (!(op instanceof Sql sql)) {
            return false;
        }
        try {
            return transactional(Sql.statements(sql.upgrade(), dialect), dialect, false);
        } catch (RuntimeException e) {
            return false; // not for this database: never run, so never decided otherwise
        }
    }

    /**
     * Whether a migration of these operations can run in one transaction with its version row: not marked
     * {@code outsideTransaction}, and on a database without transactional DDL, data statements only.
     */
    static boolean atomic(List<Operation> ops, String dialect, boolean transactionalDdl, boolean outsideTransaction) {
        if (outsideTransaction) {
            return false;
        }
        return transactionalDdl || ops.stream().allMatch(op -> dataOnly(op, dialect));
    }
}
