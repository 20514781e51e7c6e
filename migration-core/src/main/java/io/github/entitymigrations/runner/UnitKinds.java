package io.github.entitymigrations.runner;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.SqlSafety;
import io.github.entitymigrations.schema.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which units can run in a transaction of their own when their migration cannot run in one. Conservative: on a
 * database whose DDL commits by itself (MariaDB, MySQL) only a {@code sql} step whose every statement is plainly
 * data ({@code insert}, {@code update}, {@code delete}, {@code replace}, {@code select}, {@code with}) qualifies;
 * anything else might be DDL, or call something that is. On a database with transactional DDL (PostgreSQL)
 * every unit qualifies unless one of its statements cannot run inside a transaction ({@link SqlSafety}).
 */
final class UnitKinds {

    private static final Set<String> DATA = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH");

    private UnitKinds() {
    }

    /** Whether {@code op} runs on {@code dialect} as a transaction of its own inside a non-atomic step. */
    static boolean transactional(Operation op, String dialect, boolean transactionalDdl) {
        if (!(op instanceof Sql sql)) {
            return transactionalDdl;
        }
        return transactional(sql.upgrade(), dialect, transactionalDdl);
    }

    static boolean transactional(Map<String, List<String>> byDialect, String dialect, boolean transactionalDdl) {
        List<SqlStatement> statements;
        try {
            statements = Sql.statements(byDialect, dialect);
        } catch (RuntimeException e) {
            return false; // not for this database: never run, so never decided otherwise
        }
        for (SqlStatement s : statements) {
            List<String> k = s.keywords();
            boolean ok = transactionalDdl ? SqlSafety.refusal(s, dialect, false) == null
                    : !k.isEmpty() && DATA.contains(k.get(0));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a migration of these operations can run in one transaction with its version row: not marked
     * {@code outsideTransaction}, and on a database without transactional DDL, data statements only.
     */
    static boolean atomic(List<Operation> ops, String dialect, boolean transactionalDdl, boolean outsideTransaction) {
        if (outsideTransaction) {
            return false;
        }
        return transactionalDdl || ops.stream().allMatch(op -> transactional(op, dialect, false));
    }
}
