package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import java.util.List;

/**
 * TEMPORARY: stands in for {@code dialect.MariaDbDialect} (branch mdialect) until it is merged; only names and
 * identifiers, which the version table and the lock need. Deleted when the real dialect lands.
 */
final class MariaDbStandInDialect implements Dialect {

    private final String name;

    MariaDbStandInDialect(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> render(Operation operation, Schema before) {
        throw new UnsupportedOperationException("the " + name + " dialect is not merged yet: cannot render "
                + operation.describe());
    }

    @Override
    public String columnType(Column column) {
        throw new UnsupportedOperationException("the " + name + " dialect is not merged yet");
    }

    @Override
    public String identifier(String name, boolean quoted) {
        return quoted || !name.matches("[a-z_][a-z0-9_]*") ? "`" + name.replace("`", "``") + "`" : name;
    }
}
