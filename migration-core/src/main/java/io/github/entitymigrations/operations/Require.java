package io.github.entitymigrations.operations;

/** Checks for hand-written steps: a missing field is named, with its operation. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String operation, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(operation + " needs \"" + field + "\"");
        }
        return value;
    }
}
