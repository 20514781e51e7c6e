package io.github.entitymigrations.introspect;

import io.github.entitymigrations.introspect.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares the objects the migrations produce with those the database has, one difference per missing or
 * extra object and per differing property. A table on one side only is one difference: its columns, keys and
 * indexes are not listed again.
 */
public final class DriftComparison {

    private DriftComparison() {
    }

    /** Every difference, ordered by table, then kind, then name: deterministic output. */
    public static List<Difference> compare(List<SchemaObject> expected, List<SchemaObject> actual) {
        Map<String, SchemaObject> migrations = byKey(expected);
        Map<String, SchemaObject> database = byKey(actual);
        Set<String> onlyInDatabase = tables(actual);
        onlyInDatabase.removeAll(tables(expected));
        Set<String> onlyInMigrations = tables(expected);
        onlyInMigrations.removeAll(tables(actual));
        List<Difference> differences = new ArrayList<>();
        for (SchemaObject m : migrations.values()) {
            SchemaObject d = database.get(m.key());
            if (d == null) {
                if (m.table() == null || !onlyInMigrations.contains(m.table())) {
                    differences.add(missing(m));
                }
            } else {
                differences.addAll(changed(m, d));
            }
        }
        for (SchemaObject d : database.values()) {
            if (!migrations.containsKey(d.key()) && (d.table() == null || !onlyInDatabase.contains(d.table()))) {
                differences.add(extra(d));
            }
        }
        differences.sort(java.util.Comparator.comparing(DriftComparison::sortKey));
        return List.copyOf(differences);
    }

    private static String sortKey(Difference d) {
        return (d.table() == null ? d.object() : d.table()) + " " + (d.table() == null ? 0 : 1) + " " + d.kind()
                + " " + d.object() + " " + d.message();
    }

    private static Difference missing(SchemaObject m) {
        return new Difference(m.kind().word(), m.object(), m.table(), m.described(), null,
                m.described() + " is in the migrations but not in the database");
    }

    private static Difference extra(SchemaObject d) {
        String hint = d.kind() == Kind.TABLE ? " (created by hand, or by Hibernate's ddl-auto=update?)" : "";
        return new Difference(d.kind().word(), d.object(), d.table(), null, d.described(),
                d.described() + " is in the database but not in the migrations" + hint);
    }

    /** A property both sides know and disagree on; one left out by either side is not compared. */
    private static List<Difference> changed(SchemaObject m, SchemaObject d) {
        List<Difference> differences = new ArrayList<>();
        m.properties().forEach((property, expected) -> {
            String actual = d.properties().get(property);
            if (actual != null && !Objects.equals(expected, actual)) {
                differences.add(new Difference(m.kind().word(), m.object(), m.table(), expected, actual,
                        m.label() + ": " + property + " " + actual + " in the database, " + expected
                                + " in the migrations"));
            }
        });
        return differences;
    }

    private static Map<String, SchemaObject> byKey(List<SchemaObject> objects) {
        return objects.stream().collect(Collectors.toMap(SchemaObject::key, o -> o, (a, b) -> a, TreeMap::new));
    }

    private static Set<String> tables(List<SchemaObject> objects) {
        return objects.stream().filter(o -> o.kind() == Kind.TABLE).map(SchemaObject::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
