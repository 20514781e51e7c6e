package io.github.entitymigrations.online;

import io.github.entitymigrations.schema.QualifiedName;
import java.util.Locale;

/** A column's key, matched as SQL matches unquoted names: {@code schema.table.column} in lower case. */
final class ColumnKey {

    private ColumnKey() {
    }

    static String of(String schema, String table, String column) {
        return QualifiedName.key(schema, table) + "." + column.toLowerCase(Locale.ROOT);
    }
}
