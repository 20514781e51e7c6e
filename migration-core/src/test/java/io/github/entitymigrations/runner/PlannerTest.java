package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a migration's downgrade is found when its file leaves the top-level list empty. */
class PlannerTest {

    @TempDir
    Path dir;

    @Test
    void aHandFilledMigrationWithoutADowngradeListRunsTheReverseOfItsSqlSteps() throws Exception {
        Sql split = new Sql(Map.of("*", List.of("update people set first = 'x'")),
                Map.of("*", List.of("update people set first = null")), false, List.of());
        Sql second = new Sql(Map.of("sqlite", List.of("update people set last = 'y'")),
                Map.of("sqlite", List.of("update people set last = null")), false, List.of());
        Migration m = new Migration("0001", null, "split names", List.of(split, second), List.of(), List.of());
        Files.writeString(dir.resolve("0001_split_names.json"), MigrationJson.write(m));
        MigrationChain chain = MigrationChain.load(dir);

        List<Step> steps = Planner.downgrade(chain, new SqliteDialect(), 1, 0);

        assertEquals(1, steps.size());
        assertEquals(List.of("update people set last = null", "update people set first = null"),
                steps.get(0).statements(), "the sql steps' own downgrades, newest first");
    }

    @Test
    void aWrittenDowngradeListIsWhatRunsWhenItIsTheExactReverse() throws Exception {
        Sql up = new Sql(Map.of("*", List.of("update t set a = 1")), Map.of("*", List.of("update t set a = 0")),
                false, List.of());
        Migration m = new Migration("0001", null, "data", List.of(up), List.of(up.reverse()), List.of());
        Files.writeString(dir.resolve("0001_data.json"), MigrationJson.write(m));

        List<Step> steps = Planner.downgrade(MigrationChain.load(dir), new SqliteDialect(), 1, 0);

        assertEquals(List.of("update t set a = 0"), steps.get(0).statements());
    }

    /** A written list that undoes something else (it once ran as written, skipping the step's own downgrade). */
    @Test
    void aWrittenDowngradeListThatDriftedFromUpgradeIsRefused() throws Exception {
        Sql up = new Sql(Map.of("*", List.of("update t set a = 1")), Map.of("*", List.of("update t set a = 0")),
                false, List.of());
        Sql explicit = new Sql(Map.of("*", List.of("update t set a = 2")), Map.of("*", List.of("update t set a = 1")),
                false, List.of());
        Migration m = new Migration("0001", null, "data", List.of(up), List.of(explicit), List.of());
        Files.writeString(dir.resolve("0001_data.json"), MigrationJson.write(m));

        MigrationException e = assertThrows(MigrationException.class,
                () -> Planner.downgrade(MigrationChain.load(dir), new SqliteDialect(), 1, 0));

        assertTrue(e.getMessage().contains("0001_data.json (migration 0001): the \"downgrade\" list is not the reverse "
                + "of the \"upgrade\" list: upgrade step 1 (sql: update t set a = 1) has no counterpart at downgrade "
                + "step 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was run."), e.getMessage());
    }
}
