package io.github.entitymigrations.online;

import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Map;

/**
 * {@code alter table t validate constraint c}: checks the existing rows of a constraint added {@code not valid},
 * under a lock that lets reads and writes go on. A {@code sql} step, since the schema model has no "not yet
 * validated" state: nothing for SQLite (it added the constraint checked) and nothing to undo.
 */
final class ValidateConstraint {

    private static final PostgresDialect POSTGRES = new PostgresDialect(null);

    private ValidateConstraint() {
    }

    static Sql of(Schema before, String schema, String table, String constraint) {
        Table t = Existing.find(before, schema, table);
        boolean quoted = t != null && t.quoted();
        String name = (schema == null ? "" : POSTGRES.identifier(schema, false) + ".")
                + POSTGRES.identifier(table, quoted);
        String statement = "alter table " + name + " validate constraint " + POSTGRES.identifier(constraint, false);
        return new Sql(Map.of(PostgresDialect.NAME, List.of(statement), "sqlite", List.of()),
                Map.of(PostgresDialect.NAME, List.of(), "sqlite", List.of()), false, List.of());
    }
}
