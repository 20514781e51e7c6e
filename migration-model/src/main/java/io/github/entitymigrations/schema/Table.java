package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table with everything that belongs to it.
 *
 * @param schema      the database schema, or {@code null} for the connection's default
 * @param name        the table name exactly as Hibernate names it
 * @param quoted      the mapping quotes the name, so it is case-sensitive in every dialect
 * @param renamedFrom the previous name from {@code @RenamedFrom}, or {@code null}
 * @param sources     the Java types mapped to this table (for messages), sorted
 * @param columns     primary-key columns first (in key order), then the others by name
 */
public record Table(String schema, String name, boolean quoted, String renamedFrom, List<String> sources,
                    List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<CheckConstraint> checks, List<ForeignKey> foreignKeys) {

    public Table {
        Schema.required(name, "a table's \"name\"");
        sources = Schema.sorted(sources, Comparator.naturalOrder());
        columns = canonicalColumnOrder(columns, primaryKey);
        uniques = Schema.sorted(uniques, Comparator.comparing(UniqueConstraint::name));
        indexes = Schema.sorted(indexes, Comparator.comparing(Index::name));
        checks = Schema.sorted(checks, Comparator.comparing(CheckConstraint::name));
        foreignKeys = Schema.sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
    }

    public String qualifiedName() {
        return QualifiedName.display(schema, name);
    }

    /** The column with that name, compared case-insensitively as unquoted SQL identifiers are. */
    public Column column(String columnName) {
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(columnName)) {
                return c;
            }
        }
        return null;
    }

    private static List<Column> canonicalColumnOrder(List<Column> columns, PrimaryKey primaryKey) {
        if (columns == null) {
            return List.of();
        }
        List<Column> ordered = new ArrayList<>();
        List<String> keyColumns = primaryKey == null ? List.of() : primaryKey.columns();
        for (String key : keyColumns) {
            columns.stream().filter(c -> c.name().equals(key)).findFirst().ifPresent(ordered::add);
        }
        columns.stream()
                .filter(c -> !keyColumns.contains(c.name()))
                .sorted(Comparator.comparing(Column::name))
                .forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
