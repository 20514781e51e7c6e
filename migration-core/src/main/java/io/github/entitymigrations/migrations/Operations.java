package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.github.entitymigrations.operations.Operation;
import java.util.Arrays;
import java.util.List;

/** The operation names a migration file may use, for messages. */
final class Operations {

    static final List<String> NAMES = Arrays.stream(Operation.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).toList();

    private Operations() {
    }
}
