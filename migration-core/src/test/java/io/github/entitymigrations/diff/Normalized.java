package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A schema as the differ compares it, printed one fact a line so a failed {@code assertEquals} shows the
 * difference. Left out: what a database does not hold ({@code sources}, {@code renamedFrom}, the snapshot's
 * naming mode), constraint and primary-key names (the differ pairs constraints by content and keeps the old
 * name), identifier case and the {@code quoted} flag (the differ pairs names case-insensitively and does not
 * compare quoting), and column order (the model keeps a canonical one).
 */
final class Normalized {

    private Normalized() {
    }

    static String of(Schema schema) {
        List<String> lines = new ArrayList<>();
        for (Table t : schema.tables().stream().sorted((a, b) -> key(a).compareTo(key(b))).toList()) {
            lines.add("table " + key(t));
            TreeSet<String> items = new TreeSet<>();
            for (Column c : t.columns()) {
                items.add("column " + lower(c.name()) + " " + c.type() + (c.nullable() ? " null" : " not null")
                        + (c.identity() ? " identity" : "")
                        + (c.defaultValue() == null ? "" : " default " + c.defaultValue())
                        + (c.columnDefinition() == null ? "" : " definition " + c.columnDefinition()));
            }
            if (t.primaryKey() != null) {
                items.add("primary key " + lower(t.primaryKey().columns()));
            }
            List<String> multiset = new ArrayList<>();
            for (UniqueConstraint u : t.uniques()) {
                multiset.add("unique " + new TreeSet<>(lower(u.columns())));
            }
            for (Index i : t.indexes()) {
                multiset.add((i.unique() ? "unique index " : "index ") + lower(i.columns()));
            }
            for (CheckConstraint c : t.checks()) {
                multiset.add("check " + lower(c.column()) + " values=" + c.values() + " min=" + c.min() + " max="
                        + c.max() + " expression=" + c.expression());
            }
            for (ForeignKey f : t.foreignKeys()) {
                multiset.add("foreign key " + lower(f.columns()) + " -> " + lower(f.referencedSchema()) + "."
                        + lower(f.referencedTable()) + lower(f.referencedColumns()) + " on delete " + f.onDelete());
            }
            lines.addAll(items.stream().map(s -> "  " + s).toList());
            lines.addAll(multiset.stream().sorted().map(s -> "  " + s).toList());
        }
        TreeSet<String> sequences = new TreeSet<>();
        for (Sequence s : schema.sequences()) {
            sequences.add("sequence " + lower(s.schema()) + "." + lower(s.name()) + " start " + s.start()
                    + " increment " + s.increment());
        }
        lines.addAll(sequences);
        return String.join("\n", lines);
    }

    private static String key(Table t) {
        return lower(t.schema()) + "." + lower(t.name());
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static List<String> lower(List<String> names) {
        return names.stream().map(Normalized::lower).toList();
    }
}
