package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Broken variants of one realistic migration file (two tables, a foreign key, an index, a sql step), each
 * as the bytes of a file and its name: what an attacker, a bad merge or a careless edit leaves behind.
 */
final class BadInputCorpus {

    static final String FILE = "0001_create_customers_and_orders.json";

    /** One broken file. */
    record Mutation(String label, String fileName, byte[] bytes) {
        @Override
        public String toString() {
            return label;
        }
    }

    private BadInputCorpus() {
    }

    static Migration valid() {
        Column id = new Column("id", ColumnType.of("BIGINT"), false, false, null, null, false, null);
        Table customer = new Table(null, "customer", false, null, List.of(), List.of(id,
                new Column("name", ColumnType.ofLength("VARCHAR", 100), false, false, null, null, false, null)),
                new PrimaryKey("pk_customer", List.of("id")), List.of(), List.of(), List.of(), List.of());
        Table orders = new Table(null, "orders", false, null, List.of(), List.of(id,
                new Column("customer_id", ColumnType.of("BIGINT"), false, false, null, null, false, null),
                new Column("total", ColumnType.numeric("NUMERIC", 10, 2), true, false, null, null, false, null)),
                new PrimaryKey("pk_orders", List.of("id")), List.of(),
                List.of(new Index("ix_orders_customer", List.of("customer_id"), false)), List.of(),
                List.of(new ForeignKey("fk_orders_customer", List.of("customer_id"), null, "customer", List.of("id"),
                        OnDelete.NO_ACTION)));
        Sql data = new Sql(Map.of("*", List.of("insert into customer (id, name) values (1, 'Alice')")),
                Map.of("*", List.of("delete from customer where id = 1")), false, List.of());
        List<Operation> up = List.of(new CreateTable(customer), new CreateTable(orders), data);
        return new Migration("0001", null, "create customers and orders", up,
                io.github.entitymigrations.diff.Diff.reverse(up), List.of());
    }

    static String validText() {
        return MigrationJson.write(valid());
    }

