package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * STRING enums on MariaDB and MySQL, as Hibernate's dialects create them: a character column with an {@code in (...)}
 * check (what the snapshot holds) is the native {@code enum('A','B')}, with no check of its own; and a foreign key
 * column referencing such a column has that same {@code enum} type (Hibernate gives a foreign key column the type of
 * the column it references; InnoDB refuses a foreign key between a {@code varchar} and an {@code enum}, errno 150).
 * One rule for the dialect, which writes the types, and for {@code drift}, which expects them.
 */
public final class MariaDbEnums {

    private static final Set<String> CHARACTER_TYPES = Set.of("CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "LONGVARCHAR",
            "LONGNVARCHAR");
    /** How far a foreign key column follows references to find its enum (a key that references a key, ...). */
    private static final int MAX_DEPTH = 8;

    private MariaDbEnums() {
    }

    /** Whether {@code check} is a STRING enum's: an {@code in (...)} check of a plain character column. */
    public static boolean isEnum(Table owner, CheckConstraint check) {
        if (owner == null || check.values() == null || check.values().isEmpty() || check.column() == null) {
            return false;
        }
        Column c = owner.column(check.column());
        return c != null && plainCharacter(c);
    }

    /** The values of the column's own STRING enum check, or {@code null}. */
    public static List<String> ownValues(Table owner, Column c) {
        if (owner == null || !plainCharacter(c)) {
            return null;
        }
        for (CheckConstraint check : owner.checks()) {
            if (check.column() != null && check.column().equalsIgnoreCase(c.name()) && check.values() != null
                    && !check.values().isEmpty()) {
                return check.values();
            }
        }
        return null;
    }

    /**
     * The values of the column's native {@code enum} type: its own STRING enum check's or, for a plain character
     * column in a foreign key, those of the column it references; {@code null} when it has its own type.
     *
     * @param referenced the table a foreign key of a table references, or {@code null} when unknown
     */
    public static List<String> values(Table owner, Column c, BiFunction<Table, ForeignKey, Table> referenced) {
        return values(owner, c, referenced, 0);
    }

    private static List<String> values(Table owner, Column c, BiFunction<Table, ForeignKey, Table> referenced,
                                       int depth) {
        List<String> own = ownValues(owner, c);
        if (own != null || owner == null || depth >= MAX_DEPTH || !plainCharacter(c)) {
            return own;
        }
        for (ForeignKey f : owner.foreignKeys()) {
            for (int i = 0; i < f.columns().size() && i < f.referencedColumns().size(); i++) {
                if (!f.columns().get(i).equalsIgnoreCase(c.name())) {
                    continue;
                }
                Table target = referenced.apply(owner, f);
                Column column = target == null ? null : target.column(f.referencedColumns().get(i));
                List<String> values = column == null ? null : values(target, column, referenced, depth + 1);
                if (values != null) {
                    return values;
                }
            }
        }
        return null;
    }

    /** Whether a foreign key column of {@code owner} takes the type of the column it references ({@link #values}). */
    public static boolean follows(Table owner, Column c) {
        return plainCharacter(c) && ownValues(owner, c) == null;
    }

    private static boolean plainCharacter(Column c) {
        return c != null && (c.columnDefinition() == null || c.columnDefinition().isBlank())
                && CHARACTER_TYPES.contains(c.type().name());
    }
}
