package io.github.entitymigrations.bench.apply;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The apply benchmark's input: {@code count} migrations in a seeded, deterministic, realistic mix (new
 * tables with a primary key and columns of several types, added columns, indexes, and foreign keys to
 * earlier tables; 1 to 5 operations each), written
 * <ul>
 *   <li>as Entity Migrations JSON files, through {@link MigrationJson} so they are what {@code generate}
 *       writes ({@code json/NNNN_slug.json});</li>
 *   <li>per dialect, as the exact statements our runner runs for each migration (rendered by our dialect
 *       against the schema before each operation, as the runner's planner does): as Flyway versioned files
 *       ({@code flyway-<dialect>/V0001__slug.sql}), as one Liquibase formatted-SQL changelog
 *       ({@code liquibase-<dialect>/changelog.sql}, one changeset per migration), and as a JSON list of
 *       lists for raw JDBC ({@code jdbc-<dialect>.json}).</li>
 * </ul>
 * So every tool runs the same statements, one transaction per migration.
 */
public final class Generator {

    /** The seed of the published numbers; changing it changes the workload. */
    public static final long SEED = 20_261_121L;

    public static final List<String> DIALECTS = List.of(PostgresDialect.NAME, SqliteDialect.NAME);

    private static final String[] NOUNS = {"customer", "order", "invoice", "product", "supplier", "shipment",
        "payment", "account", "address", "employee", "department", "project", "ticket", "comment", "review",
        "category", "warehouse", "stock", "coupon", "session", "device", "contract", "budget", "report"};
    private static final String[] ATTRIBUTES = {"name", "code", "status", "title", "email", "amount", "price",
        "quantity", "created_at", "updated_at", "active", "note", "rank", "score", "due_date", "reference",
        "external_id", "weight", "currency", "country", "phone", "version", "description", "label"};

    private final Random random;
    private final List<Migration> migrations = new ArrayList<>();
    /** Tables created so far, by name, with their current columns; the generator's own model. */
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final Map<String, Integer> indexCount = new LinkedHashMap<>();
    private int columnCounter;

    private Generator(long seed) {
        this.random = new Random(seed);
    }

    /** The migrations, oldest first. */
    public static List<Migration> migrations(int count, long seed) {
        Generator g = new Generator(seed);
        for (int i = 1; i <= count; i++) {
            g.next(i);
        }
        return g.migrations;
    }

    /** The fixture written to a directory, and what a database holds after applying it. */
    public record Fixture(Path directory, int migrations, int tables, int columns) {

        public Path json() {
            return directory.resolve("json");
        }

        public Path flyway(String dialect) {
            return directory.resolve("flyway-" + dialect);
        }

        public Path liquibase(String dialect) {
            return directory.resolve("liquibase-" + dialect);
        }

        public static final String CHANGELOG = "changelog.sql";

        public Path jdbc(String dialect) {
            return directory.resolve("jdbc-" + dialect + ".json");
        }

        /** The statements of each migration, for raw JDBC. */
        public static List<List<String>> readStatements(Path file) throws IOException {
            return MigrationJson.mapper().readValue(file.toFile(), new TypeReference<List<List<String>>>() { });
        }
    }

    /** Writes {@code count} migrations and their SQL to {@code directory}. */
    public static Fixture write(Path directory, int count, long seed) throws IOException {
        List<Migration> all = migrations(count, seed);
        Path json = Files.createDirectories(directory.resolve("json"));
        for (Migration m : all) {
            Files.writeString(json.resolve(fileName(m, ".json")), MigrationJson.write(m));
        }
        SchemaState end = SchemaState.empty();
        all.forEach(m -> end.apply(m.upgrade()));
        int tables = end.toSchema().tables().size();
        int columns = end.toSchema().tables().stream().mapToInt(t -> t.columns().size()).sum();
        Fixture fixture = new Fixture(directory, all.size(), tables, columns);
        for (String name : DIALECTS) {
            List<List<String>> sql = render(all, dialect(name));
            Path flyway = Files.createDirectories(fixture.flyway(name));
            StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
            for (int i = 0; i < all.size(); i++) {
                Migration m = all.get(i);
                StringBuilder file = new StringBuilder("-- " + m.message() + "\n");
                changelog.append("\n--changeset bench:").append(m.id()).append('\n');
                for (String statement : sql.get(i)) {
                    if (statement.contains(";")) {
                        throw new IllegalStateException("A statement with ';' would be split by Flyway and Liquibase: "
                                + statement);
                    }
                    file.append(statement).append(";\n");
                    changelog.append(statement).append(";\n");
                }
                Files.writeString(flyway.resolve("V" + m.id() + "__" + slug(m) + ".sql"), file);
            }
            Files.writeString(Files.createDirectories(fixture.liquibase(name)).resolve(Fixture.CHANGELOG), changelog);
            Files.writeString(fixture.jdbc(name), MigrationJson.mapper().writeValueAsString(sql));
        }
        return fixture;
    }

    public static Dialect dialect(String name) {
        return name.equals(SqliteDialect.NAME) ? new SqliteDialect() : new PostgresDialect(null);
    }

    /**
     * Each migration's statements as our runner plans them: each operation rendered against the schema
     * the operations before it produce, then applied to it.
     */
    public static List<List<String>> render(List<Migration> migrations, Dialect dialect) {
        SchemaState state = SchemaState.empty();
        List<List<String>> result = new ArrayList<>();
        for (Migration m : migrations) {
            List<String> statements = new ArrayList<>();
            for (Operation op : m.upgrade()) {
                statements.addAll(dialect.render(op, state.toSchema()));
                op.applyTo(state);
            }
            result.add(statements);
        }
        return result;
    }

    static String fileName(Migration m, String extension) {
        return m.id() + "_" + slug(m) + extension;
    }

    static String slug(Migration m) {
        return m.message().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private void next(int number) {
        String id = String.format("%04d", number);
        String parent = number == 1 ? null : String.format("%04d", number - 1);
        int budget = 1 + random.nextInt(5);
        List<Operation> ops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (ops.size() < budget) {
            int roll = random.nextInt(100);
            if (tables.size() < 3 || roll < 30) {
                ops.add(createTable());
                words.add("create");
            } else if (roll < 60) {
                ops.add(addColumn());
                words.add("add column");
            } else if (roll < 80) {
                ops.add(createIndex());
                words.add("index");
            } else if (budget - ops.size() >= 2) {
                ops.addAll(foreignKey());
                words.add("foreign key");
            } else {
                ops.add(addColumn());
                words.add("add column");
            }
        }
        String message = String.join(", ", words.stream().distinct().toList()) + " " + number;
        migrations.add(new Migration(id, parent, message, ops, Diff.reverse(ops), List.of()));
    }

    private CreateTable createTable() {
        String name = NOUNS[random.nextInt(NOUNS.length)] + "_" + (tables.size() + 1);
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.of("BIGINT"), false, false, null, null, false, null));
        int extra = 3 + random.nextInt(6);
        for (int i = 0; i < extra; i++) {
            columns.add(column(columns));
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (tables.size() >= 3 && random.nextInt(3) == 0) {
            String target = earlierTable(null);
            String fkColumn = target + "_id";
            columns.add(new Column(fkColumn, ColumnType.of("BIGINT"), true, false, null, null, false, null));
            fks.add(new ForeignKey("fk_" + name + "_" + fkColumn, List.of(fkColumn), null, target, List.of("id"), null));
        }
        Table table = new Table(null, name, false, null, List.of(), columns, new PrimaryKey("pk_" + name, List.of("id")),
                List.of(), List.of(), List.of(), fks);
        tables.put(name, new ArrayList<>(columns));
        return new CreateTable(table);
    }

    private AddColumn addColumn() {
        String table = earlierTable(null);
        Column column = column(tables.get(table));
        tables.get(table).add(column);
        return new AddColumn(null, table, column);
    }

    private CreateIndex createIndex() {
        String table = earlierTable(null);
        List<Column> columns = tables.get(table);
        List<String> indexed = new ArrayList<>();
        indexed.add(columns.get(1 + random.nextInt(columns.size() - 1)).name());
        if (random.nextInt(4) == 0) {
            String second = columns.get(1 + random.nextInt(columns.size() - 1)).name();
            if (!indexed.contains(second)) {
                indexed.add(second);
            }
        }
        int n = indexCount.merge(table, 1, Integer::sum);
        return new CreateIndex(null, table, new Index("ix_" + table + "_" + n, indexed, random.nextInt(5) == 0));
    }

    /** A new BIGINT column and its foreign key to an earlier table's primary key. */
    private List<Operation> foreignKey() {
        String table = earlierTable(null);
        String target = earlierTable(table);
        String name = target + "_ref_" + (++columnCounter);
        Column column = new Column(name, ColumnType.of("BIGINT"), true, false, null, null, false, null);
        tables.get(table).add(column);
        OnDelete onDelete = random.nextInt(4) == 0 ? OnDelete.CASCADE : null;
        return List.of(new AddColumn(null, table, column), new AddForeignKey(null, table,
                new ForeignKey("fk_" + table + "_" + name, List.of(name), null, target, List.of("id"), onDelete)));
    }

    /** A table created before, not {@code other}; recent tables are likelier, as in real projects. */
    private String earlierTable(String other) {
        List<String> names = new ArrayList<>(tables.keySet());
        while (true) {
            int back = Math.min(names.size() - 1, (int) Math.abs(random.nextGaussian() * 20));
            String name = names.get(names.size() - 1 - back);
            if (!name.equals(other)) {
                return name;
            }
            if (names.size() == 1) {
                throw new IllegalStateException("no other table");
            }
        }
    }

    private Column column(List<Column> existing) {
        String base = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
        String name = base;
        if (existing.stream().anyMatch(c -> c.name().equals(base))) {
            name = base + "_" + (++columnCounter);
        }
        ColumnType type;
        String defaultValue = null;
        boolean nullable = random.nextInt(4) != 0;
        switch (random.nextInt(8)) {
            case 0 -> type = ColumnType.ofLength("VARCHAR", 32 + 32 * random.nextInt(8));
            case 1 -> type = ColumnType.ofLength("VARCHAR", 255);
            case 2 -> type = ColumnType.of("INTEGER");
            case 3 -> type = ColumnType.of("BIGINT");
            case 4 -> type = ColumnType.numeric("NUMERIC", 12, 2);
            case 5 -> {
                type = ColumnType.of("BOOLEAN");
                defaultValue = nullable ? null : "false";
            }
            case 6 -> type = ColumnType.of("DATE");
            default -> type = new ColumnType("TIMESTAMP_UTC", null, 6, null);
        }
        if (!nullable && defaultValue == null) {
            // A NOT NULL column added to an existing table needs a default (SQLite refuses it otherwise).
            defaultValue = switch (type.name()) {
                case "VARCHAR" -> "''";
                case "INTEGER", "BIGINT", "NUMERIC" -> "0";
                case "DATE" -> "'2000-01-01'";
                default -> null;
            };
            nullable = defaultValue == null;
        }
        return new Column(name, type, nullable, false, defaultValue, null, false, null);
    }
}
