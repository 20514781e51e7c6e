package io.github.entitymigrations.schema;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a foreign key does to the referencing rows when a referenced row is deleted. Written in JSON (the
 * snapshot and migration files alike) by its constant name, {@code NO_ACTION}, {@code CASCADE}, ...
 */
public enum OnDelete {
    /** The default: the delete fails while rows reference it (checked at the end of the statement). */
    NO_ACTION,
    CASCADE,
    SET_NULL,
    SET_DEFAULT,
    RESTRICT;

    /** The JSON value: the constant's name. */
    public String json() {
        return name();
    }

    /** The SQL action, {@code set null}; {@code null} for {@link #NO_ACTION}, which DDL leaves out. */
    public String sql() {
        return this == NO_ACTION ? null : name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /**
     * The action a JSON value names.
     *
     * @throws IllegalArgumentException naming the field, the value and the accepted values
     */
    public static OnDelete fromJson(String value) {
        return JsonEnums.fromJson(OnDelete.class, "onDelete", value, OnDelete::json);
    }

    /** The accepted JSON values, for messages. */
    public static String acceptedValues() {
        return String.join(", ", Arrays.stream(values()).map(OnDelete::json).toList());
    }
}
