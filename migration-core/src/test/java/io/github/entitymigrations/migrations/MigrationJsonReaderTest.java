package io.github.entitymigrations.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader ({@link MigrationJsonReader}) against databind ({@link MigrationReader#parseWithDatabind},
 * the strict token pass included), over every migration file of the repository, a migration with every
 * operation and every optional value, and thousands of mutations of them: each key left out, each value
 * replaced by one of another JSON type (or another value of its type), each object given an unknown key, a
 * key databind ignores or a duplicate key, each step's {@code "op"} moved last, each scalar wrapped in a list.
 * Where databind refuses a text, the streaming reader must decline it (so databind reports it, with today's
 * message); where databind reads it, the streaming reader builds the equal migration or declines it.
 */
class MigrationJsonReaderTest {

    /** A plain mapper for the mutated trees: keeps their keys in order (the "op" first, or not). */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private int agreed;
    private int bothRefused;
    private int declinedValid;

    @Test
    void readsEveryOperationAndOptionalValueAsDatabindDoes() {
        Migration rich = rich();
        String text = MigrationJson.write(rich);
        Migration fast = MigrationJsonReader.read(text);
        assertNotNull(fast, "the streaming reader reads what MigrationJson writes");
        assertEquals(rich, fast);
        assertEquals(databind(text), fast);
        assertEquals(text, MigrationJson.write(fast), "the same file written back");
        Set<Class<?>> read = new HashSet<>();
        fast.upgrade().forEach(o -> read.add(o.getClass()));
        assertEquals(Set.copyOf(OperationTypes.ALL), read, "the rich migration has every operation");
    }

    @Test
    void readsEveryMigrationFileOfTheRepositoryAsDatabindDoes() throws IOException {
        List<Path> files = Fixtures.repositoryMigrationFiles();
        assertTrue(files.size() > 20, "found the repository's migration files: " + files);
        int read = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            Migration expected = databind(text);
            Migration fast = MigrationJsonReader.read(text);
            if (expected == null) {
                assertNull(fast, file + ": databind refuses it, the streaming reader must decline it");
            } else if (fast != null) {
                assertEquals(expected, fast, file.toString());
                read++;
            }
            // A valid file as MigrationJson writes it is never declined: the fast path is the usual one.
            if (expected != null && text.equals(MigrationJson.write(expected))) {
                assertNotNull(fast, file + ": a file as written must be read without databind");
            }
        }
        assertTrue(read > 20, "most files read by the streaming reader: " + read);
    }

    @Test
    void agreesWithDatabindOnEveryMutation() throws IOException {
        List<String> bases = new ArrayList<>();
        bases.add(MigrationJson.write(rich()));
        bases.add(MigrationJson.write(new Migration("0002", null, "nothing", List.of(), List.of(), List.of())));
        // The largest files of the repository too: hand-written ones among them.
        Fixtures.repositoryMigrationFiles().stream().sorted((a, b) -> Long.compare(size(b), size(a))).limit(2)
                .forEach(f -> bases.add(read(f)));
        for (String base : bases) {
            mutations(base, this::compare);
        }
        assertTrue(agreed > 500, "many mutations read alike: " + agreed);
        assertTrue(bothRefused > 2000, "many mutations refused by both: " + bothRefused);
        assertTrue(declinedValid > 0, "some valid variants declined (ignored keys, \"op\" not first)");
    }

    @Test
    void declinesWhatTheStrictPassRefuses() {
        String v = MigrationJson.write(rich());
        for (String bad : List.of("", " ", "[ ]", "null", "\"x\"", "{ }x", v + "x", v + v, v + "[ ]",
                v.replace("\"name\" : \"orders\"", "\"name\" : \"  \""),
                v.replace("\"table\" : \"orders\"", "\"table\" : \"\""),
                v.replace("\"columns\" : [ \"id\" ]", "\"columns\" : [ \" \" ]"),
                v.replace("\"id\" : \"0001\"", "\"id\" : \"0001\", \"parent\" : null"))) {
            assertNull(MigrationJsonReader.read(bad), bad);
            compare(bad);
        }
        compare(v + "\n\n  ");
        assertNotNull(MigrationJsonReader.read(v + "\n\n  "), "whitespace after the object is fine");
    }

    private void compare(String text) {
        Migration expected = databind(text);
        Migration fast = MigrationJsonReader.read(text);
        if (expected == null) {
            assertNull(fast, () -> "databind refuses it, the streaming reader must decline it:\n" + text);
            bothRefused++;
        } else if (fast == null) {
            declinedValid++;
        } else {
            assertEquals(expected, fast, () -> "read differently:\n" + text);
            agreed++;
        }
    }

    /** The migration databind reads from {@code text} after the strict pass, or {@code null} when it refuses it. */
    private static Migration databind(String text) {
        try {
            return MigrationReader.parseWithDatabind("0001_test.json", text);
        } catch (MigrationReader.Problem e) {
            return null;
        }
    }

    // Mutations.

    /** Values of every JSON type, and strings the model reads specially; each replaces each value in turn. */
    private static final List<JsonNode> OTHER_VALUES = List.of(NODES.booleanNode(true), NODES.booleanNode(false),
            NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(-1), NODES.numberNode(1.5),
            NODES.numberNode(2_147_483_648L), NODES.numberNode(new java.math.BigInteger("9223372036854775808")),
            NODES.textNode(""), NODES.textNode(" "), NODES.textNode("x"), NODES.textNode("BIGINT"),
            NODES.textNode("VARCHAR(10)"), NODES.textNode("CASCADE"), NODES.textNode("data"), NODES.textNode("5s"),
            NODES.textNode("postgresql"), NODES.textNode("add_column"), NODES.textNode("sql"), NODES.arrayNode(),
            NODES.arrayNode().add("x"), NODES.objectNode(), NODES.objectNode().put("x", "y"));

    /** Keys added to each object: unknown, ignored by databind on some records, or the type id. */
    private static final List<String> EXTRA_KEYS = List.of("zz", "sources", "renamedFrom", "backfill",
            "destructive", "op");

    private static void mutations(String text, Consumer<String> each) throws IOException {
        JsonNode root = TREES.readTree(text);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode container : containers) {
            if (container instanceof ObjectNode object) {
                List<String> keys = new ArrayList<>();
                object.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    JsonNode value = object.get(key);
                    object.remove(key);
                    each.accept(write(root));
                    object.set(key, value); // now last: the key moved to the end
                    each.accept(write(root));
                    restoreOrder(object, keys);
                    replacements(root, value, v -> object.set(key, v), each);
                    object.set(key, value);
                }
                for (String extra : EXTRA_KEYS) {
                    if (!object.has(extra)) {
                        for (JsonNode v : List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.arrayNode())) {
                            object.set(extra, v);
                            each.accept(write(root));
                            object.remove(extra);
                        }
                    }
                }
            } else {
                ArrayNode array = (ArrayNode) container;
                for (int i = 0; i < array.size(); i++) {
                    int at = i;
                    JsonNode item = array.get(at);
                    replacements(root, item, v -> array.set(at, v), each);
                    array.set(at, item);
                    array.remove(at);
                    each.accept(write(root));
                    array.insert(at, item);
                }
                if (!array.isEmpty()) {
                    array.add(array.get(0));
                    each.accept(write(root));
                    array.remove(array.size() - 1);
                }
            }
        }
        duplicateKeys(text, each);
        each.accept(text + "x");
        each.accept(text + "{ }");
    }

    /** Each other value, the value wrapped in a list, and a list's first item alone. */
    private static void replacements(JsonNode root, JsonNode value, Consumer<JsonNode> set, Consumer<String> each) {
        for (JsonNode other : OTHER_VALUES) {
            set.accept(other);
            each.accept(write(root));
        }
        set.accept(NODES.arrayNode().add(value.deepCopy()));
        each.accept(write(root));
        if (value.isArray() && !value.isEmpty()) {
            set.accept(value.get(0).deepCopy());
            each.accept(write(root));
        }
    }

    private static void restoreOrder(ObjectNode object, List<String> keys) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String k : keys) {
            values.put(k, object.get(k));
        }
        object.removeAll();
        values.forEach(object::set);
    }

    /**
     * Every key written twice (a duplicate key, as a bad merge leaves): a line holding a key and a scalar value, and
     * a key whose object or list of objects spans lines, with all its lines up to the one that closes it.
     */
    private static void duplicateKeys(String text, Consumer<String> each) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.trim().startsWith("\"") || !line.contains("\" : ")) {
                continue;
            }
            int last = i;
            if (line.endsWith("{") || line.endsWith("[")) {
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                do {
                    last++;
                } while (last < lines.length && !(lines[last].startsWith(indent + "}")
                        || lines[last].startsWith(indent + "]")));
                if (last == lines.length) {
                    continue;
                }
            }
            List<String> copy = new ArrayList<>(List.of(lines).subList(i, last + 1));
            if (!copy.get(copy.size() - 1).endsWith(",")) {
                copy.set(copy.size() - 1, copy.get(copy.size() - 1) + ",");
            }
            List<String> out = new ArrayList<>(List.of(lines));
            out.addAll(i, copy);
            each.accept(String.join("\n", out));
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    private static String write(JsonNode root) {
        try {
            return TREES.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // Inputs.

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One migration with every operation, every optional value present, and every kind of value. */
    static Migration rich() {
        Column id = new Column("id", ColumnType.of("BIGINT"), false, true, null, null, false, null);
        Column name = new Column("name", ColumnType.ofLength("VARCHAR", 100), true, false, "'none'",
                "varchar(100) collate \"C\"", true, null);
        Column total = new Column("total", ColumnType.numeric("NUMERIC", 10, 2), false, false, "0", null, false, null);
        Column price = new Column("price", ColumnType.parse("FLOAT(53)"), true, false, null, null, false, null);
        PrimaryKey pk = new PrimaryKey("pk_orders", List.of("id"));
        UniqueConstraint unique = new UniqueConstraint("uk_orders_name", List.of("name", "total"));
        Index index = new Index("ix_orders_total", List.of("total"), true);
        CheckConstraint in = CheckConstraint.in("ck_orders_name", "name", List.of("a", "b"));
        CheckConstraint between = CheckConstraint.between("ck_orders_total", "total", -5, 9_000_000_000L);
        CheckConstraint expression = new CheckConstraint("ck_orders_expr", null, null, null, null, "total > 0");
        ForeignKey fk = new ForeignKey("fk_orders_customer", List.of("id"), "crm", "customer", List.of("id"),
                OnDelete.CASCADE);
        ForeignKey plainFk = new ForeignKey("fk_orders_self", List.of("total"), null, "orders", List.of("id"), null);
        Table orders = new Table("app", "orders", true, null, List.of(), List.of(id, name, total, price), pk,
                List.of(unique), List.of(index), List.of(in, between, expression), List.of(fk, plainFk));
        Table bare = new Table(null, "bare", false, null, null, null, null, null, null, null, null);
        Sequence seq = new Sequence("app", "order_seq", 1, 50, true);
        Sequence plainSeq = new Sequence(null, "plain_seq", -3, 1);
        Map<String, List<String>> up = new LinkedHashMap<>();
        up.put("postgresql", List.of("update orders set total = 1", "select 1; select 2"));
        up.put("*", List.of("update orders set total = 2"));
        up.put("sqlite", List.of());
        Map<String, List<String>> down = Map.of("*", List.of("update orders set total = 0"));
        List<Operation> upgrade = List.of(
                new CreateTable(orders), new DropTable(bare), new RenameTable("app", "a", "b"),
                new RenameTable(null, "c", "d"), new AddColumn("app", "orders", name), new DropColumn(null, "orders", total),
                new AlterColumn("app", "orders", total, new Column("total", ColumnType.of("BIGINT"), true, false, null,
                        null, false, null)),
                new RenameColumn("app", "orders", "name", "title"), new AddPrimaryKey("app", "orders", pk),
                new DropPrimaryKey(null, "orders", pk), new AddUnique("app", "orders", unique),
                new DropUnique(null, "orders", unique), new CreateIndex("app", "orders", index, true),
                new CreateIndex(null, "orders", index), new DropIndex("app", "orders", index, true),
                new DropIndex(null, "orders", index), new AddCheck("app", "orders", between, true),
                new AddCheck(null, "orders", in), new DropCheck("app", "orders", expression),
                new AddForeignKey("app", "orders", fk, true), new AddForeignKey(null, "orders", plainFk),
                new DropForeignKey("app", "orders", fk), new CreateSequence(seq), new DropSequence(plainSeq),
                new AlterSequence(seq, new Sequence("app", "order_seq", 1, 10, true)),
                new Sql(up, down, false, List.of(new AddColumn(null, "orders", price), new Sql(Map.of("*",
                        List.of("select 1")), null, true, null))),
                new Sql(Map.of("mariadb", List.of("select 1"), "mysql", List.of("select 2")), null, true, List.of()));
        List<Operation> downgrade = List.of(new DropTable(orders), new RenameTable("app", "b", "a"));
        List<Warning> warnings = List.of(new Warning(2, Warning.DESTRUCTIVE, "drops bare"),
                new Warning(6, Warning.DATA, "not null"));
        LintSection lint = new LintSection(List.of(new LintSection.Ignore("pg-index-not-concurrent", 13, "new table"),
                new LintSection.Ignore("sql-any", null, "reviewed")));
        return new Migration("0001", "0000", "every operation \"quoted\" \u00e9\n\ttabbed", upgrade, downgrade, warnings,
                true, "5s", lint);
    }
}
