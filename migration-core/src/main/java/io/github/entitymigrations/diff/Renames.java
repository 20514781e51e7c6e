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
 * (or column) with the old one it names. A hint naming nothing is ignored (it is stale once the rename has been
 * applied: the old name is gone and the new one is matched by name). A hint on a new table (or column) naming an
 * old one whose name the entities still map is refused: either the old one was renamed and a new one took its name
 * in the same change, or the hint is left over (copied with the class or field): each reading keeps the rows in a
 * different table (or column), and nothing in the model says which.
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
        Map<String, Table> untaken = new LinkedHashMap<>();
        from.tables().forEach(t -> untaken.put(QualifiedName.key(t.schema(), t.name()), t));
        Set<String> inFrom = new HashSet<>(untaken.keySet());
        Set<String> inTo = new HashSet<>();
        to.tables().forEach(t -> inTo.add(QualifiedName.key(t.schema(), t.name())));
        for (Table t : candidates) {
            if (inFrom.contains(QualifiedName.key(t.schema(), t.name()))) {
                String old = QualifiedName.key(t.schema(), t.renamedFrom());
                if (inFrom.contains(old) && !inTo.contains(old)) {
                    throw ambiguous(t);
                }
                continue;
            }
            String oldKey = QualifiedName.key(t.schema(), t.renamedFrom());
            if (inFrom.contains(oldKey) && inTo.contains(oldKey)) {
                throw stillMapped(t);
            }
            Table old = untaken.remove(oldKey);
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

    /**
     * A new table whose hint names a table the migrations have and the entities still map: renamed, and a new table
     * made under the old name in the same change, or a hint left over (copied with the class, say).
     */
    private static MigrationException stillMapped(Table t) {
        String name = qualified(t.schema(), t.name());
        String old = qualified(t.schema(), t.renamedFrom());
        return new MigrationException("Table " + name + " is new and says @RenamedFrom(\"" + t.renamedFrom()
                + "\"), but an entity still maps " + old + ": either " + old + " was renamed to " + name + " and a new "
                + old + " made in the same change (its rows go to " + name + "), or the hint is left over, copied with "
                + "the class (" + old + " keeps its rows, " + name + " starts empty). Nothing in the model says which. "
                + "If the hint is left over, remove @RenamedFrom(\"" + t.renamedFrom() + "\"). To rename and make a "
                + "new " + old + ", do it in two migrations: generate with the new entity of " + old + " left out (it "
                + "renames), then with it (it creates " + old + ")");
    }

    /** The same for a column of a table on both sides. */
    private static MigrationException stillMapped(Table t, Column c) {
        String name = qualified(t.schema(), t.name());
        return new MigrationException("Column " + name + "." + c.name() + " is new and says @RenamedFrom(\""
                + c.renamedFrom() + "\"), but an attribute still maps " + name + "." + c.renamedFrom() + ": either "
                + c.renamedFrom() + " was renamed to " + c.name() + " and a new " + c.renamedFrom() + " made in the "
                + "same change (its values go to " + c.name() + "), or the hint is left over, copied with the field ("
                + c.renamedFrom() + " keeps its values, " + c.name() + " starts empty). Nothing in the model says "
                + "which. If the hint is left over, remove @RenamedFrom(\"" + c.renamedFrom() + "\"). To rename and "
                + "make a new " + c.renamedFrom() + ", do it in two migrations: generate with the new attribute of "
                + c.renamedFrom() + " left out (it renames), then with it (it adds the column)");
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
                if (previous != null && t.column(previous.name()) != null) {
                    throw stillMapped(t, c);
                }
                if (previous != null && !taken.contains(Keys.lower(previous.name()))) {
                    taken.add(Keys.lower(previous.name()));
                    result.add(new RenameColumn(old.schema(), old.name(), previous.name(), c.name()));
                }
            }
        }
        return result;
    }
}
