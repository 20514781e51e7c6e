package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteIdentifiers.identifier;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What SQLite's own {@code alter table} can do (https://www.sqlite.org/lang_altertable.html); the rest is
 * a {@link SqliteTableRebuild}.
 */
final class SqliteAlterRules {

    private SqliteAlterRules() {
    }

    /**
     * {@code add column} works unless the column is NOT NULL without a non-null default, or its default is
     * CURRENT_* or an expression (SQLite refuses those), or it is an identity column (which must be the
     * primary key). Keys, uniques, checks and foreign keys come as operations of their own.
     */
    static boolean canAddColumn(Column c) {
        if (c.identity()) {
            return false;
        }
        if (SqliteTableSql.isNullDefault(c.defaultValue())) {
            return c.nullable();
        }
        return SqliteTableSql.isConstantDefault(c.defaultValue());
    }

    /**
     * {@code drop column} works unless the column is in the primary key, a unique constraint, an index, a
     * foreign key, or a check constraint (by column or anywhere in its expression).
     */
    static boolean canDropColumn(Table t, String column) {
        if (t.primaryKey() != null && named(t.primaryKey().columns(), column)) {
            return false;
        }
        for (UniqueConstraint u : t.uniques()) {
            if (named(u.columns(), column)) {
                return false;
            }
        }
        for (Index i : t.indexes()) {
            if (named(i.columns(), column)) {
                return false;
            }
        }
        for (ForeignKey f : t.foreignKeys()) {
            if (named(f.columns(), column)) {
                return false;
            }
        }
        for (CheckConstraint c : t.checks()) {
            if (column.equalsIgnoreCase(c.column()) || (c.expression() != null && mentions(c.expression(), column))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code alter table rename to}. SQLite refuses a rename that only changes case (the names are equal to
     * it), so that one goes through a temporary name.
     */
    static List<String> renameTable(Table t, String to) {
        String from = identifier(t.name(), t.quoted());
        String target = identifier(to, t.quoted());
        if (!t.name().equalsIgnoreCase(to)) {
            return List.of("alter table " + from + " rename to " + target);
        }
        String step = identifier("_em_rename_" + to, t.quoted());
        return List.of("alter table " + from + " rename to " + step, "alter table " + step + " rename to " + target);
    }

    static List<String> renameColumn(Table t, String from, String to) {
        Column c = t.column(from);
        boolean quoted = c != null && c.quoted();
        return List.of("alter table " + identifier(t.name(), t.quoted()) + " rename column "
                + identifier(c == null ? from : c.name(), quoted) + " to " + identifier(to, quoted));
    }

    private static boolean named(List<String> names, String name) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** Whether an SQL expression may refer to the column: its name as a whole word, quoted or not. */
    private static boolean mentions(String expression, String column) {
        return Pattern.compile("(?i)(^|[^A-Za-z0-9_$])" + Pattern.quote(column) + "($|[^A-Za-z0-9_$])")
                .matcher(expression).find();
    }
}
