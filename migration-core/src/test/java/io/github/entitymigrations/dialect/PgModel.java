package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

/** Terse builders for the schema records the PostgreSQL scenarios use. */
final class PgModel {

    private PgModel() {
    }

    static ColumnType type(String name) {
        return ColumnType.of(name);
    }

    static ColumnType varchar(int length) {
        return ColumnType.ofLength("VARCHAR", length);
    }

    static ColumnType sized(String name, int length) {
        return ColumnType.ofLength(name, length);
    }

    static ColumnType numeric(int precision, int scale) {
        return ColumnType.numeric("NUMERIC", precision, scale);
    }

    static Col col(String name, ColumnType type) {
        return new Col(name, type);
    }

    static Tbl table(String name) {
        return new Tbl(name);
    }

    /** A column; nullable, not identity, no default until told otherwise. */
    static final class Col {
        private final String name;
        private final ColumnType type;
        private boolean nullable = true;
        private boolean identity;
        private String defaultValue;
        private String definition;
        private boolean quoted;

        Col(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        Col notNull() {
            nullable = false;
            return this;
        }

        Col identity() {
            identity = true;
            nullable = false;
            return this;
        }

        Col defaultValue(String sql) {
            defaultValue = sql;
            return this;
        }

        Col definition(String sql) {
            definition = sql;
            return this;
        }

        Col quoted() {
            quoted = true;
            return this;
        }

        Column build() {
            return new Column(name, type, nullable, identity, defaultValue, definition, quoted, null);
        }
    }

    /** A table; constraint helpers take the constraint name first. */
    static final class Tbl {
        private final String name;
        private String schema;
        private boolean quoted;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        Tbl(String name) {
            this.name = name;
        }

        Tbl schema(String s) {
            schema = s;
            return this;
        }

        Tbl quoted() {
            quoted = true;
            return this;
        }

        Tbl col(Col... cols) {
            for (Col c : cols) {
                columns.add(c.build());
            }
            return this;
        }

        /** {@code id bigint not null} as primary key {@code pk_<table>}. */
        Tbl id() {
            col(PgModel.col("id", type("BIGINT")).notNull());
            return pk("pk_" + name.toLowerCase(java.util.Locale.ROOT), "id");
        }

        Tbl pk(String constraint, String... cols) {
            primaryKey = new PrimaryKey(constraint, List.of(cols));
            return this;
        }

        Tbl unique(String constraint, String... cols) {
            uniques.add(new UniqueConstraint(constraint, List.of(cols)));
            return this;
        }

        Tbl index(String index, String... cols) {
            indexes.add(new Index(index, List.of(cols), false));
            return this;
        }

        Tbl uniqueIndex(String index, String... cols) {
            indexes.add(new Index(index, List.of(cols), true));
            return this;
        }

        Tbl check(CheckConstraint c) {
            checks.add(c);
            return this;
        }

        Tbl fk(String constraint, String column, String referencedTable, OnDelete onDelete) {
            return fk(new ForeignKey(constraint, List.of(column), null, referencedTable, List.of("id"), onDelete));
        }

        Tbl fk(ForeignKey f) {
            foreignKeys.add(f);
            return this;
        }

        Table build() {
            return new Table(schema, name, quoted, null, List.of(), columns, primaryKey, uniques, indexes, checks,
                    foreignKeys);
        }
    }
}
