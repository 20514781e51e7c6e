package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.OrderedList;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schema being replayed, operation by operation. Tables and sequences are matched by
 * {@link QualifiedName#key}, as SQL matches unquoted names, case-insensitively. Every operation that refers
 * to something missing (or creates something that exists) fails with {@link IllegalStateException}, naming it.
 */
public final class SchemaState {

    private final NamingStrategy naming;
    /** By key: every lookup and check of an operation. */
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, Sequence> sequences = new HashMap<>();
    /**
     * The same, in {@link Schema}'s order and shared with the schemas {@link #toSchema()} returned: an operation
     * copies a chunk of them, not all, so taking the schema after every operation of a long history stays cheap.
     */
    private OrderedList<Table> orderedTables;
    private OrderedList<Sequence> orderedSequences;
    /** How many foreign keys (of any table, itself included) reference each table key. */
    private final Map<String, Integer> references = new HashMap<>();

    public SchemaState(Schema schema) {
        this.naming = schema.naming();
        // As a database holds them: without Java sources or rename hints.
        schema.tables().forEach(t -> tables.put(QualifiedName.key(t.schema(), t.name()), Tables.plain(t)));
        schema.sequences().forEach(s -> sequences.put(QualifiedName.key(s.schema(), s.name()), s));
        tables.values().forEach(t -> count(t, 1));
        orderedTables = OrderedList.of(Schema.TABLE_ORDER, Schema.TABLE_NAME_KEY, List.copyOf(tables.values()));
        orderedSequences = OrderedList.of(Schema.SEQUENCE_ORDER, null, List.copyOf(sequences.values()));
    }

    /**
     * Whether {@code schema} is what {@code new SchemaState(schema).toSchema()} gives, tables and sequences alike: no
     * Java sources or rename hints, each name's key once, in {@link Schema}'s order. A differ that only reads such a
     * schema can take it as it is, without the copy.
     */
    public static boolean isReplayForm(Schema schema) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<Table> tables = schema.tables();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            if (Tables.plain(t) != t || !keys.add(QualifiedName.key(t.schema(), t.name()))
                    || i > 0 && Schema.TABLE_ORDER.compare(tables.get(i - 1), t) >= 0) {
                return false;
            }
        }
        keys.clear();
        List<Sequence> sequences = schema.sequences();
        for (int i = 0; i < sequences.size(); i++) {
            Sequence s = sequences.get(i);
            if (!keys.add(QualifiedName.key(s.schema(), s.name()))
                    || i > 0 && Schema.SEQUENCE_ORDER.compare(sequences.get(i - 1), s) >= 0) {
                return false;
            }
        }
        return true;
    }

    public static SchemaState empty() {
        return new SchemaState(new Schema(null, List.of(), List.of()));
    }

    /** Applies operations in order. */
    public SchemaState apply(List<? extends Operation> operations) {
        for (Operation op : operations) {
            op.applyTo(this);
        }
        return this;
    }

    public Schema toSchema() {
        return new Schema(naming, orderedTables, orderedSequences);
    }

    public boolean hasTable(String schema, String name) {
        return tables.containsKey(QualifiedName.key(schema, name));
    }

    public Table table(String schema, String name) {
        Table t = tables.get(QualifiedName.key(schema, name));
        if (t == null) {
            throw new IllegalStateException("there is no table " + qualified(schema, name));
        }
        return t;
    }

    void putNewTable(Table table) {
        if (tables.containsKey(QualifiedName.key(table.schema(), table.name()))) {
            throw new IllegalStateException("table " + table.qualifiedName() + " already exists");
        }
        tables.put(QualifiedName.key(table.schema(), table.name()), table);
        orderedTables = orderedTables.with(table);
        count(table, 1);
    }

    void replaceTable(String schema, String name, Table table) {
        Table old = table(schema, name);
        tables.put(QualifiedName.key(schema, name), table);
        orderedTables = orderedTables.without(old).with(table);
        count(old, -1);
        count(table, 1);
    }

    void removeTable(String schema, String name) {
        Table old = table(schema, name);
        tables.remove(QualifiedName.key(schema, name));
        orderedTables = orderedTables.without(old);
        count(old, -1);
    }

    /** Every table, for operations that must update references (renames). */
    List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** Replaces all tables at once (used by renames). */
    void replaceAll(List<Table> replaced) {
        tables.clear();
        references.clear();
        replaced.forEach(t -> {
            tables.put(QualifiedName.key(t.schema(), t.name()), t);
            count(t, 1);
        });
        orderedTables = OrderedList.of(Schema.TABLE_ORDER, Schema.TABLE_NAME_KEY, List.copyOf(tables.values()));
    }

    /** How many foreign keys of all tables (the table itself included) reference the table with key {@code key}. */
    int foreignKeysReferencing(String key) {
        return references.getOrDefault(key, 0);
    }

    private void count(Table t, int delta) {
        for (ForeignKey f : t.foreignKeys()) {
            references.merge(QualifiedName.referencedKey(f), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    Sequence sequence(String schema, String name) {
        Sequence s = sequences.get(QualifiedName.key(schema, name));
        if (s == null) {
            throw new IllegalStateException("there is no sequence " + qualified(schema, name));
        }
        return s;
    }

    void putNewSequence(Sequence s) {
        if (sequences.containsKey(QualifiedName.key(s.schema(), s.name()))) {
            throw new IllegalStateException("sequence " + s.qualifiedName() + " already exists");
        }
        sequences.put(QualifiedName.key(s.schema(), s.name()), s);
        orderedSequences = orderedSequences.with(s);
    }

    void replaceSequence(Sequence s) {
        Sequence old = sequence(s.schema(), s.name());
        sequences.put(QualifiedName.key(s.schema(), s.name()), s);
        orderedSequences = orderedSequences.without(old).with(s);
    }

    void removeSequence(String schema, String name) {
        Sequence old = sequence(schema, name);
        sequences.remove(QualifiedName.key(schema, name));
        orderedSequences = orderedSequences.without(old);
    }

    /** The name for messages: {@link QualifiedName#display}. */
    static String qualified(String schema, String name) {
        return QualifiedName.display(schema, name);
    }
}
