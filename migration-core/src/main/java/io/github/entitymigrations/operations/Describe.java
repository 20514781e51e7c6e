package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.Column;

/** Short texts for messages. */
final class Describe {

    private Describe() {
    }

    static String type(Column c) {
        return c.columnDefinition() != null ? c.type() + " (columnDefinition '" + c.columnDefinition() + "')"
                : c.type().toString();
    }

    static String column(Column c) {
        return type(c) + (c.nullable() ? " null" : " not null") + (c.defaultValue() == null ? "" : " default "
                + c.defaultValue()) + (c.identity() ? " identity" : "");
    }
}
