package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Sequence;
import java.util.Objects;

/** Changes a sequence's increment (and its declared start); {@code from} is the sequence before. */
public record AlterSequence(Sequence from, Sequence to) implements Operation {

    public AlterSequence {
        Require.present(from, "alter_sequence", "from");
        Require.present(to, "alter_sequence", "to");
        if (!QualifiedName.key(from).equals(QualifiedName.key(to))) {
            throw new IllegalArgumentException("alter_sequence cannot rename " + from.qualifiedName());
        }
    }

    @Override
    public Operation reverse() {
        return new AlterSequence(to, from);
    }

    @Override
    public void applyTo(SchemaState state) {
        Sequence current = state.sequence(from.schema(), from.name());
        if (!current.equals(from)) {
            throw new IllegalStateException("sequence " + from.qualifiedName() + " is " + current
                    + ", but this step expects " + from);
        }
        state.replaceSequence(to);
    }

    @Override
    public String describe() {
        return "alter sequence " + from.qualifiedName() + ": start " + from.start() + " -> " + to.start()
                + ", increment " + from.increment() + " -> " + to.increment();
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AlterSequence o
                && Objects.equals(from, o.from)
                && Objects.equals(to, o.to);
    }
}
