package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Sequence;

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
}
