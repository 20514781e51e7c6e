package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.online.OnlineFixtures;
import io.github.entitymigrations.online.OnlineForm;
import io.github.entitymigrations.online.OnlinePart;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The online form, applied on a real database to tables with rows, ends at exactly the schema the simple form
 * gives (read back from the catalog), with every constraint validated and no invalid index on PostgreSQL; and
 * each of its files reverts, down to base.
 */
class OnlineFormEquivalenceTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kind kind : new Kind[] {Kind.POSTGRESQL, Kind.SQLITE}) {
            OnlineFixtures.all().forEach(c -> all.add(Arguments.of(kind, c)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theOnlineFormEndsAtTheSimpleFormsSchemaAndRevertsToBase(Kind kind, OnlineFixtures.Change change)
            throws Exception {
        Schema before = OnlineFixtures.before();
        Diff diff = SchemaDiff.diff(before, change.after());
        List<OnlinePart> parts = OnlineForm.of(before, diff.upgrade(), diff.warnings(), "5s");

        TestDatabase simpleDb = TestDatabase.open(kind, PG, tmp);
        MigrationHistory simple = base(tmp.resolve("simple"));
        simple.add("change", diff.upgrade(), diff.downgrade(), false);
        List<String> simpleSchema = applyWithRows(simpleDb, simple);

        TestDatabase onlineDb = TestDatabase.open(kind, PG, tmp);
        MigrationHistory online = base(tmp.resolve("online"));
        for (OnlinePart p : parts) {
            online.add(p.message("change"), p.upgrade(), Diff.reverse(p.upgrade()), p.outsideTransaction(),
                    p.lockTimeout());
        }
        List<String> onlineSchema = applyWithRows(onlineDb, online);
        assertEquals(simpleSchema, onlineSchema, "the online form's schema is the simple form's");
        assertEquals(onlineDb.expected(change.after()), onlineSchema);
        if (kind == Kind.POSTGRESQL) {
            assertEquals(List.of(), onlineDb.query("select conname from pg_constraint where not convalidated"),
                    "every constraint validated");
            assertEquals(List.of(), onlineDb.query("select indexrelid::regclass from pg_index where not indisvalid"),
                    "no invalid index");
        }
        assertEquals(List.of("1|Ann", "2|Bob"), onlineDb.query("select id, name from customer order by id"));

        Migrator migrator = onlineDb.migrator(online.chain());
        migrator.downgrade("0001");
        assertEquals(onlineDb.expected(before), onlineDb.schema(), "every online file reverted");
        migrator.downgrade("base", true); // the base tables hold the rows
        assertEquals(List.of(), onlineDb.appliedIds());
    }

    private static MigrationHistory base(Path directory) {
        Diff create = SchemaDiff.diff(new Schema(null, List.of(), List.of()), OnlineFixtures.before());
        return new MigrationHistory(directory).add("base", create.upgrade(), create.downgrade(), false);
    }

    private static List<String> applyWithRows(TestDatabase db, MigrationHistory h) throws Exception {
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("0001");
        db.execute(OnlineFixtures.ROWS.toArray(String[]::new));
        migrator.upgrade("head");
        assertTrue(db.appliedIds().size() == h.files().size(), "every file applied");
        return db.schema();
    }
}
