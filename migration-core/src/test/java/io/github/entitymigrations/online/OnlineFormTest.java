package io.github.entitymigrations.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The online form's files, from the simple form: what moves where, and that they end at the same schema. */
class OnlineFormTest {

    private static List<OnlinePart> online(Schema after) {
        Diff diff = SchemaDiff.diff(OnlineFixtures.before(), after);
        return OnlineForm.of(OnlineFixtures.before(), diff.upgrade(), diff.warnings(), "5s");
    }

    static List<OnlineFixtures.Change> changes() {
        return OnlineFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void everyChangeEndsAtTheSimpleFormsSchemaAndEachFileRevertsExactly(OnlineFixtures.Change change) {
        List<OnlinePart> parts = online(change.after());
        SchemaState state = new SchemaState(OnlineFixtures.before());
        for (OnlinePart p : parts) {
            Schema start = state.toSchema();
            state.apply(p.upgrade());
            Schema undone = new SchemaState(state.toSchema()).apply(Diff.reverse(p.upgrade())).toSchema();
            assertEquals(start, undone, p.message(change.name()) + " reverts to where it started");
            assertEquals(!p.outsideTransaction(), p.lockTimeout() != null, "a lock timeout on transactional files only");
        }
        assertEquals(new SchemaState(change.after()).toSchema(), state.toSchema());
    }

    @Test
    void anIndexOnAnExistingTableIsBuiltConcurrentlyInAFileOfItsOwn() {
        List<OnlinePart> parts = online(OnlineFixtures.all().get(0).after());
        assertEquals(1, parts.size(), "nothing else to do: only the index file");
        OnlinePart only = parts.get(0);
        assertTrue(only.outsideTransaction());
        assertNull(only.lockTimeout());
        assertNull(only.suffix(), "the first file has the author's message");
        assertEquals(List.of("create index ix_customer_name on customer (name) concurrently"), describe(only));
    }

    @Test
    void aForeignKeyIsAddedNotValidThenValidatedInTheNextFile() {
        List<OnlinePart> parts = online(OnlineFixtures.all().get(2).after());
        assertEquals(2, parts.size());
        assertEquals(List.of(true), parts.get(0).upgrade().stream().map(op -> ((AddForeignKey) op).notValid()).toList());
        assertEquals("5s", parts.get(0).lockTimeout());
        assertEquals("validate", parts.get(1).suffix());
        assertEquals("5s", parts.get(1).lockTimeout());
        Sql validate = (Sql) parts.get(1).upgrade().get(0);
        assertEquals(Map.of("postgresql", List.of("alter table customer validate constraint fk_customer_region"),
                "sqlite", List.of()), validate.upgrade());
        assertEquals(Map.of("postgresql", List.of(), "sqlite", List.of()), validate.downgrade());
    }

    @Test
    void notNullOnAnExistingColumnGoesThroughAValidatedCheck() {
        List<OnlinePart> parts = online(OnlineFixtures.all().get(5).after());
        assertEquals(2, parts.size());
        AddCheck check = (AddCheck) parts.get(0).upgrade().get(0);
        assertTrue(check.notValid());
        assertEquals("customer_select_not_null", check.check().name());
        assertEquals("\"Select\" is not null", check.check().expression());
        List<Operation> validate = parts.get(1).upgrade();
        assertEquals(3, validate.size());
        assertEquals(Map.of("postgresql", List.of("alter table customer validate constraint customer_select_not_null"),
                "sqlite", List.of()), ((Sql) validate.get(0)).upgrade());
        AlterColumn set = (AlterColumn) validate.get(1);
        assertTrue(set.from().nullable() && !set.to().nullable());
        assertEquals("customer_select_not_null", ((DropCheck) validate.get(2)).check().name());
    }

    @Test
    void aMixKeepsTheNewTableSimpleAndSplitsTheRestInThreeFiles() {
        List<OnlinePart> parts = online(OnlineFixtures.all().get(6).after());
        assertEquals(List.of("mix", "mix (validate)", "mix (indexes)"), parts.stream().map(p -> p.message("mix")).toList());
        List<Operation> n = parts.get(0).upgrade();
        CreateTable orders = (CreateTable) n.stream().filter(CreateTable.class::isInstance).findFirst().orElseThrow();
        assertEquals(1, orders.table().indexes().size(), "a new table's index is built with it");
        assertFalse(n.stream().anyMatch(CreateIndex.class::isInstance));
        assertEquals(List.of("create index ix_customer_status on customer (status) concurrently"), describe(parts.get(2)));
        assertTrue(parts.get(2).outsideTransaction());
    }

    @Test
    void aChangeWithNothingToMakeSafeIsOneFileWithTheLockTimeout() {
        Schema after = io.github.entitymigrations.operations.SchemaBuilder.schema(OnlineFixtures.BASE,
                s -> s.table("audit", t -> t.id()));
        List<OnlinePart> parts = online(after);
        assertEquals(1, parts.size());
        assertEquals("5s", parts.get(0).lockTimeout());
        assertFalse(parts.get(0).outsideTransaction());
    }

    @Test
    void aLongNotNullCheckNameIsCutToWhatPostgresqlKeeps() {
        String name = NotNullCheck.name("a_table_with_a_rather_long_name_for_testing", "and_a_long_column_name_too");
        assertEquals(63, name.length());
        assertTrue(name.startsWith("a_table_with_a_rather_long_name_for_testing_and_a_l_nn_"), name);
    }

    private static List<String> describe(OnlinePart p) {
        return p.upgrade().stream().map(Operation::describe).toList();
    }
}
