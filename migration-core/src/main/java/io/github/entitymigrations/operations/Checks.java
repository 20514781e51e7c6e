package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;

/** How a check constraint reads in messages. */
public final class Checks {

    private Checks() {
    }

    public static String describe(CheckConstraint c) {
        if (c.values() != null) {
            return c.column() + " in (" + String.join(", ", c.values().stream().map(v -> "'" + v + "'").toList()) + ")";
        }
        if (c.min() != null) {
            return c.column() + " between " + c.min() + " and " + c.max();
        }
        return c.expression();
    }
}
