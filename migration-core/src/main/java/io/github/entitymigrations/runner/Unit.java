package io.github.entitymigrations.runner;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Schema;
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
 *                      transaction), so a failure inside it leaves nothing of it; in an atomic step (which runs
 *                      every unit in its one transaction, and never reads this) always {@code true}
 * @param undoTransactional the same for its undo statements
 * @param batch         when the dialect renders several consecutive operations as one change (SQLite's one rebuild
 *                      of a table for several changes to it): all of them, {@code operation} first, numbered on from
 *                      {@code number}; otherwise empty
 * @param inverses      for a unit of several statements outside a transaction, each statement's own undo
 *                      ({@link io.github.entitymigrations.dialect.Dialect#inverses}), so that a run stopped in its
 *                      middle can be undone statement by statement; {@code null} when the dialect has none
 * @param after         with {@code inverses}: the schema just after the unit, which the live schema is read against
 *                      between its statements ({@link LiveState}); otherwise {@code null}
 */
public record Unit(int number, Operation operation, List<String> statements, List<String> undo, String noUndo,
                   boolean transactional, boolean undoTransactional, List<Operation> batch,
                   List<List<String>> inverses, Schema after) {

    public Unit {
        statements = List.copyOf(statements);
        undo = undo == null ? null : List.copyOf(undo);
        batch = List.copyOf(batch);
        if (inverses != null && inverses.size() != statements.size()) {
            throw new IllegalArgumentException("an inverse for each of the " + statements.size() + " statements of "
                    + operation.describe() + " expected, " + inverses.size() + " given");
        }
        inverses = inverses == null ? null : List.copyOf(inverses);
    }

    /** One operation rendered on its own. */
    public Unit(int number, Operation operation, List<String> statements, List<String> undo, String noUndo,
                boolean transactional, boolean undoTransactional) {
        this(number, operation, statements, undo, noUndo, transactional, undoTransactional, List.of(), null, null);
    }

    /**
     * Several consecutive operations rendered as one change, in a transaction with the rest of their step (batches
     * are made in atomic steps only, so {@code transactional} is {@code true}).
     */
    static Unit batch(int number, List<Operation> batch, List<String> statements) {
        return new Unit(number, batch.get(0), statements, null, null, true, false, batch, null, null);
    }

    /**
     * "step 3 (add column customer.phone varchar(30))", for messages; for a batch "steps 3 to 5, rendered as one
     * change (step 3: ...; step 4: ...; step 5: ...)".
     */
    public String describe() {
        if (batch.isEmpty()) {
            return "step " + number + " (" + operation.describe() + ")";
        }
        List<String> each = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            each.add("step " + (number + i) + ": " + batch.get(i).describe());
        }
        return "steps " + number + (batch.size() == 2 ? " and " : " to ") + (number + batch.size() - 1)
                + ", rendered as one change ("
                + String.join("; ", each) + ")";
    }
}
