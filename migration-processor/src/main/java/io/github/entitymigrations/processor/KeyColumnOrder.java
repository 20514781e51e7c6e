package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The column order Hibernate 6.2+ gives a composite primary key in its DDL
 * ({@code ColumnOrderingStrategyStandard}): by physical size in bytes (at least 4), then by name. The
 * order decides the key's index, so the snapshot follows it to create exactly what Hibernate would.
 */
final class KeyColumnOrder {

    /** Hibernate counts an unsized (default length) string as the dialect's largest varchar. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private KeyColumnOrder() {
    }

    static List<String> order(List<String> columns, Function<String, ColumnType> typeOf) {
        if (columns.size() < 2) {
            return columns;
        }
        List<String> ordered = new ArrayList<>(columns);
        ordered.sort(Comparator.comparingInt((String c) -> Math.max(4, size(typeOf.apply(c))))
                .thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    static int size(ColumnType type) {
        return switch (type.name()) {
            case "BIT", "TINYINT", "BOOLEAN" -> 1;
            case "SMALLINT" -> 2;
            case "INTEGER", "REAL" -> 4;
            case "FLOAT" -> type.precision() != null && type.precision() > 24 ? 8 : 4;
            case "BIGINT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_UTC", "TIME_UTC" -> 8;
            case "UUID" -> 16;
            case "NUMERIC", "DECIMAL" -> (int) Math.ceil((type.precision() == null ? 38 : type.precision()) / 2.41);
            case "CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "BINARY", "VARBINARY" ->
                    type.length() == null || type.length() == BasicTypes.DEFAULT_LENGTH ? UNBOUNDED : type.length();
            default -> UNBOUNDED;
        };
    }
}
