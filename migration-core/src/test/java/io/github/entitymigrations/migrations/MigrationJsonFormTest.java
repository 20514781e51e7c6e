package io.github.entitymigrations.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Json;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.RecordJson;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each schema record has one JSON form: what a migration file embeds (Jackson, {@link MigrationJson}) is what
 * the snapshot writes ({@link RecordJson}), key for key and value for value, for every record type, with every
 * optional value present and with none. The only difference is the documented one: the snapshot spells a
 * column's type out ({@code type}, {@code length}, {@code precision}, {@code scale}) where migration files
 * write it compact ({@code "VARCHAR(255)"}); the test converts that one spelling and nothing else. Each form
 * also reads the other's back to the same record.
 */
class MigrationJsonFormTest {

    private static final ObjectMapper MAPPER = MigrationJson.mapper();

    /** A record, how the snapshot writes it, and how the snapshot reads it back. */
    record Sample(String what, Object record, Function<Object, Map<String, Object>> write,
                  Function<Map<String, Object>, Object> read) {
        @Override
        public String toString() {
            return what;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Sample sample(String what, T record, Function<T, Map<String, Object>> write,
                                     Function<Map<String, Object>, T> read) {
        return new Sample(what, record, r -> write.apply((T) r), read::apply);
    }

    static final Column FULL_COLUMN = new Column("Status", ColumnType.ofLength("VARCHAR", 20), false, true, "'NEW'",
            "varchar(20) collate \"C\"", true, null);
    static final Column PLAIN_COLUMN = new Column("total", ColumnType.numeric("NUMERIC", 10, 2), true, false, null,
            null, false, null);
    static final ForeignKey FULL_FK = new ForeignKey("fk_orders_customer", List.of("customer_id", "region"), "sales",
            "customer", List.of("id", "region"), OnDelete.SET_NULL);
    static final ForeignKey PLAIN_FK = new ForeignKey("fk_orders_parent", List.of("parent_id"), null, "orders",
            List.of("id"), null);

    static Stream<Sample> records() {
        List<Sample> samples = new ArrayList<>();
        samples.add(sample("column with every value", FULL_COLUMN, RecordJson::column, RecordJson::readColumn));
        samples.add(sample("plain column", PLAIN_COLUMN, RecordJson::column, RecordJson::readColumn));
        samples.add(sample("column of a bare type", new Column("id", ColumnType.of("BIGINT"), false, false, null, null,
                false, null), RecordJson::column, RecordJson::readColumn));
        samples.add(sample("primary key", new PrimaryKey("pk_orders", List.of("id", "region")), RecordJson::primaryKey,
                RecordJson::readPrimaryKey));
        samples.add(sample("unique constraint", new UniqueConstraint("uk_orders_code", List.of("code")),
                RecordJson::unique, RecordJson::readUnique));
        samples.add(sample("unique index", new Index("ix_orders_code", List.of("code", "region"), true),
                RecordJson::index, RecordJson::readIndex));
        samples.add(sample("plain index", new Index("ix_orders_total", List.of("total"), false), RecordJson::index,
                RecordJson::readIndex));
        samples.add(sample("check with values", CheckConstraint.in("ck_orders_status", "Status", List.of("NEW", "PAID")),
                RecordJson::check, RecordJson::readCheck));
        samples.add(sample("check with a range", CheckConstraint.between("ck_orders_kind", "kind", -1, 3),
                RecordJson::check, RecordJson::readCheck));
        samples.add(sample("check with an expression", CheckConstraint.expression("ck_orders_total", null, "total >= 0"),
                RecordJson::check, RecordJson::readCheck));
        samples.add(sample("foreign key with every value", FULL_FK, RecordJson::foreignKey, RecordJson::readForeignKey));
        samples.add(sample("foreign key without schema or action", PLAIN_FK, RecordJson::foreignKey,
                RecordJson::readForeignKey));
        for (OnDelete action : OnDelete.values()) {
            samples.add(sample("foreign key on delete " + action, new ForeignKey("fk", List.of("a"), null, "t",
                    List.of("id"), action), RecordJson::foreignKey, RecordJson::readForeignKey));
        }
        samples.add(sample("sequence with every value", new Sequence("sales", "Order_SEQ", -5, 50, true),
                RecordJson::sequence, RecordJson::readSequence));
        samples.add(sample("plain sequence", new Sequence(null, "orders_seq", 1, 1), RecordJson::sequence,
                RecordJson::readSequence));
        samples.add(sample("table with everything", new Table("sales", "Orders", true, null, List.of(),
                List.of(FULL_COLUMN, PLAIN_COLUMN), new PrimaryKey("pk_orders", List.of("Status")),
                List.of(new UniqueConstraint("uk_orders_total", List.of("total"))),
                List.of(new Index("ix_orders_total", List.of("total"), false)),
                List.of(CheckConstraint.between("ck_orders_total", "total", 0, 9)), List.of(FULL_FK, PLAIN_FK)),
                RecordJson::table, RecordJson::readTable));
        samples.add(sample("bare table", new Table(null, "empty", false, null, List.of(), List.of(), null, List.of(),
                List.of(), List.of(), List.of()), RecordJson::table, RecordJson::readTable));
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void aMigrationFileEmbedsTheSnapshotsFormOfEveryRecord(Sample s) throws JsonProcessingException {
        JsonNode migrationForm = MAPPER.valueToTree(s.record());
        JsonNode snapshotForm = MAPPER.readTree(Json.write(s.write().apply(s.record())));

        assertEquals(same(snapshotForm), same(splitTypes(migrationForm.deepCopy())), "the forms differ in more than the type's "
                + "spelling:\nmigration file: " + migrationForm + "\nsnapshot:       " + snapshotForm);
        assertEquals(same(migrationForm), same(compactTypes(snapshotForm.deepCopy())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void eachFormReadsTheOthersBackToTheSameRecord(Sample s) throws JsonProcessingException {
        JsonNode migrationForm = MAPPER.valueToTree(s.record());
        JsonNode snapshotForm = MAPPER.readTree(Json.write(s.write().apply(s.record())));

        assertEquals(s.record(), MAPPER.treeToValue(compactTypes(snapshotForm.deepCopy()), s.record().getClass()));
        @SuppressWarnings("unchecked")
        Map<String, Object> asSnapshot = (Map<String, Object>) Json.read(MAPPER.writeValueAsString(
                splitTypes(migrationForm.deepCopy())));
        assertEquals(s.record(), s.read().apply(asSnapshot));
    }

    /**
     * Every component of every record has a key in the one form (so a new field cannot be added to a record and
     * to one writer only), except the snapshot's Java-side hints, which no migration file holds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyValueOfARecordHasItsKey(Sample s) {
        if (!s.what().contains("every") && !s.what().startsWith("check")) {
            return;
        }
        Set<String> snapshotOnly = Set.of("sources", "renamedFrom", "backfill");
        Set<String> expected = new TreeSet<>();
        for (RecordComponent c : s.record().getClass().getRecordComponents()) {
            if (!snapshotOnly.contains(c.getName())) {
                expected.add(c.getName());
            }
        }
        Set<String> written = new TreeSet<>();
        MAPPER.valueToTree(s.record()).fieldNames().forEachRemaining(written::add);
        if (s.record() instanceof CheckConstraint c) {
            // One of values, min and max, or expression: the sample has the others absent.
            expected.removeIf(k -> switch (k) {
                case "values" -> c.values() == null;
                case "min", "max" -> c.min() == null;
                case "expression" -> c.expression() == null;
                case "column" -> c.column() == null;
                default -> false;
            });
        }
        assertEquals(expected, written);
    }

    /** A snapshot-only hint is never written into a migration file, which holds tables as a database does. */
    @org.junit.jupiter.api.Test
    void theJavaSideHintsStayInTheSnapshot() {
        Column renamed = new Column("email", ColumnType.ofLength("VARCHAR", 80), true, false, null, null, false, "mail",
                "'none'");
        Table hinted = new Table(null, "users", false, "people", List.of("com.example.User"), List.of(renamed), null,
                List.of(), List.of(), List.of(), List.of());

        JsonNode migrationForm = MAPPER.valueToTree(hinted);
        Map<String, Object> snapshotForm = RecordJson.table(hinted);

        assertFalse(migrationForm.has("renamedFrom") || migrationForm.has("sources"), migrationForm.toString());
        assertFalse(migrationForm.get("columns").get(0).has("renamedFrom"), migrationForm.toString());
        assertFalse(migrationForm.get("columns").get(0).has("backfill"), migrationForm.toString());
        assertTrue(Json.write(snapshotForm).contains("\"backfill\" : \"'none'\""));
        assertEquals("people", snapshotForm.get("renamedFrom"));
        assertTrue(Json.write(snapshotForm).contains("\"renamedFrom\" : \"mail\""));
    }

    /** A tree compared by value: numbers as read from text, whatever Java type they were written from. */
    private static JsonNode same(JsonNode node) throws JsonProcessingException {
        return MAPPER.readTree(MAPPER.writeValueAsString(node));
    }

    /** The snapshot's spelling of every column type in {@code node}: {@code VARCHAR(20)} to VARCHAR, 20. */
    private static JsonNode splitTypes(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("nullable") && o.path("type").isTextual()) {
            ColumnType t = ColumnType.parse(o.get("type").asText());
            o.put("type", t.name());
            if (t.length() != null) {
                o.put("length", t.length());
            }
            if (t.precision() != null) {
                o.put("precision", t.precision());
            }
            if (t.scale() != null) {
                o.put("scale", t.scale());
            }
        }
        node.forEach(MigrationJsonFormTest::splitTypes);
        return node;
    }

    /** The migration file's spelling of every column type in {@code node}. */
    private static JsonNode compactTypes(JsonNode node) {
        if (node instanceof ObjectNode o && o.has("nullable") && o.path("type").isTextual()) {
            ColumnType t = new ColumnType(o.get("type").asText(), integer(o.remove("length")),
                    integer(o.remove("precision")), integer(o.remove("scale")));
            o.put("type", t.toString());
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            compactTypes(children.next());
        }
        return node;
    }

    private static Integer integer(JsonNode n) {
        return n == null ? null : n.asInt();
    }
}
