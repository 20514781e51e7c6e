package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The replay's sorted, shared-chunk list: every edited copy reads as the plain sorted list would, and stays put. */
class OrderedListTest {

    private static Table table(String schema, String name) {
        return new Table(schema, name, false, null, List.of(), List.of(new Column("id", ColumnType.parse("BIGINT"),
                false, false, null, null, false, null, null)), null, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void randomEditsReadAsASortedListAndLeaveEarlierCopiesAsTheyWere() {
        Random random = new Random(20261203);
        OrderedList<Table> list = OrderedList.of(Schema.TABLE_ORDER, Schema.TABLE_NAME_KEY, List.of());
        List<Table> expected = new ArrayList<>();
        List<OrderedList<Table>> copies = new ArrayList<>();
        List<List<Table>> copiesExpected = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            String name = "T" + random.nextInt(700);
            String schema = random.nextInt(5) == 0 ? "s" : null;
            Table t = table(schema, random.nextBoolean() ? name : name.toLowerCase());
            expected.removeIf(e -> Schema.TABLE_ORDER.compare(e, t) == 0);
            if (random.nextInt(3) == 0) {
                list = list.without(t);
            } else {
                list = list.with(t);
                expected.add(t);
            }
            expected.sort(Schema.TABLE_ORDER);
            assertEquals(expected, list);
            if (step % 300 == 0) {
                copies.add(list);
                copiesExpected.add(List.copyOf(expected));
            }
            String wanted = "t" + random.nextInt(700);
            assertEquals(expected.stream().filter(e -> e.name().equalsIgnoreCase(wanted)).toList(),
                    new Schema(null, list, List.of()).tablesNamed(wanted.toUpperCase()));
        }
        for (int i = 0; i < copies.size(); i++) {
            assertEquals(copiesExpected.get(i), copies.get(i));
        }
    }

    @Test
    void aSchemaTakesTheListAsItIsAndSortsAnyOther() {
        OrderedList<Table> list = OrderedList.of(Schema.TABLE_ORDER, Schema.TABLE_NAME_KEY,
                List.of(table(null, "b"), table(null, "a")));
        assertSame(list, new Schema(null, list, List.of()).tables());
        assertEquals(List.of("a", "b"), new Schema(null, list, List.of()).tables().stream().map(Table::name).toList());
        OrderedList<Table> otherOrder = OrderedList.of(Comparator.comparing(Table::name).reversed(), null,
                List.of(table(null, "a"), table(null, "b")));
        assertEquals(List.of("a", "b"),
                new Schema(null, otherOrder, List.of()).tables().stream().map(Table::name).toList());
    }

    @Test
    void namesOnlyASchemaTellsApartAreKeptApartByKey() {
        Table dotted = table(null, "a.b");
        Table qualified = table("a", "b");
        OrderedList<Table> list = OrderedList.of(Schema.TABLE_ORDER, Schema.TABLE_NAME_KEY, List.of(qualified))
                .with(dotted);
        assertEquals(List.of(dotted, qualified), list);
        assertEquals(List.of(qualified), list.without(dotted));
        assertThrows(UnsupportedOperationException.class, () -> list.add(dotted));
    }
}
