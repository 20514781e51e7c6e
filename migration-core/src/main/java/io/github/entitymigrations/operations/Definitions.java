package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether two definitions describe the same database object, as SQL compares unquoted names:
 * case-insensitively, and regardless of quoting or rename hints.
 */
public final class Definitions {

    private Definitions() {
    }

    /** Type, nullability, identity, default and columnDefinition agree (the name is not compared). */
    public static boolean sameColumn(Column a, Column b) {
        return a.type().equals(b.type()) && a.nullable() == b.nullable() && a.identity() == b.identity()
                && Objects.equals(a.defaultValue(), b.defaultValue())
                && Objects.equals(a.columnDefinition(), b.columnDefinition());
    }

    public static boolean sameTable(Table a, Table b) {
        return folded(a).equals(folded(b));
    }

    /** The table with every identifier in lower case and nothing quoted. */
    static Table folded(Table t) {
        List<Column> columns = t.columns().stream().map(c -> new Column(lower(c.name()), c.type(), c.nullable(),
                c.identity(), c.defaultValue(), c.columnDefinition(), false, null)).toList();
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(lower(t.primaryKey().name()),
                lower(t.primaryKey().columns()));
        return new Table(lower(t.schema()), lower(t.name()), false, null, List.of(), columns, pk,
                t.uniques().stream().map(u -> new UniqueConstraint(lower(u.name()), lower(u.columns()))).toList(),
                t.indexes().stream().map(i -> new Index(lower(i.name()), lower(i.columns()), i.unique())).toList(),
                t.checks().stream().map(c -> new CheckConstraint(lower(c.name()), lower(c.column()), c.values(), c.min(),
                        c.max(), c.expression())).toList(),
                t.foreignKeys().stream().map(f -> new ForeignKey(lower(f.name()), lower(f.columns()),
                        lower(f.referencedSchema()), lower(f.referencedTable()), lower(f.referencedColumns()),
                        f.onDelete())).toList());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(Definitions::lower).toList();
    }
}
