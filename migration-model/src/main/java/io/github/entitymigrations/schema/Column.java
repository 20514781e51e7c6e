package io.github.entitymigrations.schema;

import java.util.Objects;

/**
 * A column.
 *
 * @param name             the column name exactly as Hibernate names it
 * @param type             the logical type
 * @param nullable         whether NULL is allowed
 * @param identity         the database generates the value ({@code GenerationType.IDENTITY})
 * @param defaultValue     the server default SQL expression, or {@code null}
 * @param columnDefinition the mapping's verbatim {@code columnDefinition}, or {@code null}
 * @param quoted           the mapping quotes the name
 * @param renamedFrom      the previous name from {@code @RenamedFrom}, or {@code null}
 * @param backfill         the SQL expression from {@code @Backfill} that fills existing rows when the column becomes
 *                         NOT NULL, or {@code null}; like {@code renamedFrom} a hint of the entities, which a
 *                         database does not hold
 */
public record Column(String name, ColumnType type, boolean nullable, boolean identity, String defaultValue,
                     String columnDefinition, boolean quoted, String renamedFrom, String backfill) {

    public Column {
        Schema.required(name, "a column's \"name\"");
        Schema.required(type, "the \"type\" of column ", name);
    }

    /** A column without a backfill hint. */
    public Column(String name, ColumnType type, boolean nullable, boolean identity, String defaultValue,
                  String columnDefinition, boolean quoted, String renamedFrom) {
        this(name, type, nullable, identity, defaultValue, columnDefinition, quoted, renamedFrom, null);
    }

    /** The same column with {@code expression} as its backfill hint ({@code null}: none). */
    public Column withBackfill(String expression) {
        return new Column(name, type, nullable, identity, defaultValue, columnDefinition, quoted, renamedFrom,
                expression);
    }

    /** The components compared one by one: see {@link ColumnType#equals}. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Column o)) {
            return false;
        }
        return Objects.equals(name, o.name)
                && Objects.equals(type, o.type)
                && nullable == o.nullable
                && identity == o.identity
                && Objects.equals(defaultValue, o.defaultValue)
                && Objects.equals(columnDefinition, o.columnDefinition)
                && quoted == o.quoted
                && Objects.equals(renamedFrom, o.renamedFrom)
                && Objects.equals(backfill, o.backfill);
    }
}
