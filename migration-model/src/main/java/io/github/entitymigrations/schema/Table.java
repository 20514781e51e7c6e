package io.github.entitymigrations.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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
        uniques = Schema.sorted(uniques, UNIQUE_ORDER);
        indexes = Schema.sorted(indexes, INDEX_ORDER);
        checks = Schema.sorted(checks, CHECK_ORDER);
        foreignKeys = Schema.sorted(foreignKeys, FOREIGN_KEY_ORDER);
    }

    private static final Comparator<UniqueConstraint> UNIQUE_ORDER = Comparator.comparing(UniqueConstraint::name);
    private static final Comparator<Index> INDEX_ORDER = Comparator.comparing(Index::name);
    private static final Comparator<CheckConstraint> CHECK_ORDER = Comparator.comparing(CheckConstraint::name);
    private static final Comparator<ForeignKey> FOREIGN_KEY_ORDER = Comparator.comparing(ForeignKey::name);
    private static final Comparator<Column> COLUMN_ORDER = Comparator.comparing(Column::name);

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
        // Plain loops: every table of a snapshot and of a replayed schema is built here, many times over.
        List<String> keyColumns = primaryKey == null ? List.of() : primaryKey.columns();
        List<Column> ordered = new ArrayList<>(columns.size());
        for (String key : keyColumns) {
            for (Column c : columns) {
                if (c.name().equals(key)) {
                    ordered.add(c);
                    break;
                }
            }
        }
        List<Column> rest = new ArrayList<>(columns.size());
        for (Column c : columns) {
            if (!keyColumns.contains(c.name())) {
                rest.add(c);
            }
        }
        rest.sort(COLUMN_ORDER);
        ordered.addAll(rest);
        return List.copyOf(ordered);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Table o)) {
            return false;
        }
        return Objects.equals(schema, o.schema)
                && Objects.equals(name, o.name)
                && quoted == o.quoted
                && Objects.equals(renamedFrom, o.renamedFrom)
                && Objects.equals(sources, o.sources)
                && Objects.equals(columns, o.columns)
                && Objects.equals(primaryKey, o.primaryKey)
                && Objects.equals(uniques, o.uniques)
                && Objects.equals(indexes, o.indexes)
                && Objects.equals(checks, o.checks)
                && Objects.equals(foreignKeys, o.foreignKeys);
    }
}
