package io.github.entitymigrations.bench.rebuild;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.Migrator;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The SQLite table of the rebuild benchmark, its migrations and the hand-written equivalent.
 * <p>
 * {@code items}: a bigint key, text, integer, real and timestamp columns, two indexes. Migration 0001 (made
 * by {@code generate} from a snapshot, applied by our runner) creates it; it is then filled through a JDBC
 * batch. Each {@link Change} is a migration 0002 generated from a snapshot where one or three columns changed
 * type, which SQLite can only do by rebuilding the table, and the copy script a person would write for it
 * (one copy, however many columns change), following SQLite's documented procedure.
 */
public final class RebuildFixture {

    static final String TABLE = "items";

    /** One column's change: its new type, as declared, and the storage class every value then has. */
    record ColumnChange(String column, ColumnType type, String declared, String storage) {
        /** {@code legacy_code integer} to {@code varchar(20)}: SQLite's text affinity converts every value. */
        static final ColumnChange LEGACY = new ColumnChange("legacy_code", ColumnType.ofLength("VARCHAR", 20),
                "varchar(20)", "text");
        /** {@code ref_number varchar(20)}, all digits, to {@code bigint}: ours also checks every value converted. */
        static final ColumnChange REF = new ColumnChange("ref_number", ColumnType.of("BIGINT"), "bigint", "integer");
        /** {@code name varchar(100)} to {@code varchar(200)}: an indexed column, the values as they are. */
        static final ColumnChange NAME = new ColumnChange("name", ColumnType.ofLength("VARCHAR", 200), "varchar(200)",
                "text");
    }

    /** Changes SQLite needs a table rebuild for, each one migration 0002. */
    public enum Change {
        INTEGER_TO_VARCHAR("integer → varchar", false, ColumnChange.LEGACY),
        VARCHAR_TO_BIGINT("varchar → bigint (valid data)", false, ColumnChange.REF),
        /** The three in one migration: one rebuild, as the hand-written script does it. */
        THREE_COLUMNS("3 columns: the two above and varchar(100) → varchar(200)", false,
                ColumnChange.LEGACY, ColumnChange.REF, ColumnChange.NAME),
        /**
         * The same three with a no-op {@code sql} step between the changes, which keeps them apart: one rebuild
         * each, as every migration ran before changes to one table were rebuilt together. For comparison only.
         */
        THREE_COLUMNS_APART("the same 3 columns, a rebuild each (as before; not judged)", true,
                ColumnChange.LEGACY, ColumnChange.REF, ColumnChange.NAME);

        final List<ColumnChange> columns;
        final boolean apart;
        public final String label;

        Change(String label, boolean apart, ColumnChange... columns) {
            this.columns = List.of(columns);
            this.apart = apart;
            this.label = label;
        }

        /** Whether it is judged against the target (the one-rebuild cases), not only shown for comparison. */
        public boolean judged() {
            return !apart;
        }

