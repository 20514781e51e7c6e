package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Planner#upgradeEach}, the file-by-file plan {@link PlanAhead} works out beside the run: when every file
 * parses, passes its checks and plans, its steps are those of the ordered {@link Planner#upgrade}; when one does not,
 * it stops there, having handed over only good steps, for the ordered planner to report the error.
 */
class PlanEachTest {

    @TempDir
    Path tmp;

    /** Tables, columns, indexes and foreign keys, each migration on what the ones before it made. */
    private MigrationHistory history() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (int i = 1; i <= 4; i++) {
            int n = i;
            h.add("create t" + n, new CreateTable(table("t" + n, t -> {
                t.id();
                t.col("label", varchar(20 + n));
                if (n > 1) {
                    t.col("t1_id", io.github.entitymigrations.schema.ColumnType.parse("BIGINT"));
                }
            })));
        }
        h.add("columns", new AddColumn(null, "t1", column("note", varchar(40), true, null)),
                new AddColumn(null, "t2", column("code", varchar(8), false, "'x'")));
        h.add("index", new CreateIndex(null, "t3", new Index("ix_t3_label", List.of("label"), false), false));
        h.add("keys", new AddForeignKey(null, "t2", new ForeignKey("fk_t2_t1", List.of("t1_id"), null, "t1",
                List.of("id"), OnDelete.CASCADE), false),
                new AddForeignKey(null, "t4", new ForeignKey("fk_t4_t1", List.of("t1_id"), null, "t1",
                        List.of("id"), OnDelete.NO_ACTION), false));
        h.add("more", new AddColumn(null, "t4", column("extra", varchar(10), true, null)));
        return h;
    }

    static Stream<Arguments> dialectsAndStarts() {
        List<Arguments> all = new ArrayList<>();
        for (Dialect d : List.of(new PostgresDialect(null), new SqliteDialect())) {
            for (int from : new int[] {0, 1, 5, 7}) {
                all.add(Arguments.of(d, from));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("dialectsAndStarts")
    void theStepsAreThoseOfTheOrderedPlanner(Dialect dialect, int from) {
        MigrationChain chain = history().chain();
        int to = chain.migrations().size();
        List<Step> each = new ArrayList<>();
        List<Integer> before = new ArrayList<>();

        assertTrue(Planner.upgradeEach(chain, dialect, from, to, new RunTimes(), before::add, each::add));

        List<Step> ordered = Planner.upgrade(history().chain(), dialect, from, to);
        assertEquals(describe(ordered), describe(each));
        assertEquals(to - from, each.size());
        assertEquals(java.util.stream.IntStream.range(0, to - from).boxed().toList(), before,
                "each step's index is told before it is planned");
    }

    @Test
    void aMigrationThatDoesNotFitStopsItAfterTheGoodStepsBeforeIt() throws Exception {
        MigrationHistory h = history();
        Path misfit = h.directory().resolve("0009_misfit.json");
        Migration m = new Migration("0009", "0008", "misfit", List.of(new AddColumn(null, "nowhere",
                column("note", varchar(20), true, null))), List.of(), List.of(), false, null, null);
        Files.writeString(misfit, MigrationJson.write(m));
        MigrationChain chain = MigrationChain.loadForRunner(h.directory());
        List<Step> each = new ArrayList<>();

        assertFalse(Planner.upgradeEach(chain, new PostgresDialect(null), 2, 9, new RunTimes(), i -> { }, each::add));

        assertEquals(describe(Planner.upgrade(MigrationChain.loadForRunner(h.directory()), new PostgresDialect(null), 2,
                8)), describe(each));
        MigrationException e = assertThrows(MigrationException.class,
                () -> Planner.upgrade(chain, new PostgresDialect(null), 2, 9));
        assertTrue(e.getMessage().contains("0009"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeParsedOrIsRefusedStopsItBeforeItsStep() throws Exception {
        MigrationHistory h = history();
        h.add("ends the transaction", sql(List.of("commit"), List.of()));
        MigrationChain chain = h.chain();
        List<Step> each = new ArrayList<>();
        List<Integer> before = new ArrayList<>();

        assertFalse(Planner.upgradeEach(chain, new PostgresDialect(null), 0, 9, new RunTimes(), before::add, each::add));
        assertEquals(8, each.size(), "the eight migrations before the refused one are planned");
        assertEquals(8, before.size(), "the refused one is not told as about to be planned");
        MigrationException refused = assertThrows(MigrationException.class,
                () -> Planner.upgrade(chain, new PostgresDialect(null), 0, 9));
        assertTrue(refused.getMessage().startsWith("Refused before running anything"), refused.getMessage());

        Path broken = h.directory().resolve("0010_broken.json");
        Files.writeString(broken, """
                { "id" : "0010", "parent" : "0009", "message" : "broken", "upgrade" : [ { "op" : "add_column",
                  "table" : "t1", "column" : { "name" : "n", "nullable" : 1, "type" : "VARCHAR(10)" } } ],
                  "downgrade" : [ ] }
                """);
        MigrationChain withBroken = MigrationChain.loadForRunner(h.directory());
        each.clear();
        // The broken file is among those before the start: nothing is planned.
        assertFalse(Planner.upgradeEach(withBroken, new PostgresDialect(null), 10, 10, new RunTimes(), i -> { },
                each::add));
        assertEquals(List.of(), each);
    }

    /** Each step as the runner sees it: id, direction, transaction, statements, checks. */
    private static List<String> describe(List<Step> steps) {
        return steps.stream().map(s -> s.id() + " " + s.upgrade() + " " + s.atomic() + " " + s.statements() + " "
                + s.integrityChecks()).toList();
    }
}
