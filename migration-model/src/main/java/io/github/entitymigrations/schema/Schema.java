package io.github.entitymigrations.schema;

import java.util.Comparator;
import java.util.List;

/**
 * A dialect-neutral database schema: what the entities need, or what a chain of migrations
 * produces. Immutable; lists are kept in a canonical order so equal schemas serialize to equal bytes.
 *
 * @param naming    the naming strategy the snapshot was made with; {@code null} for a schema replayed from migrations
 * @param tables    tables, sorted by schema then name
 * @param sequences sequences, sorted by schema then name
 * @param hibernate the Hibernate version whose schema the processor followed ({@code 6.6}, {@code 7.2},
 *                  {@code 7.4}); {@code null} for a schema replayed from migrations, and for a snapshot
 *                  written before the processor recorded it (those followed 6.6)
 */
public record Schema(NamingStrategy naming, List<Table> tables, List<Sequence> sequences, String hibernate) {

    /** The snapshot format this code reads and writes. */
    public static final int FORMAT = 1;

    /** A schema that records no Hibernate version (replayed from migrations, or built by hand). */
    public Schema(NamingStrategy naming, List<Table> tables, List<Sequence> sequences) {
        this(naming, tables, sequences, null);
    }

    public Schema {
        tables = sorted(tables, Comparator.comparing(Table::qualifiedName));
        sequences = sorted(sequences, Comparator.comparing(Sequence::qualifiedName));
    }

    /**
     * A sorted copy; a missing list (as in hand-written JSON) is an empty one. A list in order already (a replayed
     * schema's tables, copied for every operation of a run) is only copied.
     */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        if (items == null) {
            return List.of();
        }
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) {
                return items.stream().sorted(order).toList();
            }
        }
        return items.stream().toList();
    }

    /** A required value, named in the error when it is missing (hand-written files). */
    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

}
