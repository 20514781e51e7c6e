package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The model's records write their {@code equals} out (a record's own is linked through method handles, slow in a
 * short-lived JVM): each must still be the record's equality, every component compared, and agree with the record's
 * own {@code hashCode}.
 */
class RecordEqualityTest {

    /** The records whose {@code equals} is written out. */
    private static final List<Class<?>> WRITTEN_OUT = List.of(ColumnType.class, Column.class, PrimaryKey.class,
            UniqueConstraint.class, Index.class, CheckConstraint.class, ForeignKey.class, Table.class, Sequence.class);

    @Test
    void everyRecordWritesItsEqualsOut() throws NoSuchMethodException {
        for (Class<?> type : WRITTEN_OUT) {
            assertEquals(type, type.getMethod("equals", Object.class).getDeclaringClass(), type.getName());
        }
    }

    /**
     * For every record of a schema with every key, and each of its components: a copy equals it (with the same hash
     * code), and a copy with that one component taken from another record of the type (where it differs) does not.
     */
    @Test
    void equalsComparesEveryComponent() throws ReflectiveOperationException {
        Map<Class<?>, List<Object>> records = records();
        int changed = 0;
        for (Class<?> type : WRITTEN_OUT) {
            List<Object> all = records.getOrDefault(type, List.of());
            assertTrue(all.size() >= 2, "too few " + type.getSimpleName() + " to compare: " + all.size());
            RecordComponent[] components = type.getRecordComponents();
            for (Object a : all) {
                Object copy = construct(type, values(a, components));
                assertEquals(a, copy, type.getSimpleName());
                assertEquals(a.hashCode(), copy.hashCode(), type.getSimpleName());
                assertTrue(a.equals(a) && !a.equals(null) && !a.equals(type.getSimpleName()), type.getSimpleName());
                for (int i = 0; i < components.length; i++) {
                    for (Object b : all) {
                        Object[] values = values(a, components);
                        Object other = components[i].getAccessor().invoke(b);
                        if (Objects.equals(values[i], other)) {
                            continue;
                        }
                        values[i] = other;
                        Object mutant = constructOrNull(type, values);
                        if (mutant != null) {
                            assertNotEquals(a, mutant, type.getSimpleName() + "." + components[i].getName());
                            assertNotEquals(mutant, a, type.getSimpleName() + "." + components[i].getName());
                            changed++;
                        }
                    }
                }
            }
        }
        assertTrue(changed > 200, changed + " mutants");
    }

    /** Every component of every written-out record met: so each one's comparison is exercised above. */
    @Test
    void theFixtureVariesEveryComponent() throws ReflectiveOperationException {
        Map<Class<?>, List<Object>> records = records();
        for (Class<?> type : WRITTEN_OUT) {
            for (RecordComponent c : type.getRecordComponents()) {
                List<Object> seen = new ArrayList<>();
                for (Object r : records.get(type)) {
                    Object v = c.getAccessor().invoke(r);
                    if (!seen.contains(v)) {
                        seen.add(v);
                    }
                }
                assertTrue(seen.size() >= 2, type.getSimpleName() + "." + c.getName() + " never varies: " + seen);
            }
        }
    }

    /** The records of a schema with every key, and a few more where it has only one of a kind. */
    private static Map<Class<?>, List<Object>> records() throws ReflectiveOperationException {
        Map<Class<?>, List<Object>> records = new LinkedHashMap<>();
        collect(SchemaFixtures.everyKey(), records);
        collect(List.of(new PrimaryKey("pk_other", List.of("a", "b")), new PrimaryKey("pk_id", List.of("id"))), records);
        return records;
    }

    /** The records reachable from {@code value}, by class. */
    private static void collect(Object value, Map<Class<?>, List<Object>> into) throws ReflectiveOperationException {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                collect(o, into);
            }
        } else if (value instanceof Record r) {
            into.computeIfAbsent(r.getClass(), k -> new ArrayList<>()).add(r);
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                collect(c.getAccessor().invoke(r), into);
            }
        }
    }

    private static Object[] values(Object record, RecordComponent[] components) throws ReflectiveOperationException {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(record);
        }
        return values;
    }

    private static Object construct(Class<?> type, Object[] values) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < types.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    /** The record, or {@code null} where its constructor refuses the combination. */
    private static Object constructOrNull(Class<?> type, Object[] values) throws ReflectiveOperationException {
        try {
            return construct(type, values);
        } catch (InvocationTargetException e) {
            return null;
        }
    }
}
