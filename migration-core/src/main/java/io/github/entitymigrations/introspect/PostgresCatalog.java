package io.github.entitymigrations.introspect;

import io.github.entitymigrations.introspect.SchemaObject.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PostgreSQL schema read from {@code pg_catalog}: a handful of queries for the whole schema, not one per
 * table (a thousand tables read in well under a second). Types come from {@code format_type}, defaults from
 * {@code pg_get_expr}. Left out: the indexes behind primary keys and unique constraints (they are the
 * constraints), and the sequences owned by identity or serial columns (they belong to the column).
 */
final class PostgresCatalog {

    /** The schema as SQL writes it (quoted or folded), resolved by the server; the current one by default. */
    private static final String SCHEMA = "to_regnamespace(coalesce(cast(? as text), quote_ident(current_schema())))";

    private static final String TABLES = "select c.relname from pg_catalog.pg_class c where c.relnamespace = "
            + SCHEMA + " and c.relkind in ('r', 'p') and not c.relispartition";

    private static final String COLUMNS = "select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity from pg_catalog.pg_attribute a "
            + "join pg_catalog.pg_class c on c.oid = a.attrelid left join pg_catalog.pg_attrdef d on d.adrelid = "
            + "a.attrelid and d.adnum = a.attnum where c.relnamespace = " + SCHEMA + " and c.relkind in ('r', 'p') "
            + "and not c.relispartition and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum";

    private static final String CONSTRAINTS = "select t.relname, k.conname, k.contype, k.confdeltype, "
            + columns("k.conkey", "k.conrelid") + ", r.relname, case when r.relnamespace = t.relnamespace then null else rn.nspname end, " + columns("k.confkey", "k.confrelid")
            + " from pg_catalog.pg_constraint k join pg_catalog.pg_class t on t.oid = k.conrelid "
            + "left join pg_catalog.pg_class r on r.oid = k.confrelid left join pg_catalog.pg_namespace rn on "
            + "rn.oid = r.relnamespace where t.relnamespace = " + SCHEMA + " and k.contype in ('p', 'u', 'f', 'c') "
            + "and not t.relispartition";

    private static final String INDEXES = "select t.relname, i.relname, x.indisunique, "
            + "(select string_agg(coalesce(a.attname, '(expression)'), ', ' order by u.o) from "
            + "unnest(cast(x.indkey as int2[])) with ordinality u(n, o) left join pg_catalog.pg_attribute a on "
            + "a.attrelid = x.indrelid and a.attnum = u.n where u.o <= x.indnkeyatts) "
            + "from pg_catalog.pg_index x join pg_catalog.pg_class i on i.oid = x.indexrelid "
            + "join pg_catalog.pg_class t on t.oid = x.indrelid where t.relnamespace = " + SCHEMA
            + " and t.relkind in ('r', 'p') and not t.relispartition and not exists (select 1 from "
            + "pg_catalog.pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid "
            + "and k.contype in ('p', 'u', 'x'))";

    private static final String SEQUENCES = "select c.relname, s.seqstart, s.seqincrement from "
            + "pg_catalog.pg_sequence s join pg_catalog.pg_class c on c.oid = s.seqrelid where c.relnamespace = "
            + SCHEMA + " and not exists (select 1 from pg_catalog.pg_depend d where d.objid = c.oid "
            + "and d.refobjsubid > 0 and d.deptype in ('i', 'a'))";

    private PostgresCatalog() {
    }

    /** The names of a constraint's columns, in key order. */
    private static String columns(String key, String relation) {
        return "(select string_agg(a.attname, ', ' order by u.o) from unnest(" + key + ") with ordinality u(n, o) "
                + "join pg_catalog.pg_attribute a on a.attrelid = " + relation + " and a.attnum = u.n)";
    }

    /**
     * @param schema the schema as SQL writes it, or {@code null} for the current one
     * @param prefix what each table's and sequence's name starts with ({@code inventory.} for a schema the
     *               migrations name, empty for the configured one)
     */
    static List<SchemaObject> read(Connection c, String schema, String prefix) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        query(c, TABLES, schema, rs -> objects.add(new SchemaObject(Kind.TABLE, null, prefix + rs.getString(1),
                Map.of())));
        query(c, COLUMNS, schema, rs -> objects.add(column(rs, prefix)));
        query(c, CONSTRAINTS, schema, rs -> objects.add(constraint(rs, prefix)));
        query(c, INDEXES, schema, rs -> objects.add(LiveSchema.index(prefix + rs.getString(1), rs.getString(2),
                LiveSchema.lower(rs.getString(4)), rs.getBoolean(3))));
        query(c, SEQUENCES, schema, rs -> objects.add(new SchemaObject(Kind.SEQUENCE, null, prefix + rs.getString(1),
                Map.of("start", String.valueOf(rs.getLong(2)), "increment", String.valueOf(rs.getLong(3))))));
        return objects;
    }

    private static SchemaObject column(ResultSet rs, String prefix) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("type", SqlText.type(rs.getString(3)));
        properties.put("nullability", LiveSchema.nullability(rs.getBoolean(4)));
        String defaultValue = SqlText.defaultValue(rs.getString(5));
        properties.put("default", defaultValue == null ? LiveSchema.NO_DEFAULT : defaultValue);
        properties.put("identity", LiveSchema.identity(rs.getString(6)));
        return new SchemaObject(Kind.COLUMN, prefix + rs.getString(1), rs.getString(2), properties);
    }

    private static SchemaObject constraint(ResultSet rs, String prefix) throws SQLException {
        String table = prefix + rs.getString(1);
        String name = rs.getString(2);
        String columns = LiveSchema.lower(rs.getString(5));
        return switch (rs.getString(3)) {
            case "p" -> new SchemaObject(Kind.PRIMARY_KEY, table, name, Map.of("columns", columns));
            case "u" -> new SchemaObject(Kind.UNIQUE, table, name, Map.of("columns", columns));
            case "c" -> new SchemaObject(Kind.CHECK, table, name, Map.of());
            default -> LiveSchema.foreignKey(table, name, columns,
                    (rs.getString(7) == null ? prefix : rs.getString(7) + ".") + rs.getString(6),
                    LiveSchema.lower(rs.getString(8)), onDelete(rs.getString(4)));
        };
    }

    /** {@code pg_constraint.confdeltype} as DDL says it. */
    private static String onDelete(String code) {
        return switch (code) {
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            case "r" -> "restrict";
            default -> "no action";
        };
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
