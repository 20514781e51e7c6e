package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ColumnType;
import java.util.List;

/** Type changes that keep every value: integers to wider integers or to text, any fixed size to text. */
final class Widening {

    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");

    private Widening() {
    }

    static boolean isSafe(ColumnType from, ColumnType to) {
        int a = INTEGERS.indexOf(from.name());
        int b = INTEGERS.indexOf(to.name());
        if (a >= 0 && b >= 0) {
            return a <= b;
        }
        if (a >= 0 && to.name().equals("NUMERIC")) {
            return to.precision() != null && to.precision() - (to.scale() == null ? 0 : to.scale()) >= 19;
        }
        boolean toText = to.name().equals("CLOB") || to.name().equals("LONG32VARCHAR");
        return toText && (a >= 0 || from.name().endsWith("CHAR"));
    }
}
