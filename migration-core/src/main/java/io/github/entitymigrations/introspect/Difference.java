package io.github.entitymigrations.introspect;

/**
 * One way the live database differs from the schema its applied migrations produce.
 *
 * @param kind     the object's kind in check's words: {@code column}, {@code index}, {@code table}, ...
 * @param object   the object: {@code orders.note} for a column, the name otherwise
 * @param table    its table, or {@code null} for a table or sequence
 * @param expected what the migrations say (the object, or the differing property's value), {@code null} when
 *                 they do not have it
 * @param actual   what the database has, {@code null} when it does not have it
 * @param message  the whole difference as one sentence
 */
public record Difference(String kind, String object, String table, String expected, String actual,
                         String message) {

    @Override
    public String toString() {
        return message;
    }
}
