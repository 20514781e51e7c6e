package io.github.entitymigrations.runner;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@link DatabaseSchemaReader#read} must give for a database holding a {@link Schema} (the replayed
 * migrations). The types each database reports back are written out here, independently of the dialects
 * (from Hibernate 6.6's mappings), so the dialects are checked, not repeated.
 */
final class ExpectedSchema {

    private ExpectedSchema() {
    }

    /** What the tables, sequences and their parts of {@code schema} look like on that database. */
    static List<String> of(Schema schema, Kind kind) {
        List<String> lines = new ArrayList<>();
        for (Table table : schema.tables()) {
            String t = lower(table.name());
            lines.add("table " + t);
            for (Column c : table.columns()) {
                boolean identity = c.identity() && kind != Kind.SQLITE;
                List<String> enumValues = kind.isMariaDb() ? enumValues(schema, table, c, 0) : null;
                lines.add("column " + t + "." + lower(c.name()) + " "
                        + (enumValues != null ? mariaDbEnum(enumValues) : expectedType(c, kind))
                        + (c.nullable() && !identity ? " null" : " not null")
                        + (c.defaultValue() == null ? ""
                        : " default " + DatabaseSchemaReader.normalizedDefault(kind.isMariaDb()
                        ? mariaDbDefault(c) : c.defaultValue()))
                        + (identity ? " identity" : ""));
            }
            if (table.primaryKey() != null) {
                // MariaDB and MySQL name every primary key PRIMARY.
                lines.add("primary key " + t + " " + (kind.isMariaDb() ? "primary" : lower(table.primaryKey().name()))
                        + " "
                        + lower(table.primaryKey().columns()));
            }
            for (ForeignKey f : table.foreignKeys()) {
                lines.add("foreign key " + t + " " + lower(f.name()) + " " + lower(f.columns()) + " -> "
                        + lower(f.referencedTable()) + " " + lower(f.referencedColumns()) + " on delete "
                        + (kind.isMariaDb() && f.onDelete() == OnDelete.RESTRICT ? OnDelete.NO_ACTION : f.onDelete()));
            }
            for (UniqueConstraint u : table.uniques()) {
                lines.add("unique " + t + " " + lower(u.columns())
                        + (kind != Kind.SQLITE ? " named " + lower(u.name()) : ""));
                if (kind == Kind.SQLITE) {
                    lines.add("unique constraint " + t + " " + lower(u.name()));
                }
            }
            for (Index i : table.indexes()) {
                lines.add(i.unique() ? "unique " + t + " " + lower(i.columns()) + " named " + lower(i.name())
                        : "index " + t + " " + lower(i.name()) + " " + lower(i.columns()));
            }
            for (CheckConstraint c : table.checks()) {
                if (!kind.isMariaDb() || c.column() == null || ownEnumValues(table, table.column(c.column())) == null) {
                    lines.add("check " + t + " " + lower(c.name()));
                }
            }
        }
        for (Sequence s : schema.sequences()) {
            if (kind == Kind.POSTGRESQL || kind == Kind.MARIADB) {
                lines.add("sequence " + lower(s.name()) + " start " + s.start() + " increment " + s.increment());
            } else {
                lines.add("table " + lower(s.name()));
                lines.add("column " + lower(s.name()) + ".next_val bigint null");
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Each logical type as the database reports it back (see Hibernate's mappings in the dialects' docs). */
    private static String expectedType(Column c, Kind kind) {
        ColumnType t = c.type();
        if (kind.isMariaDb()) {
            return mariaDbType(t, kind);
        }
        if (kind == Kind.SQLITE) {
            if (c.identity()) {
                return "integer";
            }
            return switch (t.name()) {
                case "BIGINT", "INTEGER", "SMALLINT", "BOOLEAN", "DATE" -> lower(t.name());
                case "VARCHAR" -> "varchar(" + t.length() + ")";
                case "CHAR" -> "char(" + t.length() + ")";
                case "NUMERIC" -> "numeric";
                case "DOUBLE" -> "double precision";
                case "TIMESTAMP", "TIMESTAMP_WITH_TIMEZONE" -> "timestamp";
                case "UUID", "VARBINARY" -> "blob";
                case "JSON", "LONG32VARCHAR", "CLOB" -> "clob";
                default -> throw new IllegalArgumentException("no expected SQLite type for " + t);
            };
        }
        return switch (t.name()) {
            case "BIGINT" -> "int8";
            case "INTEGER" -> "int4";
            case "SMALLINT" -> "int2";
            case "BOOLEAN" -> "bool";
            case "VARCHAR" -> "varchar(" + t.length() + ")";
            case "CHAR" -> "bpchar(" + t.length() + ")";
            case "NUMERIC" -> "numeric(" + t.precision() + "," + t.scale() + ")";
            case "DOUBLE" -> "float8";
            case "DATE", "UUID" -> lower(t.name());
            case "TIMESTAMP" -> "timestamp(" + (t.precision() == null ? 6 : t.precision()) + ")";
            case "TIMESTAMP_WITH_TIMEZONE" -> "timestamptz(" + (t.precision() == null ? 6 : t.precision()) + ")";
            case "JSON" -> "jsonb";
            case "VARBINARY" -> "bytea";
            case "LONG32VARCHAR" -> "text";
            case "CLOB" -> "oid";
            default -> throw new IllegalArgumentException("no expected PostgreSQL type for " + t);
        };
    }

    /**
     * As MariaDB reports the type Hibernate's MariaDBDialect or MySQLDialect gives (without display widths): a UUID
     * is MariaDB's own {@code uuid}, {@code binary(16)} for MySQL; MariaDB stores {@code json} as {@code longtext}.
     */
    private static String mariaDbType(ColumnType t, Kind kind) {
        return switch (t.name()) {
            case "BIGINT", "SMALLINT", "DATE" -> lower(t.name());
            case "INTEGER" -> "int";
            case "BOOLEAN" -> "bit(1)";
            case "VARCHAR" -> "varchar(" + t.length() + ")";
            case "CHAR" -> "char(" + t.length() + ")";
            case "NUMERIC" -> "decimal(" + t.precision() + "," + t.scale() + ")";
            case "DOUBLE" -> "double";
            case "TIMESTAMP" -> "datetime(" + (t.precision() == null ? 6 : t.precision()) + ")";
            case "TIMESTAMP_WITH_TIMEZONE" -> "timestamp(" + (t.precision() == null ? 6 : t.precision()) + ")";
            case "UUID" -> kind == Kind.MARIADB ? "uuid" : "binary(16)";
            case "JSON", "LONG32VARCHAR", "CLOB" -> "longtext";
            case "VARBINARY" -> "varbinary(" + t.length() + ")";
            default -> throw new IllegalArgumentException("no expected MariaDB type for " + t);
        };
    }

    /**
     * A default as MariaDB stores it: a bit's {@code true} is {@code b'1'}, a decimal's has all its digits, the current
     * time has the column's fractional digits. RESTRICT is NO ACTION there (InnoDB checks both at once).
     */
    private static String mariaDbDefault(Column c) {
        String d = c.defaultValue().strip();
        if (d.matches("(?i)current_timestamp(\\(\\))?|now\\(\\)") && c.type().name().startsWith("TIMESTAMP")) {
            return "current_timestamp(" + (c.type().precision() == null ? 6 : c.type().precision()) + ")";
        }
        if (c.type().name().equals("BOOLEAN") && d.matches("(?i)true|false")) {
            return d.equalsIgnoreCase("true") ? "b'1'" : "b'0'";
        }
        if (c.type().name().equals("NUMERIC") && d.matches("[+-]?\\d+(\\.\\d+)?") && c.type().scale() != null) {
            return new java.math.BigDecimal(d).setScale(c.type().scale()).toPlainString();
        }
        return d;
    }

    /**
     * A foreign key column referencing a STRING enum's column has that enum type too, as Hibernate's MariaDB and MySQL
     * dialects give a foreign key column the referenced column's type.
     */
    private static List<String> enumValues(Schema schema, Table table, Column c, int depth) {
        List<String> own = ownEnumValues(table, c);
        if (own != null || depth > 4 || c.columnDefinition() != null) {
            return own;
        }
        for (ForeignKey f : table.foreignKeys()) {
            int at = lower(f.columns()).indexOf(lower(c.name()));
            if (at < 0) {
                continue;
            }
            for (Table target : schema.tables()) {
                if (target.name().equalsIgnoreCase(f.referencedTable())) {
                    Column referenced = target.column(f.referencedColumns().get(at));
                    List<String> values = referenced == null ? null : enumValues(schema, target, referenced, depth + 1);
                    if (values != null && List.of("CHAR", "VARCHAR").contains(c.type().name())) {
                        return values;
                    }
                }
            }
        }
        return null;
    }

    /** A STRING enum's column (a character column with an {@code in (...)} check) is a native enum there. */
    private static List<String> ownEnumValues(Table table, Column c) {
        if (c == null || c.columnDefinition() != null && !c.columnDefinition().isBlank()
                || !List.of("CHAR", "VARCHAR").contains(c.type().name())) {
            return null;
        }
        return table.checks().stream().filter(k -> c.name().equalsIgnoreCase(k.column()) && k.values() != null
                && !k.values().isEmpty()).map(CheckConstraint::values).findFirst().orElse(null);
    }

    private static String mariaDbEnum(List<String> values) {
        return "enum(" + values.stream().sorted().map(v -> "'" + lower(v).replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(",")) + ")";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(ExpectedSchema::lower).toList();
    }
}
