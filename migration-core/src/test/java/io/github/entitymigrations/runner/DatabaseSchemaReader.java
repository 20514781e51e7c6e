package io.github.entitymigrations.runner;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema as sorted lines, one per table, column, key, constraint, index and sequence, read from a live
 * database through JDBC metadata; {@link ExpectedSchema} writes the lines a replayed schema must give. Equal
 * lists mean the database is what the migrations say.
 *
 * <p>Where metadata is silent or lossy: check constraints come from the catalog (PostgreSQL) or the table's
 * SQL (SQLite); a unique constraint on SQLite is an unnamed {@code sqlite_autoindex_*}, so uniques are
 * compared by columns and, where the database keeps it, name; SQLite ignores a numeric's precision (and
 * sqlite-jdbc reports it as precision + scale), so there only the type name is compared. Sequences come from
 * {@code pg_sequences}; on SQLite a sequence is Hibernate's one-row table. MariaDB (either flavour) is read by
 * {@link MariaDbSchemaReader}.
 */
final class DatabaseSchemaReader {

    private static final Pattern SQLITE_CONSTRAINT = Pattern.compile(
            "(?i)constraint\\s+\"?([A-Za-z0-9_]+)\"?\\s+(check|unique)");
    private static final String[] DELETE_RULES = {"CASCADE", "RESTRICT", "SET_NULL", "NO_ACTION", "SET_DEFAULT"};

    private DatabaseSchemaReader() {
    }

    /** The connection's current schema, or {@code schema} when not null (PostgreSQL; on MariaDB the database). */
    static List<String> read(Connection c, Kind kind, String schemaOrNull) throws SQLException {
        if (kind.isMariaDb()) {
            return MariaDbSchemaReader.read(c, schemaOrNull);
        }
        Reading r = new Reading(c, kind, schemaOrNull != null ? schemaOrNull : c.getSchema());
        List<String> lines = new ArrayList<>();
        for (String table : r.tables()) {
            lines.add("table " + lower(table));
            lines.addAll(r.columns(table));
            List<String> primaryKey = r.primaryKey(table, lines);
            lines.addAll(r.foreignKeys(table));
            lines.addAll(r.indexes(table, primaryKey));
            lines.addAll(namedConstraints(c, kind, r.schema, table));
        }
        if (kind == Kind.POSTGRESQL) {
            lines.addAll(r.sequences());
        }
        lines.sort(null);
        return lines;
    }

    /** One schema read through {@link DatabaseMetaData}, part by part. */
    private record Reading(Connection c, Kind kind, String schema) {

