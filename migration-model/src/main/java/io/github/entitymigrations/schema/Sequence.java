package io.github.entitymigrations.schema;

import java.util.Objects;

/**
 * A sequence.
 *
 * @param schema    the database schema, or {@code null}
 * @param name      the sequence name exactly as Hibernate names it
 * @param start     the first value
 * @param increment the increment (Hibernate's allocation size)
 * @param quoted    the mapping quotes the name (or Hibernate's quoting settings do), so it is case-sensitive
 */
public record Sequence(String schema, String name, long start, long increment, boolean quoted) {

    public Sequence {
        Schema.required(name, "a sequence's \"name\"");
    }

    /** An unquoted sequence. */
    public Sequence(String schema, String name, long start, long increment) {
        this(schema, name, start, increment, false);
    }

    public String qualifiedName() {
        return QualifiedName.display(schema, name);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Sequence o)) {
            return false;
        }
        return Objects.equals(schema, o.schema)
                && Objects.equals(name, o.name)
                && start == o.start
                && increment == o.increment
                && quoted == o.quoted;
    }
}
