package io.github.entitymigrations.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema reduced to what the reference test compares, so Hibernate's mapping model and our
 * snapshot can be put side by side: per table, one item per column, key and constraint, each keyed
 * by what identifies it (a column name, a set of columns) and carrying what must be equal.
 *
 * <p>Constraint names take part only where the mapping gives one: Hibernate's generated names
 * ({@code FK...}, {@code UK...}) are hashes we deliberately do not reproduce, so an item's
 * {@code name} is compared only when the Hibernate side has one.
 */
final class NormalizedSchema {

    /**
     * One comparable fact. {@code name} is an explicit constraint name, or {@code null}; {@code note}
     * is shown in the dump only (for example the PostgreSQL type Hibernate renders) and never compared.
     */
    record Item(String value, String name, String note) {

        String describe() {
            String text = value == null ? "" : value;
            if (name != null) {
                text = text.isEmpty() ? "named " + name : text + " named " + name;
            }
            return text;
        }
    }

    /** Item kinds, in dump order. */
    private static final List<String> KINDS = List.of("table", "column", "primary key", "unique", "index",
            "foreign key", "check");

    private static final Comparator<String> ITEM_ORDER = Comparator
            .comparingInt(NormalizedSchema::kindRank)
            .thenComparing(Comparator.naturalOrder());

    /** Hibernate's default fractional-seconds precision for TIME and TIMESTAMP types (all dialects we target). */
    static final int DEFAULT_FRACTIONAL_SECONDS = 6;

    private final SortedMap<String, SortedMap<String, Item>> tables = new TreeMap<>();
    private final SortedMap<String, Item> sequences = new TreeMap<>();

    /**
     * A logical column type as both sides are compared: the {@code SqlTypes} constant name, with a
     * length for character and binary types, precision and scale for exact numerics, the precision
     * for FLOAT (24 for {@code float}, 53 for {@code double}: Hibernate gives both the FLOAT code),
     * and a fractional-seconds precision only where it differs from the default (6). Other sizes
     * are not compared: LOB lengths (Hibernate's default 255) change nothing on PostgreSQL, and
     * Hibernate reports a length of 0 for order columns.
     */
    static String columnType(String name, Long length, Integer precision, Integer scale) {
        return switch (name) {
            case "CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "LONGVARCHAR", "LONGNVARCHAR", "LONG32VARCHAR",
                 "LONG32NVARCHAR", "BINARY", "VARBINARY", "LONGVARBINARY", "LONG32VARBINARY" ->
                    length == null ? name : name + "(" + length + ")";
            case "NUMERIC", "DECIMAL" -> precision == null ? name
                    : name + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
            case "FLOAT" -> precision == null ? name : name + "(" + precision + ")";
            case "TIME", "TIME_WITH_TIMEZONE", "TIME_UTC", "TIMESTAMP", "TIMESTAMP_WITH_TIMEZONE", "TIMESTAMP_UTC" ->
                    precision == null || precision == DEFAULT_FRACTIONAL_SECONDS ? name : name + "(" + precision + ")";
            default -> name;
        };
    }

    /** A column's compared facts, in one line. */
    static String column(String type, boolean nullable, boolean identity, String defaultValue,
                         String columnDefinition, boolean quoted) {
        StringBuilder out = new StringBuilder(type);
        out.append(nullable ? " null" : " not null");
        if (identity) {
            out.append(" identity");
        }
        if (defaultValue != null) {
            out.append(" default ").append(defaultValue);
        }
        if (columnDefinition != null) {
            out.append(" columnDefinition '").append(columnDefinition).append('\'');
        }
        if (quoted) {
            out.append(" quoted");
        }
        return out.toString();
    }

    /** A sequence's compared facts, in one line. */
    static String sequence(long start, long increment, boolean quoted) {
        return "start " + start + " increment " + increment + (quoted ? " quoted" : "");
    }

