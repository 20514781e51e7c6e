package io.github.entitymigrations.runner;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row in each table of a generated schema ({@link RandomMigrationsOnDatabasesTest}), and the tables' row counts.
 * Every value of a type is the same literal, so a foreign key column holds its referenced key's value: a table goes
 * after the tables its NOT NULL foreign keys reference (a nullable one is left null), and one whose references
 * cannot be met stays empty.
 */
final class Rows {

    private Rows() {
    }

    /** Inserts the rows; the count of each table of {@code schema}, by lower-case name. */
    static Map<String, Long> insertOneEach(TestDatabase db, Schema schema) throws SQLException {
        List<Table> left = new ArrayList<>(schema.tables());
        List<String> filled = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Table t : List.copyOf(left)) {
                if (requiredReferencesMet(t, filled)) {
                    db.execute(insert(db.kind(), t));
                    filled.add(key(t.name()));
                    left.remove(t);
                    progress = true;
                }
            }
        }
        return count(db, schema);
    }

    /** The row count of each table of {@code schema}, by lower-case name. */
    static Map<String, Long> count(TestDatabase db, Schema schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (Table t : schema.tables()) {
            counts.put(key(t.name()), Long.parseLong(db.query("select count(*) from " + t.name()).get(0)));
        }
        return counts;
    }

    /**
     * The counts {@code changed}'s tables should have after a change from the tables counted in {@code before}: a
     * table's own count, or that of the table it was renamed from; a new table none.
     */
    static Map<String, Long> kept(Map<String, Long> before, Schema changed) {
        Map<String, Long> counts = new TreeMap<>();
        for (Table t : changed.tables()) {
            Long own = before.get(key(t.name()));
            Long renamed = t.renamedFrom() == null ? null : before.get(key(t.renamedFrom()));
            counts.put(key(t.name()), own != null ? own : renamed != null ? renamed : 0L);
        }
        return counts;
    }

    private static boolean requiredReferencesMet(Table t, List<String> filled) {
        for (ForeignKey f : t.foreignKeys()) {
            boolean required = f.columns().stream().anyMatch(c -> !t.column(c).nullable());
            if (required && !key(f.referencedTable()).equals(key(t.name()))
                    && !filled.contains(key(f.referencedTable()))) {
                return false;
            }
        }
        return true;
    }

    private static String insert(Kind kind, Table t) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : t.columns()) {
            boolean reference = t.foreignKeys().stream().anyMatch(f -> f.columns().stream()
                    .anyMatch(c.name()::equalsIgnoreCase));
            names.add(c.name());
            values.add(reference && c.nullable() ? "null" : literal(kind, c));
        }
        return "insert into " + t.name() + " (" + String.join(", ", names) + ") values (" + String.join(", ", values)
                + ")";
    }

    /** The one value of each type: it fits every check the generator keeps ({@code in ('A', ...)}, 0 to 3). */
    private static String literal(Kind kind, Column c) {
        return switch (c.type().name()) {
            case "INTEGER", "BIGINT", "SMALLINT", "NUMERIC" -> "1";
            case "VARCHAR", "CHAR" -> "'A'";
            case "CLOB" -> kind == Kind.POSTGRESQL ? "0" : "'A'"; // an oid there
            case "BOOLEAN" -> kind == Kind.POSTGRESQL ? "true" : "1";
            case "TIMESTAMP" -> "'2024-01-02 03:04:05'";
            case "UUID" -> kind == Kind.POSTGRESQL ? "'00000000-0000-0000-0000-000000000001'"
                    : "x'00000000000000000000000000000001'";
            default -> throw new IllegalArgumentException("no value for " + c);
        };
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
