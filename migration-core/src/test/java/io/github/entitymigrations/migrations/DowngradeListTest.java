package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An explicit "downgrade" list is the exact reverse of "upgrade", or left out; drift is refused everywhere. */
@ExtendWith(MavenAdviceInUse.class)
class DowngradeListTest {

    private static final Column NULLABLE = column("nickname", varchar(40), true);
    private static final Column NOT_NULL = column("nickname", varchar(40), false);
    private static final Operation CREATE = new CreateTable(table("customers", id(), NULLABLE));
    private static final Operation TIGHTEN = new AlterColumn(null, "customers", NULLABLE, NOT_NULL);
    private static final Operation BACKFILL = new Sql(Map.of("*", List.of("update customers set nickname = 'x' "
            + "where nickname is null")), Map.of("*", List.of()), false, List.of());

    @TempDir
    Path dir;

    private List<String> problems(Migration second) {
        Fixtures.write(dir, Fixtures.migration("0001", null, "create", CREATE));
        Path file = Fixtures.write(dir, second);
        MigrationFile f = MigrationChain.load(dir).migrations().stream()
                .filter(m -> m.path().equals(file)).findFirst().orElseThrow();
        return DowngradeList.problems(f);
    }

    @Test
    void theExactReverseAndNoListAreBothFine() {
        assertEquals(List.of(), problems(Fixtures.migration("0002", "0001", "tighten", BACKFILL, TIGHTEN)));
        assertEquals(List.of(), problems(new Migration("0002", "0001", "tighten", List.of(BACKFILL, TIGHTEN), List.of(),
                List.of())));
    }

    @Test
    void aStepAddedToUpgradeOnlyIsNamed() {
        // The trap: a sql step added by hand to a generated file's upgrade, its downgrade list left as generated.
        List<String> problems = problems(new Migration("0002", "0001", "tighten", List.of(BACKFILL, TIGHTEN),
                Diff.reverse(List.of(TIGHTEN)), List.of()));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("0002_tighten.json (migration 0002): the \"downgrade\" list is not the reverse of the \"upgrade\" "
                + "list: upgrade step 1 (sql: update customers set nickname = 'x' where nickname is null) has no "
                + "counterpart at downgrade step 2, so a downgrade would not undo what the upgrade did. Delete "
                + "\"downgrade\" to derive it from \"upgrade\", or make it the exact reverse (each upgrade step "
                + "reversed, last first)", problems.get(0));
    }

    @Test
    void aWrongOrderAndAnExtraDowngradeStepAreNamed() {
        List<Operation> up = List.of(BACKFILL, TIGHTEN);
        List<Operation> wrongOrder = new ArrayList<>(Diff.reverse(up));
        java.util.Collections.reverse(wrongOrder);
        assertTrue(problems(new Migration("0002", "0001", "tighten", up, wrongOrder, List.of())).get(0)
                .contains("upgrade step 2 (alter column customers.nickname"));
        List<Operation> extra = new ArrayList<>(Diff.reverse(up));
        extra.add(new AddColumn(null, "customers", column("other", varchar(5), true)));
        List<String> problems = problems(new Migration("0002", "0001", "tighten", up, extra, List.of()));
        assertTrue(problems.get(0).contains("downgrade step 3 (add column customers.other VARCHAR(5)) undoes no "
                + "upgrade step"), problems::toString);
    }

    @Test
    void anIrreversibleUpgradeIsNotCompared() {
        Sql irreversible = new Sql(Map.of("*", List.of("delete from customers")), null, true, List.of());
        assertEquals(List.of(), problems(new Migration("0002", "0001", "purge", List.of(irreversible),
                List.of(BACKFILL), List.of())));
    }

    @Test
    void checkAndPlanningRefuseTheDrift() {
        Fixtures.write(dir, Fixtures.migration("0001", null, "create", CREATE));
        Fixtures.write(dir, new Migration("0002", "0001", "tighten", List.of(BACKFILL, TIGHTEN),
                Diff.reverse(List.of(TIGHTEN)), List.of()));
        MigrationChain chain = MigrationChain.load(dir);
        MigrationException e = assertThrows(MigrationException.class, () -> ChainValidation.of(chain).requireValid());
        assertTrue(e.getMessage().contains("the \"downgrade\" list is not the reverse"), e.getMessage());
        for (String dialect : List.of("postgresql", "sqlite")) {
            assertTrue(MigrationSafety.problems(chain.migrations().get(1), dialect).stream()
                    .anyMatch(p -> p.contains("upgrade step 1 (sql")), dialect);
        }
    }
}
