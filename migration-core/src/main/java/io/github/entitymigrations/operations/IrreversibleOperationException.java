package io.github.entitymigrations.operations;

/** Thrown when a downgrade would have to pass through a step marked irreversible. */
public final class IrreversibleOperationException extends RuntimeException {

    private final transient Operation operation;

    public IrreversibleOperationException(Operation operation) {
        super("the step \"" + operation.describe() + "\" is marked irreversible: it has no downgrade");
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }
}
