package io.github.entitymigrations.online;

import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import java.util.Locale;

/**
 * The temporary check that stands for a NOT NULL while existing rows are validated: {@code <column> is not null},
 * named {@code <table>_<column>_not_null}. PostgreSQL 12+ then sets NOT NULL without scanning the table again.
 */
final class NotNullCheck {

    /** PostgreSQL keeps the first 63 bytes of a name. */
    private static final int MAX_NAME = 63;

    private static final PostgresDialect POSTGRES = new PostgresDialect(null);

    private NotNullCheck() {
    }

    static CheckConstraint of(String table, Column column) {
        // The column as PostgreSQL reads it (folded, quoted when it must be); SQLite reads that form too.
        String expression = POSTGRES.identifier(column.name(), column.quoted()) + " is not null";
        return CheckConstraint.expression(name(table, column.name()), column.name(), expression);
    }

    static String name(String table, String column) {
        String name = (table + "_" + column + "_not_null").toLowerCase(Locale.ROOT);
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
        return name.substring(0, MAX_NAME - hash.length() - "_nn_".length()) + "_nn_" + hash;
    }
}
