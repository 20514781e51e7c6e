package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Column definitions, constraints and indexes: the pieces of {@code create table} and {@code alter table}. A STRING
 * enum, which the snapshot holds as a character column with an {@code in (...)} check, is the native
 * {@code enum('A','B')} Hibernate creates, and its check is not written (the enum type is the check).
 */
final class MariaDbTableSql {

    private final MariaDbNames names;
    private final MariaDbTypes.Server server;

    MariaDbTableSql(MariaDbNames names, MariaDbTypes.Server server) {
        this.names = names;
        this.server = server;
    }

    /**
     * {@code create table} with every column, key, constraint and index inline (one statement, which the runner can
     * undo with one {@code drop table}), in InnoDB as Hibernate creates it.
     */
    String createTable(Table t) {
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(columnDefinition(t, c)));
        if (t.primaryKey() != null) {
            parts.add(primaryKey(t, t.primaryKey()));
        }
        t.uniques().forEach(u -> parts.add(unique(t, u)));
        t.indexes().forEach(i -> parts.add(index(t, i)));
        t.checks().stream().filter(c -> !MariaDbEnums.isEnum(t, c)).forEach(c -> parts.add(check(t, c)));
        t.foreignKeys().forEach(f -> parts.add(foreignKey(t, f)));
        return "create table " + names.table(t) + " (" + String.join(", ", parts) + ") engine=InnoDB";
    }

    /** The column as {@code owner} defines it (with its enum values, if it is a STRING enum there). */
    String columnDefinition(Table owner, Column c) {
        return columnDefinition(c, enumValues(owner, c));
    }

    /**
     * {@code name type [default expr] [null | not null] [auto_increment]}: the default is an SQL expression and stays
     * verbatim. A nullable {@code timestamp} says {@code null}, since MariaDB before 10.10 (and MySQL with
     * {@code explicit_defaults_for_timestamp} off) would make it NOT NULL with a default.
     *
     * @param enumValues the values of its native {@code enum} type, or {@code null} for its own type
     */
    String columnDefinition(Column c, List<String> enumValues) {
        if (c.identity() && c.defaultValue() != null) {
            throw new UnsupportedOperationException("column " + c.name() + " has both a default ("
                    + c.defaultValue() + ") and identity (auto_increment), which MariaDB and MySQL do not allow; "
                    + "keep one of them");
        }
        String type = enumValues != null ? MariaDbTypes.enumType(enumValues) : MariaDbTypes.of(c, server);
        StringBuilder sql = new StringBuilder(MariaDbNames.column(c)).append(' ').append(type);
        if (c.defaultValue() != null) {
            sql.append(" default ").append(c.defaultValue());
        }
        if (!c.nullable() || c.identity()) {
            sql.append(" not null");
        } else if (type.toLowerCase(java.util.Locale.ROOT).startsWith("timestamp")) {
            sql.append(" null");
        }
        if (c.identity()) {
            sql.append(" auto_increment");
        }
        return sql.toString();
    }

    /** MySQL names every primary key {@code PRIMARY}: the snapshot's name is not written, as Hibernate writes none. */
    String primaryKey(Table owner, PrimaryKey pk) {
        return "primary key (" + MariaDbNames.columns(owner, pk.columns()) + ")";
    }

    String unique(Table owner, UniqueConstraint u) {
        return "constraint " + MariaDbNames.plain(u.name()) + " unique (" + MariaDbNames.columns(owner, u.columns())
                + ")";
    }

    /**
     * {@code col in ('A', 'B')}, {@code col between 0 and 3}, or the expression, its double-quoted names of the table's
     * columns in backticks ({@link MariaDbIdentifiers#columnsInBackticks}).
     */
    String check(Table owner, CheckConstraint c) {
        return "constraint " + MariaDbNames.plain(c.name()) + " check (" + condition(owner, c) + ")";
    }

    private static String condition(Table owner, CheckConstraint c) {
        if (c.values() == null && c.min() == null) {
            // Table.column matches names in any case, as MariaDB and MySQL do.
            return MariaDbIdentifiers.columnsInBackticks(c.expression(), name -> {
                Column column = owner == null ? null : owner.column(name);
                return column == null ? null : column.name();
            });
        }
        if (c.column() == null) {
            throw new IllegalArgumentException("check constraint " + c.name() + " lists values or bounds but "
                    + "names no column");
        }
        String column = MariaDbNames.column(owner, c.column());
        if (c.values() != null) {
            return column + " in (" + c.values().stream().map(MariaDbIdentifiers::literal)
                    .collect(Collectors.joining(", ")) + ")";
        }
        return column + " between " + c.min() + " and " + c.max();
    }

    /** {@code constraint fk foreign key (a) references db.t (id) [on delete ...]}. */
    String foreignKey(Table owner, ForeignKey f) {
        Table target = names.referenced(owner, f);
        String referenced = target != null ? names.qualified(f.referencedSchema(), target.name(), target.quoted())
                : names.table(f.referencedSchema(), f.referencedTable());
        List<String> columns = new ArrayList<>(f.columns());
        List<String> referencedColumns = new ArrayList<>(f.referencedColumns());
        inKeyOrder(target, columns, referencedColumns);
        return "constraint " + MariaDbNames.plain(f.name()) + " foreign key (" + MariaDbNames.columns(owner, columns)
                + ") references " + referenced + " (" + MariaDbNames.columns(target, referencedColumns) + ")"
                + (f.onDelete().sql() == null ? "" : " on delete " + f.onDelete().sql());
    }

    /**
     * {@code owner} with each foreign key's columns in the order {@link #foreignKey} declares them (the referenced
     * key's), which is the order InnoDB needs an index of the table to start with; {@code null} for {@code null}.
     */
    Table declared(Table owner) {
        if (owner == null || owner.foreignKeys().stream().allMatch(f -> f.columns().size() < 2)) {
            return owner;
        }
        return withForeignKeys(owner, owner.foreignKeys().stream().map(f -> declared(owner, f)).toList());
    }

    /** {@code t} with {@code keys} as its foreign keys. */
    static Table withForeignKeys(Table t, List<ForeignKey> keys) {
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), t.columns(), t.primaryKey(),
                t.uniques(), t.indexes(), t.checks(), keys);
    }

    /** {@code f} of {@code owner} with its columns in the order {@link #foreignKey} declares them. */
    ForeignKey declared(Table owner, ForeignKey f) {
        if (owner == null || f.columns().size() < 2) {
            return f;
        }
        List<String> columns = new ArrayList<>(f.columns());
        List<String> referencedColumns = new ArrayList<>(f.referencedColumns());
        inKeyOrder(names.referenced(owner, f), columns, referencedColumns);
        return new ForeignKey(f.name(), columns, f.referencedSchema(), f.referencedTable(), referencedColumns,
                f.onDelete());
    }

    /**
     * InnoDB needs an index on the referenced table whose first columns are the referenced ones in the same order:
     * a composite foreign key lists its column pairs in the order of the key it references (as Hibernate does),
     * whatever order the snapshot keeps them in.
     */
    private static void inKeyOrder(Table target, List<String> columns, List<String> referenced) {
        if (target == null || referenced.size() < 2) {
            return;
        }
        List<List<String>> keys = new ArrayList<>();
        if (target.primaryKey() != null) {
            keys.add(target.primaryKey().columns());
        }
        target.uniques().forEach(u -> keys.add(u.columns()));
        target.indexes().stream().filter(Index::unique).forEach(i -> keys.add(i.columns()));
        for (List<String> key : keys) {
            if (key.size() == referenced.size() && sameNames(key, referenced)) {
                List<String> pairedColumns = new ArrayList<>();
                for (String k : key) {
                    int at = indexOf(referenced, k);
                    pairedColumns.add(columns.get(at));
                }
                referenced.clear();
                referenced.addAll(key);
                columns.clear();
                columns.addAll(pairedColumns);
                return;
            }
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        return a.stream().allMatch(x -> indexOf(b, x) >= 0) && b.stream().allMatch(x -> indexOf(a, x) >= 0);
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code [unique] index ix (a, b)}, as in {@code create table} and {@code alter table ... add}. */
    String index(Table owner, Index i) {
        return (i.unique() ? "unique " : "") + "index " + MariaDbNames.plain(i.name()) + " ("
                + MariaDbNames.columns(owner, i.columns()) + ")";
    }

    /** {@code create [unique] index ix on db.t (a, b)}; {@code owner} gives the columns' quoting. */
    String createIndex(String schema, String table, Table owner, Index i) {
        String on = owner != null ? names.table(owner) : names.table(schema, table);
        return "create " + (i.unique() ? "unique " : "") + "index " + MariaDbNames.plain(i.name()) + " on " + on
                + " (" + MariaDbNames.columns(owner, i.columns()) + ")";
    }

    /**
     * The values of the column's native {@code enum} type in {@code owner} (its own STRING enum's, or the referenced
     * column's for a foreign key column), or {@code null} when it has its own type.
     */
    List<String> enumValues(Table owner, Column c) {
        return MariaDbEnums.values(owner, c, names::referenced);
    }
}
