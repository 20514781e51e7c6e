package io.github.entitymigrations.introspect;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.MariaDbEnums;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.introspect.SchemaObject.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a database holds once the migrations built {@code schema}, in the words that database
 * reports them back with: each column type as the dialect writes it, normalized the way the reader
 * normalizes the catalog's.
 */
public final class ExpectedObjects {

    private ExpectedObjects() {
    }

    public static List<SchemaObject> of(Schema schema, Dialect dialect) {
        boolean sqlite = SqliteDialect.NAME.equals(dialect.name());
        boolean mysqlFamily = LiveSchema.mysqlFamily(dialect);
        List<SchemaObject> objects = new ArrayList<>();
        for (Table t : schema.tables()) {
            String table = qualified(t.schema(), t.name());
            objects.add(new SchemaObject(Kind.TABLE, null, table, Map.of()));
            for (Column c : t.columns()) {
                objects.add(column(schema, t, table, c, dialect, sqlite, mysqlFamily));
            }
            if (t.primaryKey() != null) {
                objects.add(new SchemaObject(Kind.PRIMARY_KEY, table, t.primaryKey().name(),
                        Map.of("columns", LiveSchema.list(t.primaryKey().columns()))));
            }
            for (UniqueConstraint u : t.uniques()) {
                objects.add(new SchemaObject(Kind.UNIQUE, table, u.name(), Map.of("columns", LiveSchema.list(u.columns()))));
            }
            for (Index i : t.indexes()) {
                objects.add(LiveSchema.index(table, i.name(), LiveSchema.list(i.columns()), i.unique()));
            }
            for (CheckConstraint c : t.checks()) {
                if (!(mysqlFamily && MariaDbEnums.isEnum(t, c))) { // a STRING enum's: the column's enum type
                    objects.add(new SchemaObject(Kind.CHECK, table, c.name(), Map.of()));
                }
            }
            for (ForeignKey f : t.foreignKeys()) {
                List<List<String>> pairs = mysqlFamily ? inReferencedKeyOrder(schema, f)
                        : List.of(f.columns(), f.referencedColumns());
                objects.add(LiveSchema.foreignKey(table, f.name(), LiveSchema.list(pairs.get(0)),
                        qualified(f.referencedSchema(), f.referencedTable()), LiveSchema.list(pairs.get(1)),
                        onDelete(f.onDelete().sql(), mysqlFamily)));
            }
        }
        for (Sequence s : schema.sequences()) {
            // SQLite and MySQL have Hibernate's next_val table, whose start and increment are the application's
            boolean table = sqlite || LiveSchema.MYSQL.equals(dialect.name());
            Map<String, String> properties = table ? Map.of()
                    : Map.of("start", String.valueOf(s.start()), "increment", String.valueOf(s.increment()));
            objects.add(new SchemaObject(Kind.SEQUENCE, null, qualified(s.schema(), s.name()), properties));
        }
        return objects;
    }

    private static String onDelete(String sql, boolean mysqlFamily) {
        String action = sql == null ? "no action" : sql.toLowerCase(java.util.Locale.ROOT);
        return mysqlFamily ? MariaDbCatalog.onDelete(action) : action;
    }

    private static SchemaObject column(Schema schema, Table t, String table, Column c, Dialect dialect, boolean sqlite,
                                       boolean mysqlFamily) {
        Map<String, String> properties = new LinkedHashMap<>();
        // A columnDefinition may go on with a default and NOT NULL, which the catalog reports apart.
        List<String> enumValues = mysqlFamily ? MariaDbEnums.values(t, c, (owner, f) -> referenced(schema, f)) : null;
        ColumnDefinition definition = ColumnDefinition.of(enumValues != null ? enumType(enumValues)
                : dialect.columnType(c));
        String type = definition.type();
        properties.put("type", sqlite ? SqlText.type(type) : mysqlFamily ? SqlText.mysqlType(type)
                : SqlText.postgresType(type));
        // PostgreSQL and MySQL make identity and primary-key columns NOT NULL; SQLite keeps what was declared.
        boolean inKey = t.primaryKey() != null && t.primaryKey().columns().stream().anyMatch(c.name()::equalsIgnoreCase);
        boolean notNull = !c.nullable() || definition.notNull() || !sqlite && (c.identity() || inKey);
        properties.put("nullability", LiveSchema.nullability(notNull));
        String written = c.defaultValue() != null ? c.defaultValue() : definition.defaultValue();
        String defaultValue = c.identity() ? null : mysqlFamily ? SqlText.mysqlDefault(written)
                : SqlText.defaultValue(written);
        properties.put("default", defaultValue == null ? LiveSchema.NO_DEFAULT : defaultValue);
        if (mysqlFamily) {
            properties.put("identity", LiveSchema.autoIncrement(c.identity()));
        } else if (!sqlite) {
            properties.put("identity", LiveSchema.identity(c.identity() ? "d" : ""));
        }
        return new SchemaObject(Kind.COLUMN, table, c.name(), properties);
    }

    private static Table referenced(Schema schema, ForeignKey f) {
        return schema.tablesNamed(f.referencedTable()).stream()
                .filter(t -> java.util.Objects.equals(t.schema(), f.referencedSchema())).findFirst().orElse(null);
    }

    /**
     * A composite foreign key's columns and referenced columns as the MariaDB/MySQL dialect creates them (and InnoDB
     * reports them): pairs in the order of the referenced table's key with those columns, as Hibernate lists them.
     */
    private static List<List<String>> inReferencedKeyOrder(Schema schema, ForeignKey f) {
        List<List<String>> asGiven = List.of(f.columns(), f.referencedColumns());
        Table target = referenced(schema, f);
        if (target == null || f.referencedColumns().size() < 2) {
            return asGiven;
        }
        List<List<String>> keys = new ArrayList<>();
        if (target.primaryKey() != null) {
            keys.add(target.primaryKey().columns());
        }
        target.uniques().forEach(u -> keys.add(u.columns()));
        target.indexes().stream().filter(Index::unique).forEach(i -> keys.add(i.columns()));
        List<String> referenced = f.referencedColumns().stream().map(LiveSchema::lower).toList();
        for (List<String> key : keys) {
            List<String> lowerKey = key.stream().map(LiveSchema::lower).toList();
            if (key.size() == referenced.size() && new java.util.HashSet<>(lowerKey).equals(
                    new java.util.HashSet<>(referenced))) {
                List<String> columns = lowerKey.stream().map(k -> f.columns().get(referenced.indexOf(k))).toList();
                return List.of(columns, key);
            }
        }
        return asGiven;
    }

    private static String enumType(List<String> values) {
        // sorted, as Hibernate (and so the dialect) writes them
        return "enum(" + String.join(",", values.stream().sorted().map(Dialect::literal).toList()) + ")";
    }

    /** A table of another schema than the configured one keeps its schema in its name. */
    static String qualified(String schema, String name) {
        return schema == null || schema.isBlank() ? name : schema + "." + name;
    }
}
