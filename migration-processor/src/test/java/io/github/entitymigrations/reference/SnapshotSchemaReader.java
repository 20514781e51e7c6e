package io.github.entitymigrations.reference;

import static io.github.entitymigrations.reference.NormalizedSchema.list;
import static io.github.entitymigrations.reference.NormalizedSchema.qualify;
import static io.github.entitymigrations.reference.NormalizedSchema.set;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.TreeSet;

/** Reduces our snapshot ({@link Schema}) to the same {@link NormalizedSchema} form as Hibernate's model. */
final class SnapshotSchemaReader {

    private SnapshotSchemaReader() {
    }

    static NormalizedSchema normalize(Schema snapshot) {
        NormalizedSchema schema = new NormalizedSchema();
        for (Table table : snapshot.tables()) {
            addTable(schema, table);
        }
        for (Sequence sequence : snapshot.sequences()) {
            schema.addSequence(sequence.qualifiedName(),
                    NormalizedSchema.sequence(sequence.start(), sequence.increment(), sequence.quoted()));
        }
        return schema;
    }

    /**
     * The reference's PostgreSQL dialect handles nationalized text implicitly, so Hibernate resolves a
     * {@code @Nationalized} column to the plain type there; the snapshot keeps the nationalized one for the dialects
     * that write it (MySQL: {@code MySqlFamilyReferenceTest}).
     */
    private static String plain(String type) {
        return switch (type) {
            case "NCHAR", "NVARCHAR", "LONGNVARCHAR", "LONG32NVARCHAR" -> type.replace("NVARCHAR", "VARCHAR")
                    .replace("NCHAR", "CHAR");
            case "NCLOB" -> "CLOB";
            default -> type;
        };
    }

    private static void addTable(NormalizedSchema schema, Table table) {
        String name = table.qualifiedName();
        schema.addTable(name, table.quoted() ? "quoted" : "");
        for (Column column : table.columns()) {
            ColumnType type = column.type();
            String typeName = NormalizedSchema.columnType(plain(type.name()),
                    type.length() == null ? null : type.length().longValue(), type.precision(), type.scale());
            schema.add(name, "column " + column.name(), NormalizedSchema.column(typeName, column.nullable(),
                    column.identity(), column.defaultValue(), column.columnDefinition(), column.quoted()), null);
        }
        if (table.primaryKey() != null) {
            schema.add(name, "primary key", list(table.primaryKey().columns()), null);
        }
        for (UniqueConstraint unique : table.uniques()) {
            schema.add(name, "unique " + set(unique.columns()), "", unique.name());
        }
        for (Index index : table.indexes()) {
            String key = index.unique() ? "unique " + set(index.columns()) : "index " + list(index.columns());
            schema.add(name, key, "", index.name());
        }
        for (ForeignKey fk : table.foreignKeys()) {
            String[] item = NormalizedSchema.foreignKey(fk.columns(),
                    qualify(fk.referencedSchema(), fk.referencedTable()), fk.referencedColumns(), fk.onDelete().json());
            schema.add(name, item[0], item[1], fk.name());
        }
        for (CheckConstraint check : table.checks()) {
            schema.add(name, "check " + describe(check), "", check.name());
        }
    }

    private static String describe(CheckConstraint check) {
        if (check.values() != null) {
            return check.column() + " in (" + String.join(", ", new TreeSet<>(check.values())) + ")";
        }
        if (check.min() != null || check.max() != null) {
            return check.column() + " between " + check.min() + " and " + check.max();
        }
        return HibernateSchemaReader.normalizeCheck(check.expression());
    }
}
