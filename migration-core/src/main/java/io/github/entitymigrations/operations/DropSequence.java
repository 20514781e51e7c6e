package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Sequence;
import java.util.Objects;

/** Drops a sequence; keeps its definition for the downgrade (its current value is lost). */
public record DropSequence(Sequence sequence) implements Operation {

    public DropSequence {
        Require.present(sequence, "drop_sequence", "sequence");
    }

    @Override
    public Operation reverse() {
        return new CreateSequence(sequence);
    }

    @Override
    public void applyTo(SchemaState state) {
        state.removeSequence(sequence.schema(), sequence.name());
    }

    @Override
    public String describe() {
        return "drop sequence " + sequence.qualifiedName();
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DropSequence o
                && Objects.equals(sequence, o.sequence);
    }
}
