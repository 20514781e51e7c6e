package io.github.entitymigrations.bench.generate;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entity snapshots of {@code n} tables, as the processor writes them for ordinary entities: a sequence id
 * ({@code <table>_SEQ}, increment 50), a dozen columns of the usual types, a unique code, an index, an
 * enum check, {@code @Version}, and a foreign key to the table before it.
 */
public final class SchemaGenerator {

    private SchemaGenerator() {
    }

    public static String tableName(int i) {
        return String.format(Locale.ROOT, "entity_%05d", i);
    }

    /** The schemas of tables 1 to {@code k}, for any {@code k <= n}. */
    public static final class Tables {
        private final List<Table> tables = new ArrayList<>();
        private final List<Sequence> sequences = new ArrayList<>();

        public Tables(int n) {
            for (int i = 1; i <= n; i++) {
                tables.add(table(i));
                sequences.add(new Sequence(null, tableName(i) + "_SEQ", 1, 50));
            }
        }

        /** The schema of tables 1 to {@code k}. */
        public Schema first(int k) {
            return new Schema(NamingStrategy.JPA, tables.subList(0, k), sequences.subList(0, k));
        }
    }

    private static Table table(int i) {
        String t = tableName(i);
        List<Column> columns = new ArrayList<>(List.of(
                column("id", ColumnType.of("BIGINT"), false),
                column("name", ColumnType.ofLength("VARCHAR", 120), false),
                column("code", ColumnType.ofLength("VARCHAR", 40), true),
                column("amount", ColumnType.numeric("NUMERIC", 12, 2), true),
                column("quantity", ColumnType.of("INTEGER"), false),
                column("active", ColumnType.of("BOOLEAN"), false),
                column("ratio", ColumnType.of("FLOAT"), true),
                column("dueDate", ColumnType.of("DATE"), true),
                column("createdAt", ColumnType.of("TIMESTAMP_UTC"), false),
                column("externalRef", ColumnType.of("UUID"), true),
                column("status", ColumnType.ofLength("VARCHAR", 20), true),
                column("version", ColumnType.of("BIGINT"), false)));
        List<ForeignKey> foreignKeys = new ArrayList<>();
        if (i > 1) {
            columns.add(column("parent_id", ColumnType.of("BIGINT"), true));
            foreignKeys.add(new ForeignKey("fk_" + t + "_parent", List.of("parent_id"), null, tableName(i - 1),
                    List.of("id"), null));
        }
        return new Table(null, t, false, null, List.of("bench.model.Entity" + i), columns,
                new PrimaryKey(t + "_pkey", List.of("id")),
                List.of(new UniqueConstraint("uk_" + t + "_code", List.of("code"))),
                List.of(new Index("ix_" + t + "_name", List.of("name"), false)),
                List.of(CheckConstraint.in("ck_" + t + "_status", "status", List.of("DRAFT", "ACTIVE", "CLOSED"))),
                foreignKeys);
    }

    private static Column column(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, false, null, null, false, null);
    }
}
