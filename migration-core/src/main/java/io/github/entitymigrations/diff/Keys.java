package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What identifies a table item when schemas are compared: its content, not its name, so renaming a
 * constraint (or a differently generated name) causes no churn.
 */
final class Keys {

    private Keys() {
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static List<String> lower(List<String> names) {
        // A loop, not a stream: called for every key of every table of a schema, mostly in a cold JVM.
        String[] lowered = new String[names.size()];
        for (int i = 0; i < lowered.length; i++) {
            lowered[i] = lower(names.get(i));
        }
        return java.util.Arrays.asList(lowered);
    }

    static String of(UniqueConstraint u) {
        return new TreeSet<>(lower(u.columns())).toString();
    }

    static String of(Index i) {
        return lower(i.columns()) + (i.unique() ? " unique" : "");
    }

    static String of(CheckConstraint c) {
        // Allowed values are a set: reordering enum constants of a STRING enum changes nothing.
        List<String> values = c.values() == null ? null : c.values().stream().sorted().toList();
        return lower(c.column()) + "|" + values + "|" + c.min() + "|" + c.max() + "|" + c.expression();
    }

    static String of(ForeignKey f) {
        return lower(f.columns()) + "->" + QualifiedName.referencedKey(f)
                + lower(f.referencedColumns()) + " " + f.onDelete();
    }
}
