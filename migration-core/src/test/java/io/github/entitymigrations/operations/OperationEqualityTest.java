package io.github.entitymigrations.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Table;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation writes its {@code equals} out (see {@link Operation}): each must still be the record's equality,
 * every component compared, and agree with the record's own {@code hashCode}.
 */
class OperationEqualityTest {

    /** Components the constructor never lets differ alone: a sql step is irreversible exactly when it has no downgrade. */
    private static final Set<String> TIED = Set.of("Sql.irreversible");

    @Test
    void everyOperationWritesItsEqualsOut() throws NoSuchMethodException {
        for (Class<?> type : Operation.class.getPermittedSubclasses()) {
            assertEquals(type, type.getMethod("equals", Object.class).getDeclaringClass(), type.getName());
        }
    }

    /**
     * For every operation of the fixture and each of its components: a copy equals it (with the same hash code),
     * and a copy with that one component replaced by a different value of its type does not, either way round.
     * Every component of every operation type is replaced at least once.
     */
    @Test
    void equalsComparesEveryComponent() throws ReflectiveOperationException {
        List<Operation> ops = fixture();
        Map<Class<?>, List<Object>> pool = pool(ops);
        Set<String> changed = new LinkedHashSet<>();
        for (Operation op : ops) {
            Class<?> type = op.getClass();
            RecordComponent[] components = type.getRecordComponents();
            Operation copy = construct(type, values(op, components));
            assertEquals(op, copy, op.describe());
            assertEquals(copy, op, op.describe());
            assertEquals(op.hashCode(), copy.hashCode(), op.describe());
            assertFalse(op.equals(null) || op.equals(op.describe()), op.describe());
            for (int i = 0; i < components.length; i++) {
                for (Object other : alternatives(components[i], values(op, components)[i], pool)) {
                    Object[] values = values(op, components);
                    values[i] = other;
                    Operation mutant = constructOrNull(type, values);
                    if (mutant != null) {
                        String what = type.getSimpleName() + "." + components[i].getName();
                        assertNotEquals(op, mutant, what);
                        assertNotEquals(mutant, op, what);
                        changed.add(what);
                    }
                }
            }
        }
        for (Class<?> type : Operation.class.getPermittedSubclasses()) {
            for (RecordComponent c : type.getRecordComponents()) {
                String what = type.getSimpleName() + "." + c.getName();
                assertTrue(changed.contains(what) || TIED.contains(what), what + " was never changed, so its "
                        + "comparison is not tested");
            }
        }
    }

    /** One of every type and its reverse, and a second table with its keys (other values to swap in). */
    private static List<Operation> fixture() {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : EveryOperation.instances()) {
            ops.add(op);
            ops.add(op.reverse());
        }
        Table other = SchemaBuilder.schema(s -> s.table("accounts", t -> {
            t.id();
            t.col("code", SchemaBuilder.varchar(8));
            t.col("owner_id", SchemaBuilder.BIGINT);
            t.unique("uk_accounts_code", "code");
            t.index("ix_accounts_owner", "owner_id");
            t.checkExpression("ck_accounts_code", "code <> ''");
            t.fk("fk_accounts_users", "owner_id", "users");
        })).tables().get(0);
        ops.add(new CreateTable(other));
        ops.add(new AddPrimaryKey(null, "accounts", other.primaryKey()));
        ops.add(new AddUnique(null, "accounts", other.uniques().get(0)));
        ops.add(new CreateIndex(null, "accounts", other.indexes().get(0)));
        ops.add(new AddCheck(null, "accounts", other.checks().get(0)));
        ops.add(new AddForeignKey(null, "accounts", other.foreignKeys().get(0)));
        ops.add(new AddColumn(null, "accounts", other.columns().get(1)));
        return ops;
    }

    /** Every component value of the fixture, by the component's declared type. */
    private static Map<Class<?>, List<Object>> pool(List<Operation> ops) throws ReflectiveOperationException {
        Map<Class<?>, List<Object>> pool = new LinkedHashMap<>();
        for (Operation op : ops) {
            for (RecordComponent c : op.getClass().getRecordComponents()) {
                List<Object> values = pool.computeIfAbsent(c.getType(), k -> new ArrayList<>());
                Object v = c.getAccessor().invoke(op);
                if (!values.contains(v)) {
                    values.add(v);
                }
            }
        }
        return pool;
    }

    /** Values of the component's type that differ from {@code current}: made up for names and flags, else pooled. */
    private static List<Object> alternatives(RecordComponent c, Object current, Map<Class<?>, List<Object>> pool) {
        List<Object> result = new ArrayList<>();
        if (c.getType() == boolean.class) {
            result.add(!(Boolean) current);
        } else if (c.getType() == String.class) {
            result.add(current == null ? "sales" : current + "_other");
            if (current != null && c.getName().equals("schema")) {
                result.add(null);
            }
        }
        for (Object v : pool.getOrDefault(c.getType(), List.of())) {
            if (!Objects.equals(v, current)) {
                result.add(v);
            }
        }
        return result;
    }

    private static Object[] values(Object record, RecordComponent[] components) throws ReflectiveOperationException {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(record);
        }
        return values;
    }

    private static Operation construct(Class<?> type, Object[] values) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        return (Operation) canonical.newInstance(values);
    }

    /** The operation, or {@code null} where its constructor refuses the combination. */
    private static Operation constructOrNull(Class<?> type, Object[] values) throws ReflectiveOperationException {
        try {
            return construct(type, values);
        } catch (InvocationTargetException e) {
            return null;
        }
    }
}
