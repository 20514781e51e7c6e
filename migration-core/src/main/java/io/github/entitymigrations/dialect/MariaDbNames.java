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
 * Names for one rendering: every table and sequence is qualified with the configured database ({@code db.table}), or
 * left to the connection's current one; whether a name is quoted comes from its definition (the table being created,
 * or the schema just before the operation), since operations name tables and columns by plain strings.
 *
 * <p>A mapping's schema ({@code @Table(schema = "inventory")}) is not used: Hibernate's MariaDB and MySQL dialects
 * qualify names by catalog only and drop the schema, so the application reads and writes that table in its
 * connection's database, and that is where it must be created.
 */
final class MariaDbNames {

    private final String defaultSchema;
    private final Schema before;

    MariaDbNames(String defaultSchema, Schema before) {
        this.defaultSchema = defaultSchema;
        this.before = before;
    }

    static String identifier(String name, boolean quoted) {
        return MariaDbIdentifiers.identifier(name, quoted);
    }

    /** The database an object lives in: the configured one, else {@code null} (the connection's); see above. */
    String schemaOf(String schema) {
        return defaultSchema;
    }

    /** {@code db.name}, or just {@code name} when there is no database to qualify with. */
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

    /** {@code a, `b c`, d} for columns of {@code owner}. */
    static String columns(Table owner, List<String> names) {
        return names.stream().map(n -> column(owner, n)).collect(Collectors.joining(", "));
    }

    /** Every table as it is before the operation. */
    List<Table> tables() {
        return before == null ? List.of() : before.tables();
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
        return QualifiedName.key(schemaOf(schemaA), Objects.requireNonNull(nameA))
                .equals(QualifiedName.key(schemaOf(schemaB), Objects.requireNonNull(nameB)));
    }
}
