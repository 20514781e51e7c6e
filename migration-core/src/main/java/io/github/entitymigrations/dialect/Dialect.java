package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Schema;
import java.util.List;

/**
 * Turns operations into SQL for one database. Pure: no connection, no I/O. {@code before} is the
 * schema as it is just before the operation runs (after the previous operations), which dialects that
 * rebuild tables (SQLite) need, and which others may use to describe what they change.
 */
public interface Dialect {

    /** A standard SQL string literal, embedded single quotes doubled: {@code 'it''s'}. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The dialect's name, as used for per-dialect {@code sql} steps: {@code postgresql}, {@code sqlite}. */
    String name();

    /**
     * The statements that perform {@code operation}, in order. Each is one SQL statement without a
     * trailing semicolon. A {@code sql} operation yields its statements for this dialect.
     *
     * @throws UnsupportedOperationException naming the operation and what to do instead, when the
     *                                       database cannot do it
     */
    List<String> render(Operation operation, Schema before);

    /**
     * The same, for a caller that has the schema after the operation at hand as well (the runner's
     * planner, which replays every operation anyway), so a dialect that needs it does not replay the
     * operation on a copy of the whole schema once more.
     *
     * @param after {@code before} with {@code operation} applied
     */
    default List<String> render(Operation operation, Schema before, Schema after) {
        return render(operation, before);
    }

    /**
     * For an operation rendered as several statements on a database that commits each DDL statement at once: for
     * each statement {@link #render(Operation, Schema, Schema)} gives, in the same order, the statements that undo
     * it alone, given that the ones before it ran. Run for the statements that ran, newest first, they undo a run
     * of the operation that stopped part-way (a failed or timed-out statement in its middle), so the database is
     * back before the operation. {@code null}, the default, when the dialect does not know them.
     */
    default List<List<String>> inverses(Operation operation, Schema before, Schema after) {
        return null;
    }

    /**
     * Whether {@link #render(Operation, Schema, Schema)} certainly renders {@code operation} (returns statements,
     * throws nothing), decided without writing them; {@code false} when not sure, the default. Validating a long
     * history renders every step that this does not vouch for ({@code ChainValidation}), and each step is rendered
     * again when it runs, so a {@code false} costs only time, while a {@code true} for a step that cannot be rendered
     * would hide the problem until the step runs: a dialect answers {@code true} only where it checks everything
     * its rendering could refuse. May throw where rendering would (the caller then renders).
     */
    default boolean certainlyRenders(Operation operation, Schema before, Schema after) {
        return false;
    }

    /**
     * How many operations, from {@code ops.get(start)} on, this dialect renders together as one change with
     * {@link #render(List, Schema, Schema)}: at least 1 (the operation alone, the default). SQLite rebuilds a
     * table once for a run of consecutive changes to it that need a rebuild, as Alembic's batch mode does.
     *
     * @param schemas the schema before each operation, then the one after the last ({@code ops.size() + 1})
     */
    default int together(List<Operation> ops, List<Schema> schemas, int start) {
        return 1;
    }

    /**
     * The statements of operations {@link #together} grouped, in order: one change from {@code before} (the
     * schema before the first) to {@code after} (the schema after the last).
     */
    default List<String> render(List<Operation> ops, Schema before, Schema after) {
        if (ops.size() != 1) {
            throw new UnsupportedOperationException(name() + " renders each operation on its own");
        }
        return render(ops.get(0), before, after);
    }

    /**
     * A column's type as this dialect writes it in DDL (its {@code columnDefinition}, or its logical type's):
     * what drift detection expects the database to report, once both are normalized.
     */
    String columnType(io.github.entitymigrations.schema.Column column);

    /** An identifier as this database needs it written: quoted when it is a keyword, mixed case or unusual. */
    String identifier(String name, boolean quoted);

    /**
     * Statements to run on the connection before a migration's transaction begins (SQLite turns
     * foreign-key enforcement off so tables can be rebuilt).
     */
    default List<String> beforeMigration() {
        return List.of();
    }

    /**
     * A query run inside the migration's transaction after its statements; any row it returns is an
     * integrity problem and rolls the migration back ({@code PRAGMA foreign_key_check} on SQLite), or
     * {@code null}.
     */
    default String integrityCheck() {
        return null;
    }

    /**
     * The {@link #integrityCheck()} of a migration that changed only {@code tables} (and of the tables that
     * reference them): each query, run in order, fails the migration with any row it returns. Empty when there is
     * nothing to check; the full check for a dialect that cannot narrow it.
     */
    default List<String> integrityCheck(List<io.github.entitymigrations.schema.Table> tables) {
        String all = integrityCheck();
        return all == null || tables.isEmpty() ? List.of() : List.of(all);
    }

    /**
     * The statements that make each following statement wait at most {@code timeout} ({@code "5s"}) for a lock:
     * a migration's {@code lockTimeout}. Empty for a database without such a setting (SQLite, whose busy timeout
     * is the runner's own lock timeout).
     *
     * @param inTransaction whether they run inside the migration's transaction (and end with it)
     */
    default List<String> lockTimeout(String timeout, boolean inTransaction) {
        return List.of();
    }

    /** Statements to run after the migration's transaction ends, committed or not. */
    default List<String> afterMigration() {
        return List.of();
    }
}
