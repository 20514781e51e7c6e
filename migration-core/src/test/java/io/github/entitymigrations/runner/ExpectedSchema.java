package io.github.entitymigrations.runner;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
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
                boolean identity = c.identity() && kind == Kind.POSTGRESQL;
                lines.add("column " + t + "." + lower(c.name()) + " " + expectedType(c, kind)
                        + (c.nullable() && !identity ? " null" : " not null")
                        + (c.defaultValue() == null ? ""
                        : " default " + DatabaseSchemaReader.normalizedDefault(c.defaultValue()))
                        + (identity ? " identity" : ""));
            }
            if (table.primaryKey() != null) {
                lines.add("primary key " + t + " " + lower(table.primaryKey().name()) + " "
                        + lower(table.primaryKey().columns()));
            }
            for (ForeignKey f : table.foreignKeys()) {
                lines.add("foreign key " + t + " " + lower(f.name()) + " " + lower(f.columns()) + " -> "
                        + lower(f.referencedTable()) + " " + lower(f.referencedColumns()) + " on delete "
                        + f.onDelete());
            }
            for (UniqueConstraint u : table.uniques()) {
                lines.add("unique " + t + " " + lower(u.columns())
                        + (kind == Kind.POSTGRESQL ? " named " + lower(u.name()) : ""));
                if (kind == Kind.SQLITE) {
                    lines.add("unique constraint " + t + " " + lower(u.name()));
                }
            }
            for (Index i : table.indexes()) {
                lines.add(i.unique() ? "unique " + t + " " + lower(i.columns()) + " named " + lower(i.name())
                        : "index " + t + " " + lower(i.name()) + " " + lower(i.columns()));
            }
            for (CheckConstraint c : table.checks()) {
                lines.add("check " + t + " " + lower(c.name()));
            }
        }
        for (Sequence s : schema.sequences()) {
            if (kind == Kind.POSTGRESQL) {
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
                case "JSON", "LONG32VARCHAR" -> "clob";
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
            default -> throw new IllegalArgumentException("no expected PostgreSQL type for " + t);
        };
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(ExpectedSchema::lower).toList();
    }
}
