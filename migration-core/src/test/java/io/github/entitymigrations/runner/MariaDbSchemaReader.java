package io.github.entitymigrations.runner;

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
import java.util.TreeSet;

/**
 * {@link DatabaseSchemaReader}'s lines for a MariaDB database (either driver), read from {@code information_schema}
 * in the test's own words, not through the engine's catalog reader (which it checks). The type is the data type with
 * the sizes the dialects set (length, precision and scale, fractional digits; an enum's values), without MariaDB's
 * display widths. Left out, as they are the server's and not the migrations': the index InnoDB makes for a foreign
 * key (named as the constraint), the {@code json_valid} check MariaDB puts on a {@code json} column (which it
 * reports as {@code longtext}). {@code RESTRICT} reads as {@code NO_ACTION}: InnoDB checks both at once, and it
 * reports the default as {@code RESTRICT}. Sequences are MariaDB's own; the MySQL flavour's are tables.
 */
final class MariaDbSchemaReader {

    private static final String DATABASE = "coalesce(?, database())";

    private MariaDbSchemaReader() {
    }

    static List<String> read(Connection c, String databaseOrNull) throws SQLException {
        List<String> lines = new ArrayList<>();
        query(c, "select table_name from information_schema.tables where table_schema = " + DATABASE
                + " and table_type = 'BASE TABLE' and table_name <> '" + VersionTable.NAME + "'", databaseOrNull,
                rs -> lines.add("table " + lower(rs.getString(1))));
        query(c, "select c.table_name, c.column_name, c.data_type, c.column_type, c.character_maximum_length, "
                + "c.numeric_precision, c.numeric_scale, c.datetime_precision, c.is_nullable, c.column_default, "
                + "c.extra from information_schema.columns c join information_schema.tables t on t.table_schema = "
                + "c.table_schema and t.table_name = c.table_name where t.table_type = 'BASE TABLE' and "
                + "c.table_schema = " + DATABASE + " and c.table_name <> '" + VersionTable.NAME + "'",
                databaseOrNull, rs -> lines.add(column(rs)));
        Set<String> foreignKeys = new TreeSet<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, String> keyLines = new LinkedHashMap<>();
        query(c, "select k.table_name, k.constraint_name, k.constraint_type, u.column_name, u.referenced_table_name, "
                + "u.referenced_column_name, r.delete_rule from information_schema.table_constraints k join "
                + "information_schema.key_column_usage u on u.constraint_schema = k.constraint_schema and "
                + "u.table_name = k.table_name and u.constraint_name = k.constraint_name left join "
                + "information_schema.referential_constraints r on r.constraint_schema = k.constraint_schema and "
                + "r.table_name = k.table_name and r.constraint_name = k.constraint_name where k.table_schema = "
                + DATABASE + " and k.table_name <> '" + VersionTable.NAME + "' and k.constraint_type in "
                + "('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') order by k.table_name, k.constraint_name, "
                + "u.ordinal_position", databaseOrNull, rs -> {
                    String t = lower(rs.getString(1));
                    String name = lower(rs.getString(2));
                    String id = t + " " + name;
                    keys.computeIfAbsent(id, k -> new ArrayList<>()).add(lower(rs.getString(4)));
                    switch (rs.getString(3)) {
                        case "PRIMARY KEY" -> keyLines.put(id, "primary key " + t + " " + name + " %s");
                        case "UNIQUE" -> keyLines.put(id, "unique " + t + " %s named " + name);
                        default -> {
                            foreignKeys.add(id);
                            keys.computeIfAbsent(id + " ->", k -> new ArrayList<>()).add(lower(rs.getString(6)));
                            keyLines.put(id, "foreign key " + t + " " + name + " %s -> "
                                    + lower(rs.getString(5)) + " %s on delete " + onDelete(rs.getString(7)));
                        }
                    }
                });
        keyLines.forEach((id, line) -> lines.add(line.formatted(keys.get(id), keys.get(id + " ->"))));
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        query(c, "select table_name, index_name, non_unique, column_name from information_schema.statistics where "
                + "table_schema = " + DATABASE + " and table_name <> '" + VersionTable.NAME + "' and index_name <> "
                + "'PRIMARY' order by table_name, index_name, seq_in_index", databaseOrNull, rs -> {
                    String id = lower(rs.getString(1)) + " " + lower(rs.getString(2));
                    if (rs.getInt(3) == 1 && !foreignKeys.contains(id)) {
                        indexes.computeIfAbsent(id, k -> new ArrayList<>()).add(lower(rs.getString(4)));
                    }
                });
        indexes.forEach((id, columns) -> lines.add("index " + id + " " + columns));
        query(c, "select table_name, constraint_name, check_clause from information_schema.check_constraints where "
                + "constraint_schema = " + DATABASE + " and table_name <> '" + VersionTable.NAME + "'",
                databaseOrNull, rs -> {
                    if (!rs.getString(3).replaceAll("[`\\s]", "").equalsIgnoreCase(
                            "json_valid(" + rs.getString(2) + ")")) {
                        lines.add("check " + lower(rs.getString(1)) + " " + lower(rs.getString(2)));
                    }
                });
        for (List<String> sequence : sequences(c, databaseOrNull)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select start_value, increment "
                    + "from `" + sequence.get(0) + "`.`" + sequence.get(1) + "`")) {
                rs.next();
                lines.add("sequence " + lower(sequence.get(1)) + " start " + rs.getLong(1) + " increment "
                        + rs.getLong(2));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String column(ResultSet rs) throws SQLException {
        String type = lower(rs.getString(3));
        String sized = switch (type) {
            case "char", "varchar", "binary", "varbinary" -> type + "(" + rs.getLong(5) + ")";
            case "bit" -> "bit(" + rs.getLong(6) + ")";
            case "decimal" -> "decimal(" + rs.getLong(6) + "," + rs.getLong(7) + ")";
            case "datetime", "timestamp", "time" -> type + "(" + rs.getLong(8) + ")";
            case "enum" -> lower(rs.getString(4)).replace(" ", "");
            default -> type;
        };
        String def = rs.getString(10);
        String extra = lower(rs.getString(11)) == null ? "" : lower(rs.getString(11));
        boolean noDefault = def == null || def.equalsIgnoreCase("NULL");
        return "column " + lower(rs.getString(1)) + "." + lower(rs.getString(2)) + " " + sized
                + ("NO".equals(rs.getString(9)) ? " not null" : " null")
                + (noDefault ? "" : " default " + DatabaseSchemaReader.normalizedDefault(def))
                + (extra.contains("auto_increment") ? " identity" : "");
    }

    /** Each sequence's database and name. */
    private static List<List<String>> sequences(Connection c, String databaseOrNull) throws SQLException {
        List<List<String>> names = new ArrayList<>();
        query(c, "select table_schema, table_name from information_schema.tables where table_schema = " + DATABASE
                + " and table_type = 'SEQUENCE'", databaseOrNull, rs -> names.add(List.of(rs.getString(1),
                rs.getString(2))));
        return names;
    }

    private static String onDelete(String rule) {
        String r = rule == null ? "RESTRICT" : rule.toUpperCase(Locale.ROOT).replace(' ', '_');
        return r.equals("RESTRICT") ? "NO_ACTION" : r;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String database, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, database);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
