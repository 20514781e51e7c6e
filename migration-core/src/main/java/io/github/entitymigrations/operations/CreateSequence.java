package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Sequence;
import java.util.Objects;

/** Creates a sequence. */
public record CreateSequence(Sequence sequence) implements Operation {

    public CreateSequence {
        Require.present(sequence, "create_sequence", "sequence");
    }

    @Override
    public Operation reverse() {
        return new DropSequence(sequence);
    }

    @Override
    public void applyTo(SchemaState state) {
        state.putNewSequence(sequence);
    }

    @Override
    public String describe() {
        return "create sequence " + sequence.qualifiedName() + " start " + sequence.start() + " increment "
                + sequence.increment();
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CreateSequence o
                && Objects.equals(sequence, o.sequence);
    }
}
