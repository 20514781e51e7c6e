package io.github.entitymigrations.runner;

import io.github.entitymigrations.operations.Operation;
import java.util.List;

/**
 * One operation of a {@link Step} with its SQL: what runs, and what undoes it should a later operation of the
 * same migration fail on a database that cannot roll DDL back.
 *
 * @param number        the operation's place in its step list (1 = first), as messages and lint count them
 * @param operation     the operation (for a downgrade: the reverted one)
 * @param statements    the statements that perform it, in order
 * @param undo          the statements of its reverse, rendered against the schema just after it; {@code null}
 *                      when it has none (a {@code sql} step without a downgrade for this database, one marked
 *                      irreversible) or when the run cannot need them (planned for a transaction)
 * @param noUndo        why {@code undo} is {@code null} (for messages), or {@code null}
 * @param transactional whether the unit runs in a transaction of its own when the step is not {@link
 *                      Step#atomic()}: data statements only (or, on PostgreSQL, nothing that must run outside a
 *                      transaction), so a failure inside it leaves nothing of it
 * @param undoTransactional the same for its undo statements
 */
public record Unit(int number, Operation operation, List<String> statements, List<String> undo, String noUndo,
                   boolean transactional, boolean undoTransactional) {

    public Unit {
        statements = List.copyOf(statements);
        undo = undo == null ? null : List.copyOf(undo);
    }

    /** "step 3 (add column customer.phone varchar(30))", for messages. */
    public String describe() {
        return "step " + number + " (" + operation.describe() + ")";
    }
}