    /** A foreign key's item key and value: column pairs ordered by the local column. */
    static String[] foreignKey(List<String> columns, String referencedTable, List<String> referencedColumns,
                               String onDelete) {
        SortedMap<String, String> pairs = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            pairs.put(columns.get(i), i < referencedColumns.size() ? referencedColumns.get(i) : "?");
        }
        return new String[] {
                "foreign key " + list(List.copyOf(pairs.keySet())),
                "references " + referencedTable + " " + list(List.copyOf(pairs.values())) + " on delete "
                        + (onDelete == null ? "NO_ACTION" : onDelete)
        };
    }

    static String qualify(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    static String set(Collection<String> names) {
        return list(List.copyOf(new TreeSet<>(names)));
    }

    private static int kindRank(String key) {
        for (int i = KINDS.size() - 1; i >= 0; i--) {
            if (key.startsWith(KINDS.get(i))) {
                return i;
            }
        }
        return KINDS.size();
    }

    void addTable(String table, String description) {
        tables.computeIfAbsent(table, t -> new TreeMap<>(ITEM_ORDER)).put("table", new Item(description, null, null));
    }

    void add(String table, String key, String value, String name) {
        add(table, key, value, name, null);
    }

    void add(String table, String key, String value, String name, String note) {
        SortedMap<String, Item> items = tables.get(table);
        if (items == null) {
            throw new IllegalStateException("add the table before its items: " + table);
        }
        Item item = new Item(value, name, note);
        Item previous = items.putIfAbsent(key, item);
        // Two constraints on the same columns (a unique key and a unique column, say): one item,
        // keeping the explicit name if either has one.
        if (previous != null && previous.name() == null && name != null) {
            items.put(key, item);
        }
    }

    void addSequence(String sequence, String value) {
        sequences.put(sequence, new Item(value, null, null));
    }

    boolean hasTable(String table) {
        return tables.containsKey(table);
    }

    Map<String, Item> items(String table) {
        return tables.get(table);
    }

    /** One line per table, column, key, constraint and sequence. */
    String dump() {
        StringBuilder out = new StringBuilder();
        tables.forEach((table, items) -> {
            out.append("table ").append(table);
            String description = items.get("table").describe();
            out.append(description.isEmpty() ? "" : " (" + description + ")").append('\n');
            items.forEach((key, item) -> {
                if (!key.equals("table")) {
                    String text = item.describe();
                    out.append("  ").append(key).append(text.isEmpty() ? "" : ": " + text);
                    out.append(item.note() == null ? "" : "    -- " + item.note()).append('\n');
                }
            });
        });
        sequences.forEach((name, item) -> out.append("sequence ").append(name).append(": ")
                .append(item.describe()).append('\n'));
        return out.toString();
    }

    /** Every difference between this (Hibernate's) schema and {@code snapshot}, one readable line each. */
    List<String> differences(NormalizedSchema snapshot) {
        List<String> out = new ArrayList<>();
        for (var entry : tables.entrySet()) {
            String table = entry.getKey();
            SortedMap<String, Item> theirs = snapshot.tables.get(table);
            if (theirs == null) {
                out.add("missing table " + table + " (hibernate has " + columnCount(entry.getValue()) + " columns)");
                continue;
            }
            compareItems("table " + table, entry.getValue(), theirs, out);
        }
        for (String table : snapshot.tables.keySet()) {
            if (!tables.containsKey(table)) {
                out.add("extra table " + table + " (snapshot has " + columnCount(snapshot.tables.get(table))
                        + " columns, hibernate has no such table)");
            }
        }
        compareItems("sequences", sequences, snapshot.sequences, out);
        return out;
    }

    private static long columnCount(Map<String, Item> items) {
        return items.keySet().stream().filter(k -> k.startsWith("column ")).count();
    }

    private static void compareItems(String where, Map<String, Item> hibernate, Map<String, Item> snapshot,
                                     List<String> out) {
        for (var entry : hibernate.entrySet()) {
            String key = entry.getKey();
            Item expected = entry.getValue();
            Item actual = snapshot.get(key);
            String label = key.equals("table") ? where : where + " " + key;
            if (actual == null) {
                out.add(where + ": missing " + key + describeSide(" (hibernate ", expected));
            } else if (!Objects.equals(expected.value(), actual.value())
                    || (expected.name() != null && !expected.name().equals(actual.name()))) {
                out.add(label + ": hibernate " + quoteEmpty(expected.describe()) + ", snapshot "
                        + quoteEmpty(actual.describe()));
            }
        }
        for (var entry : snapshot.entrySet()) {
            if (!hibernate.containsKey(entry.getKey())) {
                out.add(where + ": extra " + entry.getKey() + describeSide(" (snapshot ", entry.getValue()));
            }
        }
    }

    private static String describeSide(String prefix, Item item) {
        String text = item.describe();
        return text.isEmpty() ? "" : prefix + text + ")";
    }

    private static String quoteEmpty(String text) {
        return text.isEmpty() ? "(nothing)" : text;
    }
}
