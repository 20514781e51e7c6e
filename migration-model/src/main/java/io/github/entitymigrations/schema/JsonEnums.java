package io.github.entitymigrations.schema;

import java.util.Arrays;
import java.util.function.Function;

/** Reading an enum from its JSON string, one message for every enum of the files. */
public final class JsonEnums {

    private JsonEnums() {
    }

    /**
     * The constant whose JSON value is {@code value}, exactly (files are compared byte for byte, so no
     * other spelling is accepted).
     *
     * @throws IllegalArgumentException {@code unknown onDelete "X"; the values are NO_ACTION, CASCADE, ...}
     */
    public static <E extends Enum<E>> E fromJson(Class<E> type, String field, String value, Function<E, String> json) {
        for (E e : type.getEnumConstants()) {
            if (json.apply(e).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + field + " \"" + value + "\"; the values are "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(json).toList()));
    }
}
