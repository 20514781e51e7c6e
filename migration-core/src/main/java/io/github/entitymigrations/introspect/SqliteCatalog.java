package io.github.entitymigrations.introspect;

import io.github.entitymigrations.introspect.SchemaObject.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SQLite database read through its pragmas ({@code table_info}, {@code index_list}, {@code index_info},
 * {@code foreign_key_list}) and, for what they do not tell, the {@code create table} SQL it keeps: the names of
 * check, unique and foreign-key constraints. A column's type is the declared one (SQLite compares nothing
 * else; the affinity follows from it). A table whose only column is {@code next_val} is a sequence, as
 * Hibernate and the dialect make one. Left out: {@code sqlite_*} tables and the automatic indexes of primary
 * keys and unique constraints.
 */
final class SqliteCatalog {

    private static final String NAME = "(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^]]+)]|([A-Za-z_][A-Za-z0-9_$]*))";
    private static final Pattern CONSTRAINT = Pattern.compile("(?i)constraint\\s+" + NAME
            + "\\s+(check|unique|foreign\\s+key|primary\\s+key)\\s*(\\(([^)]*)\\))?");

    private SqliteCatalog() {
    }

    static List<SchemaObject> read(Connection c) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        Map<String, String> tables = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name, sql from sqlite_master "
                + "where type = 'table' and name not like 'sqlite\\_%' escape '\\'")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        for (Map.Entry<String, String> t : tables.entrySet()) {
            objects.addAll(table(c, t.getKey(), t.getValue()));
        }
        return objects;
    }

    private static List<SchemaObject> table(Connection c, String table, String sql) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        List<SchemaObject> columns = new ArrayList<>();
        query(c, "pragma table_info(" + quote(table) + ")", rs -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("type", SqlText.type(rs.getString("type")));
            properties.put("nullability", LiveSchema.nullability(rs.getInt("notnull") != 0));
            String defaultValue = SqlText.defaultValue(rs.getString("dflt_value"));
            properties.put("default", defaultValue == null ? LiveSchema.NO_DEFAULT : defaultValue);
            columns.add(new SchemaObject(Kind.COLUMN, table, rs.getString("name"), properties));
            if (rs.getInt("pk") > 0) {
                primaryKey.put(rs.getInt("pk"), rs.getString("name"));
            }
        });
        if (columns.size() == 1 && columns.get(0).name().equals("next_val")) {
            return List.of(new SchemaObject(Kind.SEQUENCE, null, table, Map.of()));
        }
        objects.add(new SchemaObject(Kind.TABLE, null, table, Map.of()));
        objects.addAll(columns);
        Map<String, String> named = constraintNames(sql, objects, table);
        if (!primaryKey.isEmpty()) {
            String columnsOfKey = LiveSchema.list(List.copyOf(primaryKey.values()));
            objects.add(new SchemaObject(Kind.PRIMARY_KEY, table, named.get("primary key " + columnsOfKey),
                    Map.of("columns", columnsOfKey)));
        }
        objects.addAll(indexes(c, table, named));
        objects.addAll(foreignKeys(c, table, named));
        return objects;
    }

    /**
     * Adds the named check constraints; returns the other named constraints' names by kind and columns
     * ({@code unique a, b}), the one place SQLite keeps them.
     */
    private static Map<String, String> constraintNames(String sql, List<SchemaObject> objects, String table) {
        Map<String, String> names = new TreeMap<>();
        Matcher m = CONSTRAINT.matcher(sql);
        while (m.find()) {
            String name = firstNonNull(m.group(1) == null ? null : m.group(1).replace("\"\"", "\""), m.group(2),
                    m.group(3), m.group(4));
            String kind = m.group(5).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            if (kind.equals("check")) {
                objects.add(new SchemaObject(Kind.CHECK, table, name, Map.of()));
            } else if (m.group(7) != null) {
                names.put(kind + " " + LiveSchema.list(List.of(m.group(7).split(",")).stream()
                        .map(SqliteCatalog::unquote).toList()), name);
            }
        }
        return names;
    }

    private static List<SchemaObject> indexes(Connection c, String table, Map<String, String> named)
            throws SQLException {
        Map<String, String> origins = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        query(c, "pragma index_list(" + quote(table) + ")", rs -> {
            origins.put(rs.getString("name"), rs.getString("origin"));
            unique.put(rs.getString("name"), rs.getInt("unique") != 0);
        });
        List<SchemaObject> objects = new ArrayList<>();
        for (Map.Entry<String, String> index : origins.entrySet()) {
            if (index.getValue().equals("pk")) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            query(c, "pragma index_info(" + quote(index.getKey()) + ")",
                    rs -> columns.add(rs.getString("name") == null ? "(expression)" : rs.getString("name")));
            String list = LiveSchema.list(columns);
            if (index.getValue().equals("u")) {
                String name = named.getOrDefault("unique " + list, "unique (" + list + ")");
                objects.add(new SchemaObject(Kind.UNIQUE, table, name, Map.of("columns", list)));
            } else {
                objects.add(LiveSchema.index(table, index.getKey(), list, unique.get(index.getKey())));
            }
        }
        return objects;
    }

    private static List<SchemaObject> foreignKeys(Connection c, String table, Map<String, String> named)
            throws SQLException {
        Map<Integer, List<String[]>> keys = new TreeMap<>();
        query(c, "pragma foreign_key_list(" + quote(table) + ")", rs -> keys.computeIfAbsent(rs.getInt("id"),
                k -> new ArrayList<>()).add(new String[] {rs.getString("from"), rs.getString("to"),
                rs.getString("table"), rs.getString("on_delete")}));
        List<SchemaObject> objects = new ArrayList<>();
        for (List<String[]> parts : keys.values()) {
            String from = LiveSchema.list(parts.stream().map(p -> p[0]).toList());
            String to = LiveSchema.list(parts.stream().map(p -> p[1] == null ? "(primary key)" : p[1]).toList());
            String name = named.getOrDefault("foreign key " + from, "foreign key (" + from + ")");
            objects.add(LiveSchema.foreignKey(table, name, from, parts.get(0)[2], to, parts.get(0)[3]));
        }
        return objects;
    }

    private static String unquote(String name) {
        String n = name.strip();
        return n.length() > 1 && "\"`[".indexOf(n.charAt(0)) >= 0 ? n.substring(1, n.length() - 1) : n;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