        ColumnChange column(String name) {
            return columns.stream().filter(c -> c.column().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * A prepared database and the migrations directories (0001 plus each change's 0002).
     */
    public record Prepared(Path database, Map<Change, Path> migrations, int rows) {
    }

    private RebuildFixture() {
    }

    /** Generates the migrations, applies 0001 to a new database in {@code dir} and fills it with {@code rows} rows. */
    public static Prepared prepare(Path dir, int rows) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path first = dir.resolve("migrations-0001");
        Path snapshot = dir.resolve("schema.json");
        Files.writeString(snapshot, SchemaJson.write(schema(null)));
        new Workspace(first, snapshot, Console.SILENT).generate("create items").orElseThrow();
        Map<Change, Path> migrations = new TreeMap<>();
        for (Change change : Change.values()) {
            Path chain = dir.resolve("migrations-" + change.name().toLowerCase(java.util.Locale.ROOT));
            Files.createDirectories(chain);
            try (Stream<Path> files = Files.list(first)) {
                for (Path f : files.toList()) {
                    Files.copy(f, chain.resolve(f.getFileName()));
                }
            }
            Files.writeString(snapshot, SchemaJson.write(schema(change)));
            Path generated = new Workspace(chain, snapshot, Console.SILENT).generate("change " + change.columns.size()
                    + " column types").orElseThrow();
            if (change.apart) {
                keepApart(generated);
            }
            migrations.put(change, chain);
        }
        Path database = dir.resolve("base.db");
        Files.deleteIfExists(database);
        new Migrator(new Database(url(database), null, null, null), MigrationChain.load(first), Console.SILENT)
                .upgrade("head");
        fill(database, rows);
        return new Prepared(database, migrations, rows);
    }

    /** Puts a no-op {@code sql} step between the migration's operations, so each is a rebuild of its own. */
    private static void keepApart(Path file) throws IOException {
        Migration m = MigrationChain.load(file.getParent()).migrations().stream()
                .filter(f -> f.fileName().equals(file.getFileName().toString())).findFirst().orElseThrow().migration();
        List<Operation> upgrade = new ArrayList<>();
        for (Operation op : m.upgrade()) {
            if (!upgrade.isEmpty()) {
                upgrade.add(new Sql(Map.of(Sql.ANY_DIALECT, List.of("select 1")), Map.of(Sql.ANY_DIALECT,
                        List.of("select 1")), false, List.of()));
            }
            upgrade.add(op);
        }
        Files.writeString(file, MigrationJson.write(new Migration(m.id(), m.parent(), m.message(), upgrade,
                Diff.reverse(upgrade), m.warnings())));
    }

    static String url(Path database) {
        return "jdbc:sqlite:" + database;
    }

    /** The entity snapshot: the table before any change, or after {@code change}. */
    static Schema schema(Change change) {
        List<Column> columns = new ArrayList<>(List.of(
                column("id", ColumnType.of("BIGINT"), false),
                column("name", ColumnType.ofLength("VARCHAR", 100), false),
                column("category", ColumnType.ofLength("VARCHAR", 40), true),
                column("quantity", ColumnType.of("INTEGER"), false),
                column("price", ColumnType.of("FLOAT"), true),
                column("created_at", ColumnType.of("TIMESTAMP"), false),
                column("legacy_code", ColumnType.of("INTEGER"), true),
                column("ref_number", ColumnType.ofLength("VARCHAR", 20), true)));
        if (change != null) {
            columns.replaceAll(c -> change.column(c.name()) == null ? c
                    : column(c.name(), change.column(c.name()).type(), c.nullable()));
        }
        Table items = new Table(null, TABLE, false, null, List.of("bench.Item"), columns,
                new PrimaryKey("items_pkey", List.of("id")), List.of(),
                List.of(new Index("ix_items_name", List.of("name"), false),
                        new Index("ix_items_category_price", List.of("category", "price"), false)),
                List.of(), List.of());
        return new Schema(NamingStrategy.JPA, List.of(items), List.of());
    }

    private static Column column(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, false, null, null, false, null);
    }

    private static void fill(Path database, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database))) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into items (id, name, category, quantity, "
                    + "price, created_at, legacy_code, ref_number) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "item " + i);
                    insert.setString(3, "category " + (i % 50));
                    insert.setInt(4, i % 1000);
                    insert.setDouble(5, (i % 10_000) / 100.0);
                    insert.setString(6, String.format(java.util.Locale.ROOT, "2024-%02d-%02d 12:%02d:00.000",
                            1 + i % 12, 1 + i % 28, i % 60));
                    insert.setInt(7, (int) ((i * 7919L) % 1_000_000));
                    insert.setString(8, Long.toString(1_000_000_000L + i));
                    insert.addBatch();
                    if (i % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * The copy script a person would write for {@code change}, after SQLite's procedure: foreign keys off,
     * one transaction, create the new table, copy, drop, rename, re-create the indexes, check foreign keys.
     * One statement a line.
     */
    public static String script(Change change) {
        String legacy = declared(change, "legacy_code", "integer");
        String ref = declared(change, "ref_number", "varchar(20)");
        String name = declared(change, "name", "varchar(100)");
        String columns = "id, category, created_at, legacy_code, name, price, quantity, ref_number";
        return String.join("\n",
                "pragma foreign_keys = off;",
                "begin;",
                "create table items_new (id bigint not null, category varchar(40), created_at timestamp not null, "
                        + "legacy_code " + legacy + ", name " + name + " not null, price float, quantity integer not null, "
                        + "ref_number " + ref + ", constraint items_pkey primary key (id));",
                "insert into items_new (" + columns + ") select " + columns + " from items;",
                "drop table items;",
                "alter table items_new rename to items;",
                "create index ix_items_category_price on items (category, price);",
                "create index ix_items_name on items (name);",
                "pragma foreign_key_check;",
                "commit;",
                "pragma foreign_keys = on;",
                "");
    }

    private static String declared(Change change, String column, String before) {
        ColumnChange c = change.column(column);
        return c == null ? before : c.declared();
    }

    /** Runs {@link #script} through JDBC, a statement a line (for the tests; the benchmark uses the sqlite3 shell). */
    public static void runScript(Path database, Change change) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            for (String line : script(change).split("\n")) {
                if (!line.isBlank()) {
                    s.execute(line);
                }
            }
        }
    }

