package io.github.entitymigrations.diff;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renames come only from {@code @RenamedFrom} hints, never from look-alikes: a hint pairs a new table
 * (or column) with an old one that is otherwise unmatched. A hint naming nothing, or something still
 * in use, is ignored (it is stale once the rename has been applied).
 */
final class Renames {

    private Renames() {
    }

    static List<Operation> tables(Schema from, Schema to) {
        List<Operation> result = new ArrayList<>();
        // Only the tables with a hint, in name order (most schemas have none: nothing to do).
        List<Table> candidates = new ArrayList<>();
        for (Table t : to.tables()) {
            if (t.renamedFrom() != null) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return result;
        }
        candidates.sort(Comparator.comparing(Table::qualifiedName));
        Map<String, Table> unmatchedFrom = new LinkedHashMap<>();
        from.tables().forEach(t -> unmatchedFrom.put(QualifiedName.key(t.schema(), t.name()), t));
        Set<String> inFrom = new HashSet<>(unmatchedFrom.keySet());
        Set<String> inTo = new HashSet<>();
        to.tables().forEach(t -> inTo.add(QualifiedName.key(t.schema(), t.name())));
        inTo.forEach(unmatchedFrom::remove);
        for (Table t : candidates) {
            if (inFrom.contains(QualifiedName.key(t.schema(), t.name()))) {
                String old = QualifiedName.key(t.schema(), t.renamedFrom());
                if (inFrom.contains(old) && !inTo.contains(old)) {
                    throw ambiguous(t);
                }
                continue;
            }
            Table old = unmatchedFrom.remove(QualifiedName.key(t.schema(), t.renamedFrom()));
            if (old != null) {
                result.add(new RenameTable(old.schema(), old.name(), t.name()));
            }
        }
        return result;
    }

    /**
     * A table renamed onto the name of a table the migrations have and the entities no longer map: either the
     * rename is meant (the old table of that name goes, the renamed one takes its place) or the hint is left over
     * from a rename already made (the table of that name stays, the other goes). Each loses a table with its rows,
     * a different one; nothing in the model says which.
     */
    private static MigrationException ambiguous(Table t) {
        String name = qualified(t.schema(), t.name());
        String old = qualified(t.schema(), t.renamedFrom());
        return new MigrationException("Table " + name + " says @RenamedFrom(\"" + t.renamedFrom() + "\"), and the "
                + "migrations have both " + name + " and " + old + ", which no entity maps any more: renaming " + old
                + " would first drop the " + name + " they have, ignoring the hint would drop " + old
                + ", each with its rows. Say which, in two migrations: to rename, map the entity to " + old
                + " again for one generate (it drops the old " + name + "), then back to " + name + " (it renames); "
                + "if the hint is left over from a rename already made, remove @RenamedFrom(\"" + t.renamedFrom()
                + "\") (" + old + " is then dropped)");
    }

    private static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    /** Column renames of tables present on both sides (after table renames). */
    static List<Operation> columns(Schema from, Schema to) {
        Map<String, Table> fromTables = new LinkedHashMap<>();
        from.tables().forEach(t -> fromTables.put(QualifiedName.key(t.schema(), t.name()), t));
        List<Operation> result = new ArrayList<>();
        for (Table t : to.tables()) {
            Table old = fromTables.get(QualifiedName.key(t.schema(), t.name()));
            if (old == null) {
                continue;
            }
            List<String> taken = new ArrayList<>();
            for (Column c : t.columns()) {
                if (c.renamedFrom() == null || old.column(c.name()) != null) {
                    continue;
                }
                Column previous = old.column(c.renamedFrom());
                if (previous != null && t.column(previous.name()) == null && !taken.contains(Keys.lower(previous.name()))) {
                    taken.add(Keys.lower(previous.name()));
                    result.add(new RenameColumn(old.schema(), old.name(), previous.name(), c.name()));
                }
            }
        }
        return result;
    }
}
