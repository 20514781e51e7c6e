package io.github.entitymigrations.introspect;

import io.github.entitymigrations.introspect.SchemaObject.Kind;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One MariaDB or MySQL database (what MySQL calls a schema) read from {@code information_schema}: a handful of
 * queries for the whole database, not one per table. The two servers report differently, and both are read as the
 * same objects: MariaDB quotes a string default and writes {@code NULL} for none, MySQL does neither; MariaDB stores
 * {@code json} as {@code longtext} with a column check {@code json_valid(col)} (read back as {@code json}, the check
 * left out); MariaDB writes display widths ({@code int(11)}), MySQL 8 does not ({@link SqlText#mysqlType}).
 *
 * <p>A unique key is a unique constraint unless the migrations made it as a unique index of that name (MySQL keeps
 * no difference between the two). Left out: the {@code PRIMARY} index and those behind unique keys, the index InnoDB
 * makes for a foreign key (named as the constraint), and {@code RESTRICT} is {@code no action} (InnoDB checks both
 * at once). Sequences: MariaDB's own ({@code table_type = 'SEQUENCE'}, start and increment read from each); with the
 * MySQL dialect a table whose only column is {@code next_val} is one, as Hibernate emulates them.
 */
final class MariaDbCatalog {

    /** Between a table's and an object's name in a key: no name holds it. */
    private static final char SEPARATOR = '\u0000';

    private static final String TABLES = "select table_name, table_type from information_schema.tables where "
            + "table_schema = ? and table_type in ('BASE TABLE', 'SEQUENCE')";

    private static final String COLUMNS = "select table_name, column_name, column_type, is_nullable, column_default, "
            + "extra from information_schema.columns where table_schema = ? order by table_name, ordinal_position";

    /** Primary keys ({@code PRIMARY}), unique keys and foreign keys (with a referenced table), column by column. */
    private static final String KEYS = "select table_name, constraint_name, column_name, referenced_table_schema, "
            + "referenced_table_name, referenced_column_name from information_schema.key_column_usage where "
            + "table_schema = ? order by table_name, constraint_name, ordinal_position";

    private static final String DELETE_RULES = "select table_name, constraint_name, delete_rule from "
            + "information_schema.referential_constraints where constraint_schema = ?";

    /** MariaDB names a column's check after the column, so the table is part of the key. */
    private static final String MARIADB_CHECKS = "select table_name, constraint_name, check_clause, level from "
            + "information_schema.check_constraints where constraint_schema = ?";

    /** MySQL's {@code check_constraints} has no table (check names are unique in a database there). */
    private static final String MYSQL_CHECKS = "select k.table_name, k.constraint_name, c.check_clause, 'Table' "
            + "from information_schema.table_constraints k join information_schema.check_constraints c on "
            + "c.constraint_schema = k.constraint_schema and c.constraint_name = k.constraint_name "
            + "where k.table_schema = ? and k.constraint_type = 'CHECK'";

    private static final String INDEXES = "select table_name, index_name, non_unique, "
            + "coalesce(column_name, '(expression)') from information_schema.statistics where table_schema = ? "
            + "and index_name <> 'PRIMARY' order by table_name, index_name, seq_in_index";

    private MariaDbCatalog() {
    }

    /**
     * @param database      the database's name (not quoted), or {@code null} for the connection's current one
     * @param prefix        what each table's and sequence's name starts with ({@code inventory.} for a database the
     *                      migrations name, empty for the configured one)
     * @param mysqlSequences whether sequences are Hibernate's {@code next_val} tables (the MySQL dialect)
     * @param expected      the schema the migrations produce: which unique keys they made as unique indexes
     */
    static List<SchemaObject> read(Connection c, String database, String prefix, boolean mysqlSequences,
                                   Schema expected) throws SQLException {
        boolean mariaDbServer = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT)
                .contains("mariadb") || c.getMetaData().getDatabaseProductName().equalsIgnoreCase("MariaDB");
        // One database, named by a constant: MariaDB then opens only its tables' definitions (its
        // information_schema is built on demand), and each view is read on its own, joined here.
        String schema = database != null ? database : current(c);
        Map<String, String> tables = new TreeMap<>();
        query(c, TABLES, schema, rs -> tables.put(rs.getString(1), rs.getString(2)));
        Map<String, List<SchemaObject>> columns = new TreeMap<>();
        query(c, COLUMNS, schema, rs -> columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                .add(column(rs, prefix, mariaDbServer)));
        Set<String> jsonColumns = new TreeSet<>();
        List<SchemaObject> checks = new ArrayList<>();
        query(c, mariaDbServer ? MARIADB_CHECKS : MYSQL_CHECKS, schema, rs -> {
            if ("Column".equalsIgnoreCase(rs.getString(4)) && jsonCheck(rs.getString(3), rs.getString(2))) {
                jsonColumns.add(rs.getString(1) + "." + rs.getString(2).toLowerCase(Locale.ROOT));
            } else {
                checks.add(new SchemaObject(Kind.CHECK, prefix + rs.getString(1), rs.getString(2), Map.of()));
            }
        });

        List<SchemaObject> objects = new ArrayList<>();
        for (Map.Entry<String, String> t : tables.entrySet()) {
            List<SchemaObject> own = columns.getOrDefault(t.getKey(), List.of());
            if (t.getValue().equals("SEQUENCE")) {
                objects.add(sequence(c, schema, t.getKey(), prefix));
            } else if (mysqlSequences && own.size() == 1 && own.get(0).name().equals("next_val")) {
                objects.add(new SchemaObject(Kind.SEQUENCE, null, prefix + t.getKey(), Map.of()));
            } else {
                objects.add(new SchemaObject(Kind.TABLE, null, prefix + t.getKey(), Map.of()));
                own.stream().map(o -> jsonColumns.contains(t.getKey() + "." + o.name()) ? json(o) : o)
                        .forEach(objects::add);
            }
        }
        objects.addAll(checks);
        Set<String> foreignKeys = new TreeSet<>();
        Set<String> uniqueKeys = new TreeSet<>();
        objects.addAll(keys(c, schema, prefix, expected, foreignKeys, uniqueKeys));
        objects.addAll(indexes(c, schema, prefix, foreignKeys, uniqueKeys));
        return objects;
    }

    private static SchemaObject column(ResultSet rs, String prefix, boolean mariaDbServer) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("type", SqlText.mysqlType(rs.getString(3)));
        properties.put("nullability", LiveSchema.nullability("NO".equalsIgnoreCase(rs.getString(4))));
        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
        String defaultValue = SqlText.mysqlDefault(defaultSql(rs.getString(5), extra,
                mariaDbServer));
        properties.put("default", defaultValue == null ? LiveSchema.NO_DEFAULT : defaultValue);
        properties.put("identity", LiveSchema.autoIncrement(extra.contains("auto_increment")));
        return new SchemaObject(Kind.COLUMN, prefix + rs.getString(1), rs.getString(2), properties);
    }

    /**
     * A default as SQL writes it. MariaDB reports exactly that ({@code 'NEW'}, {@code NULL}, {@code 0}); MySQL writes
     * a literal bare ({@code NEW}), and an expression bare too but marked {@code DEFAULT_GENERATED} in {@code extra}.
     */
    static String defaultSql(String reported, String extra, boolean mariaDbServer) {
        if (reported == null || mariaDbServer) {
            return reported;
        }
        boolean expression = extra.contains("default_generated") || reported.equalsIgnoreCase("CURRENT_TIMESTAMP")
                || reported.matches("(?i)current_timestamp\\(\\d*\\)");
        if (expression || reported.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|b'[01]+'|0x[0-9A-Fa-f]+")) {
            return reported;
        }
        return io.github.entitymigrations.dialect.Dialect.literal(reported);
    }

    /** MariaDB's check of a {@code json} column: {@code json_valid(`doc`)}, named after the column. */
    private static boolean jsonCheck(String clause, String column) {
        return clause != null && clause.replace("`", "").replaceAll("\\s+", "").equalsIgnoreCase("json_valid("
                + column + ")");
    }

    private static SchemaObject json(SchemaObject column) {
        Map<String, String> properties = new LinkedHashMap<>(column.properties());
        properties.put("type", "json");
        return new SchemaObject(Kind.COLUMN, column.table(), column.name(), properties);
    }

    private static SchemaObject sequence(Connection c, String schema, String name, String prefix)
            throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select start_value, increment from "
                + quote(schema) + "." + quote(name))) {
            rs.next();
            return new SchemaObject(Kind.SEQUENCE, null, prefix + name, Map.of("start", String.valueOf(rs.getLong(1)),
                    "increment", String.valueOf(rs.getLong(2))));
        }
    }

    private static List<SchemaObject> keys(Connection c, String schema, String prefix, Schema expected,
                                           Set<String> foreignKeys, Set<String> uniqueKeys) throws SQLException {
        record Key(String table, String name, String type, List<String> columns, String referencedSchema,
                   String referencedTable, List<String> referencedColumns) {
        }
        Map<String, Key> keys = new LinkedHashMap<>();
        query(c, KEYS, schema, rs -> {
            String id = rs.getString(1) + SEPARATOR + rs.getString(2);
            Key k = keys.get(id);
            if (k == null) {
                String type = rs.getString(5) != null ? "FOREIGN KEY" : rs.getString(2).equals("PRIMARY")
                        ? "PRIMARY KEY" : "UNIQUE";
                k = new Key(rs.getString(1), rs.getString(2), type, new ArrayList<>(), rs.getString(4),
                        rs.getString(5), new ArrayList<>());
                keys.put(id, k);
            }
            k.columns().add(rs.getString(3));
            if (rs.getString(6) != null) {
                k.referencedColumns().add(rs.getString(6));
            }
        });
        Map<String, String> deleteRules = new TreeMap<>();
        query(c, DELETE_RULES, schema, rs -> deleteRules.put(rs.getString(1) + SEPARATOR + rs.getString(2),
                rs.getString(3)));
        Set<String> uniqueIndexes = new TreeSet<>();
        expected.tables().forEach(t -> t.indexes().stream().filter(Index::unique).forEach(i -> uniqueIndexes.add(
                LiveSchema.lower(ExpectedObjects.qualified(t.schema(), t.name()) + " " + i.name()))));
        List<SchemaObject> objects = new ArrayList<>();
        for (Key k : keys.values()) {
            String table = prefix + k.table();
            String columns = LiveSchema.list(k.columns());
            switch (k.type()) {
                case "PRIMARY KEY" -> objects.add(new SchemaObject(Kind.PRIMARY_KEY, table, k.name(),
                        Map.of("columns", columns)));
                case "UNIQUE" -> {
                    uniqueKeys.add(k.table() + SEPARATOR + k.name());
                    objects.add(uniqueIndexes.contains(LiveSchema.lower(table + " " + k.name()))
                            ? LiveSchema.index(table, k.name(), columns, true)
                            : new SchemaObject(Kind.UNIQUE, table, k.name(), Map.of("columns", columns)));
                }
                default -> {
                    foreignKeys.add(k.table() + SEPARATOR + k.name());
                    String referenced = (k.referencedSchema() == null || k.referencedSchema().equals(schema)
                            ? prefix : k.referencedSchema() + ".") + k.referencedTable();
                    objects.add(LiveSchema.foreignKey(table, k.name(), columns, referenced,
                            LiveSchema.list(k.referencedColumns()), onDelete(deleteRules.get(k.table() + SEPARATOR
                            + k.name()))));
                }
            }
        }
        return objects;
    }

    /** {@code delete_rule} as DDL says it; InnoDB's {@code RESTRICT} is {@code NO ACTION} (both check at once). */
    static String onDelete(String rule) {
        String r = rule == null ? "no action" : rule.toLowerCase(Locale.ROOT);
        return r.equals("restrict") ? "no action" : r;
    }

    private static List<SchemaObject> indexes(Connection c, String schema, String prefix, Set<String> foreignKeys,
                                              Set<String> uniqueKeys) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        query(c, INDEXES, schema, rs -> {
            String key = rs.getString(1) + SEPARATOR + rs.getString(2);
            if (!foreignKeys.contains(key) && !uniqueKeys.contains(key)) {
                columns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(4));
                unique.put(key, rs.getInt(3) == 0);
            }
        });
        List<SchemaObject> objects = new ArrayList<>();
        columns.forEach((key, list) -> {
            int at = key.indexOf(SEPARATOR);
            objects.add(LiveSchema.index(prefix + key.substring(0, at), key.substring(at + 1),
                    LiveSchema.list(list), unique.get(key)));
        });
        return objects;
    }

    private static String current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A name in backticks, embedded backticks doubled. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String schema, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, schema);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
