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

    /**
     * The order of {@link #tables}, names that only a schema tells apart (a table {@code a.b} without a schema, and
     * {@code b} in schema {@code a}) by their {@link QualifiedName#key}: an {@link OrderedList} in this order is
     * taken as it is, without a copy (a replay takes the schema after every operation).
     */
    public static final Comparator<Table> TABLE_ORDER = Comparator.comparing(Table::qualifiedName)
            .thenComparing((java.util.function.Function<Table, String>) QualifiedName::key);
    /** The order of {@link #sequences}, as {@link #TABLE_ORDER}. */
    public static final Comparator<Sequence> SEQUENCE_ORDER = Comparator.comparing(Sequence::qualifiedName)
            .thenComparing((java.util.function.Function<Sequence, String>) QualifiedName::key);

    /** What {@link #tablesNamed} finds tables by: the name in lower case, as {@link QualifiedName#key} folds it. */
    public static final java.util.function.Function<Table, String> TABLE_NAME_KEY =
            t -> t.name().toLowerCase(java.util.Locale.ROOT);

    private static final Comparator<Table> BY_QUALIFIED_NAME = Comparator.comparing(Table::qualifiedName);
    private static final Comparator<Sequence> SEQUENCE_BY_QUALIFIED_NAME =
            Comparator.comparing(Sequence::qualifiedName);

    public Schema {
        tables = tables instanceof OrderedList<Table> o && o.order() == TABLE_ORDER ? o
                : sorted(tables, BY_QUALIFIED_NAME);
        sequences = sequences instanceof OrderedList<Sequence> o && o.order() == SEQUENCE_ORDER ? o
                : sorted(sequences, SEQUENCE_BY_QUALIFIED_NAME);
    }

    /**
     * The tables whose name is {@code name} ignoring case (as {@link QualifiedName#key} folds it), in order: the
     * only tables a name without a dot can be {@link QualifiedName#same} as. Found without reading every table when
     * the tables come from a replay ({@link OrderedList}).
     */
    public List<Table> tablesNamed(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (tables instanceof OrderedList<Table> o && o.indexKey() == TABLE_NAME_KEY) {
            return o.matching(lower);
        }
        return tables.stream().filter(t -> TABLE_NAME_KEY.apply(t).equals(lower)).toList();
    }

    /**
     * A sorted copy; a missing list (as in hand-written JSON) is an empty one. A list in order already (a replayed
     * schema's tables, copied for every operation of a run) is only copied.
     */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        if (items == null) {
            return List.of();
        }
        // Plain loops and List.copyOf (which keeps a list that is immutable already): records are built many times
        // over (every table of a snapshot, and of the schema after each operation of a replay), mostly cold.
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) {
                List<T> copy = new java.util.ArrayList<>(items);
                copy.sort(order);
                return List.copyOf(copy);
            }
        }
        return List.copyOf(items);
    }

    /** A required value, named in the error when it is missing (hand-written files). */
    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    /** As {@link #required(Object, String)}, the name {@code what} ends with joined only when it is missing. */
    static <T> T required(T value, String what, String of) {
        if (value == null) {
            throw new IllegalArgumentException(what + of + " is missing");
        }
        return value;
    }

}