    static List<Mutation> all() {
        String v = validText();
        List<Mutation> m = new ArrayList<>();
        int end = v.lastIndexOf('}');
        for (int percent : new int[] {1, 10, 25, 50, 75, 90}) {
            m.add(text("truncated at " + percent + "%", v.substring(0, v.length() * percent / 100)));
        }
        m.add(text("truncated before the last brace", v.substring(0, end)));
        // wrong types
        m.add(replaced(v, "nullable as a string", "\"nullable\" : false", "\"nullable\" : \"false\""));
        m.add(replaced(v, "nullable as a number", "\"nullable\" : true", "\"nullable\" : 1"));
        m.add(replaced(v, "type as a number", "\"type\" : \"BIGINT\"", "\"type\" : 5"));
        m.add(replaced(v, "table name as a number", "\"name\" : \"customer\"", "\"name\" : 7"));
        m.add(replaced(v, "single column instead of a list", "\"columns\" : [ \"id\" ]", "\"columns\" : \"id\""));
        m.add(replaced(v, "unique as a string", "\"unique\" : false", "\"unique\" : \"no\""));
        m.add(replaced(v, "id as a number", "\"id\" : \"0001\"", "\"id\" : 1"));
        m.add(replaced(v, "message as a boolean", "\"message\" : \"create customers and orders\"", "\"message\" : true"));
        m.add(replaced(v, "sql statement as a number", "\"insert into customer (id, name) values (1, 'Alice')\"", "42"));
        m.add(replaced(v, "upgrade as an object", "\"upgrade\" : [ {", "\"upgrade\" : { \"x\" : [ {"));
        m.add(replaced(v, "referenced columns as an object", "\"referencedColumns\" : [ \"id\" ]",
                "\"referencedColumns\" : { \"id\" : 1 }"));
        m.add(replaced(v, "precision as a float", "\"type\" : \"NUMERIC(10,2)\"", "\"type\" : \"NUMERIC(10.5,2)\""));
        // nulls
        m.add(replaced(v, "parent null", "\"id\" : \"0001\",", "\"id\" : \"0001\", \"parent\" : null,"));
        m.add(replaced(v, "column name null", "\"name\" : \"customer_id\"", "\"name\" : null"));
        m.add(replaced(v, "type null", "\"type\" : \"BIGINT\"", "\"type\" : null"));
        m.add(replaced(v, "null in a list", "\"columns\" : [ \"id\" ]", "\"columns\" : [ null ]"));
        m.add(replaced(v, "on delete null", "\"onDelete\" : \"NO_ACTION\"", "\"onDelete\" : null"));
        m.add(text("upgrade null", "{ \"id\" : \"0001\", \"message\" : \"m\", \"upgrade\" : null, \"downgrade\" : [ ] }"));
        // unknown keys and operations
        m.add(replaced(v, "unknown top-level key", "\"id\" : \"0001\",", "\"id\" : \"0001\", \"parnet\" : \"0000\","));
        m.add(replaced(v, "unknown step key", "\"op\" : \"create_table\",", "\"op\" : \"create_table\", \"tabel\" : 1,"));
        m.add(replaced(v, "unknown column key", "\"name\" : \"total\",", "\"name\" : \"total\", \"nulable\" : true,"));
        m.add(replaced(v, "misspelled sql key", "\"upgrade\" : {", "\"upgarde\" : {"));
        m.add(replaced(v, "unknown foreign key key", "\"onDelete\" : \"NO_ACTION\"", "\"onDelte\" : \"NO_ACTION\""));
        m.add(replaced(v, "unknown operation", "\"op\" : \"sql\"", "\"op\" : \"create_view\""));
        m.add(replaced(v, "missing op", "\"op\" : \"create_table\",", ""));
        // trailing data
        m.add(text("trailing garbage", v + "x"));
        m.add(text("a second object (bad merge)", v + v.replace("create customers", "again")));
        m.add(text("trailing empty list", v + "[ ]"));
        // encodings
        m.add(bytes("byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(v))));
        m.add(bytes("invalid UTF-8 in the message", patched(utf8(v), v.indexOf("customers and"), (byte) 0xC3, (byte) 0x28)));
        m.add(bytes("a 0xFF byte", patched(utf8(v), v.indexOf("orders"), (byte) 0xFF)));
        m.add(bytes("a cut multi-byte character at the end", concat(utf8(v), new byte[] {(byte) 0xE2, (byte) 0x82})));
        // size and depth
        m.add(replaced(v, "a 17 MiB string", "create customers and orders", "x".repeat(17 * 1024 * 1024)));
        m.add(deep(v));
        // ids
        m.add(new Mutation("non-numeric file name", "abcd_create.json", utf8(v)));
        m.add(new Mutation("20-digit id", "00000000000000000001_create.json", utf8(v.replace("\"0001\"",
                "\"00000000000000000001\""))));
        m.add(replaced(v, "id and file name disagree", "\"id\" : \"0001\"", "\"id\" : \"0002\""));
        m.add(replaced(v, "non-numeric id", "\"id\" : \"0001\"", "\"id\" : \"abcd\""));
        m.add(new Mutation("upper-case extension", "0001_create.JSON", utf8(v)));
        // shapes
        m.add(text("empty file", ""));
        m.add(text("an empty list", "[ ]"));
        m.add(text("null", "null"));
        m.add(text("an empty object", "{ }"));
        m.add(replaced(v, "duplicate top-level key", "\"id\" : \"0001\",", "\"id\" : \"0001\", \"id\" : \"0001\","));
        m.add(replaced(v, "duplicate column key", "\"name\" : \"total\",", "\"name\" : \"total\", \"name\" : \"sum\","));
        // values the database would refuse
        m.add(replaced(v, "unknown column type", "\"type\" : \"VARCHAR(100)\"", "\"type\" : \"VARCHR(40)\""));
        m.add(replaced(v, "empty column name", "\"name\" : \"total\"", "\"name\" : \"\""));
        m.add(replaced(v, "blank table name", "\"name\" : \"orders\"", "\"name\" : \"  \""));
        return m;
    }

    private static Mutation deep(String v) {
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        return replaced(v, "10,000 nested lists", "\"downgrade\" : [", "\"downgrade\" : [ " + nested + ", ");
    }

    private static Mutation replaced(String v, String label, String from, String to) {
        if (!v.contains(from)) {
            throw new IllegalStateException(label + ": the valid file has no " + from);
        }
        return text(label, v.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static Mutation text(String label, String text) {
        return new Mutation(label, FILE, utf8(text));
    }

    private static Mutation bytes(String label, byte[] bytes) {
        return new Mutation(label, FILE, bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] patched(byte[] bytes, int at, byte... with) {
        byte[] copy = bytes.clone();
        System.arraycopy(with, 0, copy, at, with.length);
        return copy;
    }
}
