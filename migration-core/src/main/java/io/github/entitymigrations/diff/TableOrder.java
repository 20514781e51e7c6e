package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders tables so that every table comes after the tables it references (for creation; reversed for
 * dropping). Where foreign keys form a cycle, the cycle is broken at the first table by name: the
 * foreign keys that close it are returned separately, to be added after (or dropped before) the tables.
 */
final class TableOrder {

    /** Tables in dependency order, and the foreign keys left out of them to break cycles. */
    record Result(List<Table> tables, Map<Table, List<ForeignKey>> deferred) {
    }

    private TableOrder() {
    }

    static Result referencedFirst(List<Table> tables) {
        Map<String, Table> remaining = new LinkedHashMap<>();
        tables.stream().sorted(Comparator.comparing(Table::qualifiedName))
                .forEach(t -> remaining.put(QualifiedName.key(t.schema(), t.name()), t));
        List<Table> ordered = new ArrayList<>();
        Map<Table, List<ForeignKey>> deferred = new LinkedHashMap<>();
        while (!remaining.isEmpty()) {
            Table ready = null;
            for (Table t : remaining.values()) {
                if (dependencies(t, remaining).isEmpty()) {
                    ready = t;
                    break;
                }
            }
            if (ready == null) {
                // A cycle: take the first table and hold back its references to the tables still waiting.
                Table first = remaining.values().iterator().next();
                List<ForeignKey> held = dependencies(first, remaining);
                List<ForeignKey> kept = new ArrayList<>(first.foreignKeys());
                kept.removeAll(held);
                ready = new Table(first.schema(), first.name(), first.quoted(), first.renamedFrom(), first.sources(),
                        first.columns(), first.primaryKey(), first.uniques(), first.indexes(), first.checks(), kept);
                deferred.put(ready, held);
            }
            remaining.remove(QualifiedName.key(ready.schema(), ready.name()));
            ordered.add(ready);
        }
        return new Result(ordered, deferred);
    }

    /** The foreign keys of {@code t} to other tables still in {@code remaining}. */
    private static List<ForeignKey> dependencies(Table t, Map<String, Table> remaining) {
        String self = QualifiedName.key(t.schema(), t.name());
        return t.foreignKeys().stream().filter(fk -> {
            String target = QualifiedName.key(fk.referencedSchema(), fk.referencedTable());
            return !target.equals(self) && remaining.containsKey(target);
        }).toList();
    }
}
