package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;

/**
 * What every dialect's {@link Dialect#certainlyRenders} asks of a table to be created, before its own rules: names
 * that no dialect's identifier writer can refuse, and nothing that only rendering would find malformed. Stricter
 * than any dialect (an ASCII name is not required anywhere): a table that fails here is rendered, which says
 * exactly what, if anything, is wrong.
 */
final class TableNames {

    private TableNames() {
    }

    /**
     * Whether every name the table's {@code create table} and {@code create index} statements write (its schema and
     * name, its columns, keys, constraints, indexes, and the tables and columns its foreign keys reference) is 1 to
     * {@code maxLength} ASCII characters without NUL; whether each structured check ({@code in}, {@code between})
     * names its column; and whether each foreign key pairs as many columns as it references.
     */
    static boolean plain(Table t, int maxLength) {
        if (!plain(t.schema(), maxLength, true) || !plain(t.name(), maxLength, false)) {
            return false;
        }
        for (Column c : t.columns()) {
            if (!plain(c.name(), maxLength, false)) {
                return false;
            }
        }
        if (t.primaryKey() != null
                && !(plain(t.primaryKey().name(), maxLength, false) && plain(t.primaryKey().columns(), maxLength))) {
            return false;
        }
        for (UniqueConstraint u : t.uniques()) {
            if (!plain(u.name(), maxLength, false) || !plain(u.columns(), maxLength)) {
                return false;
            }
        }
        for (Index i : t.indexes()) {
            if (!plain(i.name(), maxLength, false) || !plain(i.columns(), maxLength)) {
                return false;
            }
        }
        for (CheckConstraint c : t.checks()) {
            boolean structured = c.values() != null || c.min() != null;
            if (!plain(c.name(), maxLength, false) || !plain(c.column(), maxLength, !structured)) {
                return false;
            }
        }
        for (ForeignKey f : t.foreignKeys()) {
            if (!plain(f.name(), maxLength, false) || !plain(f.columns(), maxLength)
                    || !plain(f.referencedSchema(), maxLength, true) || !plain(f.referencedTable(), maxLength, false)
                    || !plain(f.referencedColumns(), maxLength) || f.columns().size() != f.referencedColumns().size()) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(List<String> names, int maxLength) {
        for (String n : names) {
            if (!plain(n, maxLength, false)) {
                return false;
            }
        }
        return true;
    }

    /** A name of 1 to {@code maxLength} ASCII characters without NUL; or none, where {@code optional}. */
    static boolean plain(String name, int maxLength, boolean optional) {
        if (name == null) {
            return optional;
        }
        if (name.isEmpty() || name.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0' || c > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