        List<String> tables() throws SQLException {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.equalsIgnoreCase(VersionTable.NAME) && !lower(name).startsWith("sqlite_")) {
                        tables.add(name);
                    }
                }
            }
            return tables;
        }

        List<String> columns(String table) throws SQLException {
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String def = rs.getString("COLUMN_DEF");
                    lines.add("column " + lower(table) + "." + lower(rs.getString("COLUMN_NAME")) + " "
                            + readType(rs, kind) + ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : " null")
                            + (def == null ? "" : " default " + normalizedDefault(def))
                            + ("YES".equals(rs.getString("IS_AUTOINCREMENT")) ? " identity" : ""));
                }
            }
            return lines;
        }

        /** Adds the key's line; returns its name followed by its columns (empty without a key). */
        List<String> primaryKey(String table, List<String> lines) throws SQLException {
            Map<Integer, String> columns = new TreeMap<>();
            String name = null;
            try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    columns.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
                    name = lower(rs.getString("PK_NAME"));
                }
            }
            if (columns.isEmpty()) {
                return List.of();
            }
            lines.add("primary key " + lower(table) + " " + name + " " + List.copyOf(columns.values()));
            List<String> key = new ArrayList<>();
            key.add(name);
            key.addAll(columns.values());
            return key;
        }

        List<String> foreignKeys(String table) throws SQLException {
            Map<String, Map<Integer, String>> columns = new TreeMap<>();
            Map<String, Map<Integer, String>> referenced = new TreeMap<>();
            Map<String, String> target = new TreeMap<>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String name = lower(rs.getString("FK_NAME"));
                    int seq = rs.getInt("KEY_SEQ");
                    columns.computeIfAbsent(name, k -> new TreeMap<>()).put(seq, lower(rs.getString("FKCOLUMN_NAME")));
                    referenced.computeIfAbsent(name, k -> new TreeMap<>())
                            .put(seq, lower(rs.getString("PKCOLUMN_NAME")));
                    target.put(name, lower(rs.getString("PKTABLE_NAME")) + " %s on delete "
                            + DELETE_RULES[rs.getInt("DELETE_RULE")]);
                }
            }
            List<String> lines = new ArrayList<>();
            columns.forEach((name, cols) -> lines.add("foreign key " + lower(table) + " " + name + " "
                    + List.copyOf(cols.values()) + " -> "
                    + target.get(name).formatted(List.copyOf(referenced.get(name).values()))));
            return lines;
        }

        /** Every index but the primary key's own: named, or for SQLite's unique constraints, by columns. */
        List<String> indexes(String table, List<String> primaryKey) throws SQLException {
            Map<String, Map<Integer, String>> indexes = new TreeMap<>();
            Map<String, Boolean> unique = new TreeMap<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String name = lower(rs.getString("INDEX_NAME"));
                    if (name != null) {
                        indexes.computeIfAbsent(name, k -> new TreeMap<>())
                                .put((int) rs.getShort("ORDINAL_POSITION"), lower(rs.getString("COLUMN_NAME")));
                        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
            List<String> lines = new ArrayList<>();
            String t = lower(table);
            indexes.forEach((name, cols) -> {
                List<String> columns = List.copyOf(cols.values());
                boolean auto = name.startsWith("sqlite_autoindex_");
                boolean ofPrimaryKey = !primaryKey.isEmpty() && (name.equals(primaryKey.get(0))
                        || auto && columns.equals(primaryKey.subList(1, primaryKey.size())));
                if (!ofPrimaryKey) {
                    lines.add(unique.get(name) ? "unique " + t + " " + columns + (auto ? "" : " named " + name)
                            : "index " + t + " " + name + " " + columns);
                }
            });
            return lines;
        }

        /** Not the sequences PostgreSQL makes for identity columns: those belong to the column. */
        List<String> sequences() throws SQLException {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("select s.sequencename, s.start_value, s.increment_by "
                    + "from pg_sequences s join pg_namespace n on n.nspname = s.schemaname join pg_class q on "
                    + "q.relnamespace = n.oid and q.relname = s.sequencename where s.schemaname = ? "
                    + "and not exists (select 1 from pg_depend d where d.objid = q.oid and d.deptype = 'i')")) {
                p.setString(1, schema);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        lines.add("sequence " + rs.getString(1) + " start " + rs.getLong(2) + " increment "
                                + rs.getLong(3));
                    }
                }
            }
            return lines;
        }
    }

    /**
     * {@code check <name>} for each check constraint; on SQLite also {@code unique constraint <name>}, the
     * one place its unique constraints keep their names.
     */
    private static List<String> namedConstraints(Connection c, Kind kind, String schema, String table)
            throws SQLException {
        List<String> names = new ArrayList<>();
        String t = lower(table);
        String sql = kind == Kind.POSTGRESQL
                ? "select k.conname from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n "
                + "on n.oid = t.relnamespace where k.contype = 'c' and t.relname = ? and n.nspname = ?"
                : "select sql from sqlite_master where type = 'table' and name = ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, table);
            if (kind == Kind.POSTGRESQL) {
                p.setString(2, schema);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (kind == Kind.POSTGRESQL) {
                        names.add("check " + t + " " + lower(rs.getString(1)));
                    } else {
                        Matcher m = SQLITE_CONSTRAINT.matcher(rs.getString(1));
                        while (m.find()) {
                            names.add((m.group(2).equalsIgnoreCase("check") ? "check " : "unique constraint ") + t + " "
                                    + lower(m.group(1)));
                        }
                    }
                }
            }
        }
        return names;
    }

    private static String readType(ResultSet rs, Kind kind) throws SQLException {
        String name = lower(rs.getString("TYPE_NAME"));
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        return switch (name) {
            case "varchar", "bpchar", "char" -> name + "(" + size + ")";
            case "numeric" -> kind == Kind.POSTGRESQL && size > 0 ? "numeric(" + size + "," + digits + ")" : name;
            case "timestamp", "timestamptz", "time" -> kind == Kind.POSTGRESQL ? name + "(" + digits + ")" : name;
            default -> name;
        };
    }

    /** Fails listing the lines missing from {@code actual} and those it should not have. */
    static void assertSame(List<String> expected, List<String> actual, String when) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty() || expected.size() != actual.size()) {
            throw new AssertionError("schema " + when + " is not what the migrations say.\n  missing:\n    "
                    + String.join("\n    ", missing) + "\n  unexpected:\n    " + String.join("\n    ", unexpected));
        }
    }

    /** A default as both databases report it: no {@code ::casts}, no outer parentheses, lower case. */
    static String normalizedDefault(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT).replaceAll("::[a-z ]+(\\([0-9, ]+\\))?", "");
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.replaceAll("\\s+", " ");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
