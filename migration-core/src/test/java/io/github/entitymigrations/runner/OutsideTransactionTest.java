package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations marked {@code outsideTransaction}: they can run what a database refuses inside a transaction
 * ({@code create index concurrently}); they run step by step, and a failure undoes the steps before it (see
 * {@link StepByStepUndoTest}), records nothing in the version table, and says so.
 */
class OutsideTransactionTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @Test
    void createIndexConcurrentlyRunsOnPostgres() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        List<Operation> index = List.of(sql(List.of("create index concurrently ix_person_name on person (name)"),
                List.of("drop index concurrently ix_person_name")));
        h.add("index names", index, List.of(index.get(0).reverse()), true);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("head");
        assertEquals(List.of("ix_person_name"), db.query("select indexname from pg_indexes where tablename = 'person' "
                + "and indexname like 'ix_%'"));
        assertEquals(List.of("0001", "0002"), db.appliedIds());
        migrator.downgrade("-1");
        assertEquals(List.of(), db.query("select indexname from pg_indexes where indexname = 'ix_person_name'"));
        assertEquals(List.of("0001"), db.appliedIds());
    }

    /** A data step runs in a transaction of its own even in such a migration: its failure leaves nothing of it. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailingDataStepIsRolledBackAsAWholeAndRecordsNothing(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = people(tmp.resolve("migrations"));
        List<Operation> steps = List.of(sql(List.of("insert into person (id, name) values (1, 'Ann')",
                "insert into no_such_table (id) values (1)"), List.of("delete from person")));
        h.add("add people", steps, List.of(steps.get(0).reverse()), true);
        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("failed at statement 2 of 2") && e.getMessage().contains("outside a "
                + "transaction") && e.getMessage().contains("ran in a transaction of its own, rolled back")
                && e.getMessage().contains("the database is as before"), e.getMessage());
        assertEquals(List.of(), db.query("select id, name from person"), "statement 1 was rolled back with it");
        assertEquals(List.of("0001"), db.appliedIds(), "the failed migration is not recorded");
        assertFalse(db.schema().stream().anyMatch(l -> l.contains(UndoJournal.NAME)), "no journal is left behind");
    }

    private static MigrationHistory people(Path directory) {
        return new MigrationHistory(directory).add("people", new CreateTable(table("person", t -> {
            t.id();
            t.col("name", varchar(50));
        })));
    }
}
