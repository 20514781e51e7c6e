package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * InnoDB needs an index whose first columns are a foreign key's (in its declared order: the callers give each table
 * with its keys as {@code MariaDbTableSql.declared} has them), and refuses to drop the last one (errno 150). When
 * only the primary key serves a foreign key ({@code order_line (order_id, line_no)} with a key on {@code order_id}),
 * {@code drop primary key} adds, in the same statement, the index InnoDB itself makes for a foreign key with nothing
 * to serve it: named as the constraint. Adding a primary key that serves such a foreign key drops that index again,
 * so the table ends as a fresh {@code create table} leaves it, and each step stays one statement the runner can undo
 * with its reverse.
 */
final class MariaDbForeignKeyIndexes {

    private MariaDbForeignKeyIndexes() {
    }

    /** {@code add index fk (cols), } for each foreign key only {@code owner}'s primary key serves; or empty. */
    static String keptBeforeDroppingPrimaryKey(Table owner) {
        return owner == null || owner.primaryKey() == null ? ""
                : indexesAdded(onlyServedBy(owner, owner.primaryKey().columns(), null, false), owner);
    }

    /** {@code drop index fk, } for each foreign key of {@code owner} (without a key) the new key serves; or empty. */
    static String droppedWhenAddingPrimaryKey(Table owner, PrimaryKey added) {
        return indexesDropped(onlyServedBy(owner, added.columns(), null, false));
    }

    /**
     * {@code , drop index fk} when InnoDB made an index of its own for the foreign key being dropped (nothing else of
     * {@code owner} starts with its columns), which {@code drop foreign key} leaves behind; or empty. On MariaDB
     * {@code if exists}: an index made by hand that serves the key (drift) means InnoDB made none; MySQL has no such
     * clause there.
     */
    static String implicitIndexDropped(Table owner, ForeignKey dropped, boolean mysql) {
        if (owner == null || dropped.name() == null || servedOtherwise(owner, dropped, null, true)) {
            return "";
        }
        return ", drop index " + (mysql ? "" : "if exists ") + MariaDbNames.plain(dropped.name());
    }

    /**
     * {@code add index fk (cols), } for each foreign key of {@code owner} only the index or unique constraint named
     * {@code dropped} serves, which InnoDB refuses to drop ("needed in a foreign key constraint"): the index InnoDB
     * itself makes for such a key, named as the constraint, as a fresh {@code create table} would have it; or empty.
     */
    static String keptBeforeDroppingIndex(Table owner, String dropped) {
        if (owner == null) {
            return "";
        }
        List<String> columns = null;
        for (Index i : owner.indexes()) {
            columns = i.name().equalsIgnoreCase(dropped) ? i.columns() : columns;
        }
        for (UniqueConstraint u : owner.uniques()) {
            columns = u.name() != null && u.name().equalsIgnoreCase(dropped) ? u.columns() : columns;
        }
        return columns == null ? "" : indexesAdded(onlyServedBy(owner, columns, dropped, true), owner);
    }

    /**
     * {@code drop index fk, } for each foreign key of {@code owner} that an index or unique constraint on
     * {@code columns}, being added, serves and nothing of the table did (so an index named as the key stands in: the
     * one InnoDB made, or {@link #keptBeforeDroppingIndex}'s); or empty. InnoDB drops its own such index by itself,
     * but not one a migration made: either way the table ends as a fresh {@code create table} leaves it.
     */
    static String droppedWhenAddingIndex(Table owner, List<String> columns) {
        return indexesDropped(onlyServedBy(owner, columns, null, true));
    }

    private static String indexesAdded(List<ForeignKey> keys, Table owner) {
        StringBuilder sql = new StringBuilder();
        for (ForeignKey f : keys) {
            sql.append("add index ").append(MariaDbNames.plain(f.name())).append(" (")
                    .append(MariaDbNames.columns(owner, f.columns())).append("), ");
        }
        return sql.toString();
    }

    private static String indexesDropped(List<ForeignKey> keys) {
        StringBuilder sql = new StringBuilder();
        for (ForeignKey f : keys) {
            sql.append("drop index ").append(MariaDbNames.plain(f.name())).append(", ");
        }
        return sql.toString();
    }

    /**
     * The named foreign keys of {@code owner} an index on {@code columns} serves and nothing else of the table does:
     * no index or unique constraint but the one named {@code except}, nor (when {@code primaryKeyCounts}) the primary
     * key.
     */
    private static List<ForeignKey> onlyServedBy(Table owner, List<String> columns, String except,
                                                 boolean primaryKeyCounts) {
        List<ForeignKey> served = new ArrayList<>();
        if (owner == null) {
            return served;
        }
        for (ForeignKey f : owner.foreignKeys()) {
            if (f.name() != null && serves(columns, f.columns())
                    && !servedOtherwise(owner, f, except, primaryKeyCounts)) {
                served.add(f);
            }
        }
        return served;
    }

    /**
     * Whether an index or unique constraint of {@code owner} not named {@code except}, or (when
     * {@code primaryKeyCounts}) its primary key, serves the foreign key.
     */
    private static boolean servedOtherwise(Table owner, ForeignKey f, String except, boolean primaryKeyCounts) {
        if (primaryKeyCounts && owner.primaryKey() != null && serves(owner.primaryKey().columns(), f.columns())) {
            return true;
        }
        String other = except == null ? "" : except;
        for (Index i : owner.indexes()) {
            if (!i.name().equalsIgnoreCase(other) && serves(i.columns(), f.columns())) {
                return true;
            }
        }
        for (UniqueConstraint u : owner.uniques()) {
            if ((u.name() == null || !u.name().equalsIgnoreCase(other)) && serves(u.columns(), f.columns())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an index on {@code indexColumns} starts with the foreign key's columns in their order (the caller gives
     * the keys as declared, see {@code MariaDbTableSql.declared}): InnoDB takes no other index for a key.
     */
    private static boolean serves(List<String> indexColumns, List<String> foreignKeyColumns) {
        if (indexColumns.size() < foreignKeyColumns.size()) {
            return false;
        }
        for (int i = 0; i < foreignKeyColumns.size(); i++) {
            if (!indexColumns.get(i).equalsIgnoreCase(foreignKeyColumns.get(i))) {
                return false;
            }
        }
        return true;
    }
}
