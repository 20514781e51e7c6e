package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Names for one rendering: objects without a schema get the configured default one (if any), and
 * whether a table or column name is quoted comes from its definition (the table being created, or the
 * schema just before the operation), since operations name them by plain strings.
 */
final class PostgresNames {

    private final String defaultSchema;
    private final Schema before;

    PostgresNames(String defaultSchema, Schema before) {
        this.defaultSchema = defaultSchema;
        this.before = before;
    }

    static String identifier(String name, boolean quoted) {
        return PostgresIdentifiers.identifier(name, quoted);
    }

    /** The schema an object lives in: its own, else the configured one, else {@code null} (search path). */
    String schemaOf(String schema) {
        return schema != null && !schema.isBlank() ? schema : defaultSchema;
    }

    /** {@code schema.name}, or just {@code name} when there is no schema to qualify with. */
    String qualified(String schema, String name, boolean quoted) {
        String s = schemaOf(schema);
        return (s == null ? "" : identifier(s, false) + ".") + identifier(name, quoted);
    }

    /** A table named by an operation; quoted as its definition before the operation says. */
    String table(String schema, String name) {
        Table t = find(schema, name);
        return qualified(schema, name, t != null && t.quoted());
    }

    String table(Table t) {
        return qualified(t.schema(), t.name(), t.quoted());
    }

    String sequence(Sequence s) {
        return qualified(s.schema(), s.name(), s.quoted());
    }

    /** An index, constraint or other object named without quotes. */
    static String plain(String name) {
        return identifier(name, false);
    }

    /** A column of {@code owner} (which may be {@code null} when unknown), quoted as defined there. */
    static String column(Table owner, String name) {
        Column c = owner == null ? null : owner.column(name);
        return identifier(name, c != null && c.quoted());
    }

    static String column(Column c) {
        return identifier(c.name(), c.quoted());
    }

    /** {@code a, "B", c} for columns of {@code owner}. */
    static String columns(Table owner, List<String> names) {
        return names.stream().map(n -> column(owner, n)).collect(Collectors.joining(", "));
    }

    /** The table as it is before the operation, or {@code null} when the schema does not have it. */
    Table find(String schema, String name) {
        if (before == null) {
            return null;
        }
        String wantedSchema = schemaOf(schema);
        Objects.requireNonNull(name);
        // Without a dot in the wanted name, only tables of that name (ignoring case) can match: look up those.
        boolean plain = name.indexOf('.') < 0 && (wantedSchema == null || wantedSchema.indexOf('.') < 0);
        for (Table t : plain ? before.tablesNamed(name) : before.tables()) {
            if (QualifiedName.same(schemaOf(t.schema()), t.name(), wantedSchema, name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The table {@code f} of {@code owner} references: {@code owner} itself, else as the schema before the operation
     * has it, or {@code null}.
     */
    Table referenced(Table owner, ForeignKey f) {
        return sameTable(owner.schema(), owner.name(), f.referencedSchema(), f.referencedTable()) ? owner
                : find(f.referencedSchema(), f.referencedTable());
    }

    /** Whether two (schema, name) pairs name the same table once the default schema is applied. */
    boolean sameTable(String schemaA, String nameA, String schemaB, String nameB) {
        return key(schemaOf(schemaA), nameA).equals(key(schemaOf(schemaB), nameB));
    }

    private static String key(String schema, String name) {
        return QualifiedName.key(schema, Objects.requireNonNull(name));
    }
}
