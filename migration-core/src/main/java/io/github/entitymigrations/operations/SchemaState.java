package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /**
     * By key, so in the order {@link Schema} sorts them for unquoted lower-case names: {@link #toSchema()},
     * called for every operation of a run, then finds them sorted already instead of sorting them again.
     */
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();

    public SchemaState(Schema schema) {
        this.naming = schema.naming();
        // As a database holds them: without Java sources or rename hints.
        schema.tables().forEach(t -> tables.put(QualifiedName.key(t.schema(), t.name()), Tables.plain(t)));
        schema.sequences().forEach(s -> sequences.put(QualifiedName.key(s.schema(), s.name()), s));
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
        return new Schema(naming, new ArrayList<>(tables.values()), new ArrayList<>(sequences.values()));
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
    }

    void replaceTable(String schema, String name, Table table) {
        table(schema, name);
        tables.put(QualifiedName.key(schema, name), table);
    }

    void removeTable(String schema, String name) {
        table(schema, name);
        tables.remove(QualifiedName.key(schema, name));
    }

    /** Every table, for operations that must update references (renames). */
    List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /** Replaces all tables at once (used by renames). */
    void replaceAll(List<Table> replaced) {
        tables.clear();
        replaced.forEach(t -> tables.put(QualifiedName.key(t.schema(), t.name()), t));
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
    }

    void replaceSequence(Sequence s) {
        sequence(s.schema(), s.name());
        sequences.put(QualifiedName.key(s.schema(), s.name()), s);
    }

    void removeSequence(String schema, String name) {
        sequence(schema, name);
        sequences.remove(QualifiedName.key(schema, name));
    }

    /** The name for messages: {@link QualifiedName#display}. */
    static String qualified(String schema, String name) {
        return QualifiedName.display(schema, name);
    }
}
