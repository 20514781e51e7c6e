package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A terse way to write schemas in tests, in the EF Core fixture style: a schema is built from parts,
 * and a part that names a table already built continues it, so a test writes what both sides share once
 * and then what only the source or only the target has.
 *
 * <pre>{@code
 * Consumer<SchemaBuilder> common = s -> s.table("users", t -> { t.id(); t.col("name", varchar(100)); });
 * Schema from = schema(common);
 * Schema to = schema(common, s -> s.table("users", t -> t.col("email", varchar(200)).notNull()));
 * }</pre>
 */
public final class SchemaBuilder {

    public static final ColumnType BIGINT = ColumnType.of("BIGINT");
    public static final ColumnType INTEGER = ColumnType.of("INTEGER");
    public static final ColumnType BOOLEAN = ColumnType.of("BOOLEAN");
    public static final ColumnType TIMESTAMP = ColumnType.of("TIMESTAMP");
    public static final ColumnType CLOB = ColumnType.of("CLOB");

    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();

    @SafeVarargs
    public static Schema schema(Consumer<SchemaBuilder>... parts) {
        SchemaBuilder b = new SchemaBuilder();
        for (Consumer<SchemaBuilder> part : parts) {
            part.accept(b);
        }
        return b.build();
    }

    public static ColumnType varchar(int length) {
        return ColumnType.ofLength("VARCHAR", length);
    }

    public static ColumnType numeric(int precision, int scale) {
        return ColumnType.numeric("NUMERIC", precision, scale);
    }

    /** A stand-alone column (nullable until told otherwise), for expected operations. */
    public static ColumnBuilder col(String name, ColumnType type) {
        return new ColumnBuilder(name, type);
    }

    /** The table of a built schema, by exact name. */
    public static Table table(Schema schema, String name) {
        return schema.tables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + schema));
    }

    /** A column of a built schema's table, by exact name. */
    public static Column column(Schema schema, String table, String name) {
        return table(schema, table).columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + table + "." + name));
    }

    public SchemaBuilder table(String name, Consumer<TableBuilder> body) {
        return table(null, name, body);
    }

    public SchemaBuilder table(String dbSchema, String name, Consumer<TableBuilder> body) {
        body.accept(tables.computeIfAbsent(dbSchema + "." + name, k -> new TableBuilder(dbSchema, name)));
        return this;
    }

    public SchemaBuilder sequence(String name, long start, long increment) {
        sequences.add(new Sequence(null, name, start, increment));
        return this;
    }

    public Schema build() {
        return new Schema(null, tables.values().stream().map(TableBuilder::build).toList(), sequences);
    }

    /** A column being written; every setter returns it, so {@code t.col(..).notNull().defaultValue(..)}. */
    public static final class ColumnBuilder {
        private String name;
        private ColumnType type;
        private boolean nullable = true;
        private boolean identity;
        private String defaultValue;
        private String columnDefinition;
        private boolean quoted;
        private String renamedFrom;
        private String backfill;

        ColumnBuilder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }

        public ColumnBuilder notNull() {
            nullable = false;
            return this;
        }

        public ColumnBuilder identity() {
            identity = true;
            return this;
        }

        public ColumnBuilder defaultValue(String sql) {
            defaultValue = sql;
            return this;
        }

        public ColumnBuilder definition(String sql) {
            columnDefinition = sql;
            return this;
        }

        public ColumnBuilder quoted() {
            quoted = true;
            return this;
        }

        public ColumnBuilder renamedFrom(String old) {
            renamedFrom = old;
            return this;
        }

        public ColumnBuilder backfill(String expression) {
            backfill = expression;
            return this;
        }

        public Column build() {
            return new Column(name, type, nullable, identity, defaultValue, columnDefinition, quoted, renamedFrom,
                    backfill);
        }
    }

    /** A table being written. Constraint helpers take the constraint name first, then the columns. */
    public static final class TableBuilder {
        private final String dbSchema;
        private final String name;
        private String renamedFrom;
        private final List<String> sources = new ArrayList<>();
        private final List<ColumnBuilder> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();

        TableBuilder(String dbSchema, String name) {
            this.dbSchema = dbSchema;
            this.name = name;
        }

        /** {@code id BIGINT NOT NULL} and primary key {@code pk_<table>} on it. */
        public TableBuilder id() {
            col("id", BIGINT).notNull();
            return pk("pk_" + name, "id");
        }

        public ColumnBuilder col(String column, ColumnType type) {
            ColumnBuilder c = new ColumnBuilder(column, type);
            columns.add(c);
            return c;
        }

        public TableBuilder renamedFrom(String old) {
            renamedFrom = old;
            return this;
        }

        public TableBuilder sources(String... javaTypes) {
            sources.addAll(Arrays.asList(javaTypes));
            return this;
        }

        public TableBuilder pk(String constraint, String... cols) {
            primaryKey = new PrimaryKey(constraint, List.of(cols));
            return this;
        }

        public TableBuilder unique(String constraint, String... cols) {
            uniques.add(new UniqueConstraint(constraint, List.of(cols)));
            return this;
        }

        public TableBuilder index(String index, String... cols) {
            indexes.add(new Index(index, List.of(cols), false));
            return this;
        }

        public TableBuilder uniqueIndex(String index, String... cols) {
            indexes.add(new Index(index, List.of(cols), true));
            return this;
        }

        public TableBuilder checkIn(String constraint, String column, String... values) {
            checks.add(CheckConstraint.in(constraint, column, List.of(values)));
            return this;
        }

        public TableBuilder checkBetween(String constraint, String column, long min, long max) {
            checks.add(CheckConstraint.between(constraint, column, min, max));
            return this;
        }

        public TableBuilder checkExpression(String constraint, String expression) {
            checks.add(CheckConstraint.expression(constraint, null, expression));
            return this;
        }

        /** A check expression on one column, as the processor writes a discriminator's values. */
        public TableBuilder checkExpression(String constraint, String column, String expression) {
            checks.add(CheckConstraint.expression(constraint, column, expression));
            return this;
        }

        /** A foreign key from one column to {@code id} of another table, {@code NO_ACTION} on delete. */
        public TableBuilder fk(String constraint, String column, String referencedTable) {
            return fk(constraint, List.of(column), referencedTable, List.of("id"), OnDelete.NO_ACTION);
        }

        public TableBuilder fk(String constraint, List<String> cols, String referencedTable,
                               List<String> referencedColumns, OnDelete onDelete) {
            foreignKeys.add(new ForeignKey(constraint, cols, null, referencedTable, referencedColumns, onDelete));
            return this;
        }

        Table build() {
            return new Table(dbSchema, name, false, renamedFrom, sources,
                    columns.stream().map(ColumnBuilder::build).toList(), primaryKey, uniques, indexes, checks,
                    foreignKeys);
        }
    }
}
