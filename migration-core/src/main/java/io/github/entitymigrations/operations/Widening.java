package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.ColumnType;
import java.util.List;

/**
 * Type changes that keep every value: integers to wider integers, to wide enough numerics or strings, or
 * to text; any character type to text.
 */
final class Widening {

    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");
    private static final List<Integer> DIGITS_WITH_SIGN = List.of(4, 6, 11, 20);

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
        if (toText) {
            return a >= 0 || from.name().endsWith("CHAR");
        }
        // An integer always fits a string long enough for its widest value with its sign.
        boolean toString = to.name().endsWith("CHAR") && to.length() != null;
        return a >= 0 && toString && to.length() >= DIGITS_WITH_SIGN.get(a);
    }
}
