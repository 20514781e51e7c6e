package io.github.entitymigrations.schema;

/**
 * A sequence.
 *
 * @param schema    the database schema, or {@code null}
 * @param name      the sequence name exactly as Hibernate names it
 * @param start     the first value
 * @param increment the increment (Hibernate's allocation size)
 */
public record Sequence(String schema, String name, long start, long increment) {

    public Sequence {
        Schema.required(name, "a sequence's \"name\"");
    }

    public String qualifiedName() {
        return Schema.qualify(schema, name);
    }
}