    /**
     * The table's schema as SQLite reports it: every column (position, name, declared type, not null,
     * default, key position), every index with its columns and uniqueness, and the foreign keys.
     */
    public static String describe(Path database) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("pragma table_info(" + TABLE + ")")) {
                while (r.next()) {
                    b.append("column ").append(r.getInt("cid")).append(' ').append(r.getString("name")).append(' ')
                            .append(r.getString("type")).append(r.getInt("notnull") == 1 ? " not null" : "")
                            .append(r.getString("dflt_value") == null ? "" : " default " + r.getString("dflt_value"))
                            .append(r.getInt("pk") > 0 ? " pk" + r.getInt("pk") : "").append('\n');
                }
            }
            List<String> indexes = new ArrayList<>();
            try (ResultSet r = s.executeQuery("pragma index_list(" + TABLE + ")")) {
                while (r.next()) {
                    indexes.add((r.getString("origin").equals("c") ? r.getString("name") : "(" + r.getString("origin")
                            + ")") + (r.getInt("unique") == 1 ? " unique" : "") + "|" + r.getString("name"));
                }
            }
            indexes.sort(null);
            for (String index : indexes) {
                String[] parts = index.split("\\|");
                b.append("index ").append(parts[0]).append(" (");
                List<String> cols = new ArrayList<>();
                try (ResultSet r = s.executeQuery("pragma index_info(\"" + parts[1] + "\")")) {
                    while (r.next()) {
                        cols.add(r.getString("name"));
                    }
                }
                b.append(String.join(", ", cols)).append(")\n");
            }
            try (ResultSet r = s.executeQuery("pragma foreign_key_list(" + TABLE + ")")) {
                while (r.next()) {
                    b.append("foreign key ").append(r.getString("from")).append(" -> ").append(r.getString("table"))
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    /**
     * Checks a database after {@code change}: the row count, each changed column's declared type and that every value
     * is now stored as the new type; fails with what is wrong.
     */
    public static void verify(Path database, Change change, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            long count = single(s, "select count(*) from items");
            java.util.Map<String, String> types = new TreeMap<>();
            try (ResultSet r = s.executeQuery("pragma table_info(items)")) {
                while (r.next()) {
                    types.put(r.getString("name"), r.getString("type"));
                }
            }
            long indexes = single(s, "select count(*) from sqlite_master where type = 'index' and tbl_name = 'items' "
                    + "and name in ('ix_items_name', 'ix_items_category_price')");
            List<String> wrong = new ArrayList<>();
            for (ColumnChange change1 : change.columns) {
                long converted = single(s, "select count(*) from items where typeof(" + change1.column() + ") = '"
                        + change1.storage() + "'");
                if (converted != rows || !change1.declared().equalsIgnoreCase(types.get(change1.column()))) {
                    wrong.add(change1.column() + " declared " + types.get(change1.column()) + ", " + converted
                            + " stored as " + change1.storage() + " (expected " + change1.declared() + ", all)");
                }
            }
            if (count != rows || indexes != 2 || !wrong.isEmpty()) {
                throw new IllegalStateException(database + " after " + change + ": " + count + " rows (expected " + rows
                        + "), " + indexes + " of 2 indexes; " + String.join("; ", wrong));
            }
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
