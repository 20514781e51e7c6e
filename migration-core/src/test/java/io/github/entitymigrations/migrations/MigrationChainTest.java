package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The history as one line: its order, the next number, and every way it can break. */
@ExtendWith(MavenAdviceInUse.class)
class MigrationChainTest {

    private static final String MERGE_HINT = "Run `mvn migration:merge` to put one branch after the other, or "
            + "renumber by hand: rename the later file to the next free number and set its \"parent\" to the "
            + "previous head.";

    @TempDir
    Path dir;

    /** Writes an empty migration {@code <id>_<name>.json} following {@code parent}. */
    private void file(String id, String name, String parent) {
        Fixtures.write(dir, id + "_" + name + ".json", migration(id, parent, name.replace('_', ' ')));
    }

    private List<String> problems() {
        return assertThrows(MigrationChain.ChainException.class, () -> MigrationChain.load(dir)).problems();
    }

    private List<String> order(MigrationChain chain) {
        return chain.migrations().stream().map(MigrationFile::fileName).toList();
    }

    @Test
    void aMissingDirectoryIsAnEmptyChain() {
        MigrationChain chain = MigrationChain.load(dir.resolve("src/main/resources/db/migrations"));

        assertTrue(chain.isEmpty());
        assertEquals(List.of(), chain.migrations());
        assertNull(chain.head());
        assertEquals("0001", chain.nextId());
    }

    @Test
    void anEmptyDirectoryIsAnEmptyChain() {
        MigrationChain chain = MigrationChain.load(dir);

        assertTrue(chain.isEmpty());
        assertNull(chain.head());
        assertEquals("0001", chain.nextId());
    }

    @Test
    void theChainRunsFromTheFirstMigrationToTheHead() {
        file("0003", "add_phone", "0002");
        file("0001", "create_users", null);
        file("0002", "add_email", "0001");

        MigrationChain chain = MigrationChain.load(dir);

        assertEquals(List.of("0001_create_users.json", "0002_add_email.json", "0003_add_phone.json"), order(chain));
        assertEquals("0003_add_phone.json", chain.head().fileName());
        assertEquals("0004", chain.nextId());
    }

    @Test
    void theOrderFollowsParentsNotNumbersAndTheNextIdFollowsTheHighest() {
        file("0001", "first", null);
        file("0007", "second", "0001");
        file("0003", "third", "0007");

        MigrationChain chain = MigrationChain.load(dir);

        assertEquals(List.of("0001_first.json", "0007_second.json", "0003_third.json"), order(chain));
        assertEquals("0003", chain.head().id());
        assertEquals("0008", chain.nextId());
    }

    @Test
    void theNextIdGrowsPastFourDigits() {
        file("9999", "last_of_four", null);
        assertEquals("10000", MigrationChain.load(dir).nextId());
    }

    @Test
    void twoFilesWithOneNumberAreNamedWithTheMergeHint() {
        file("0001", "create_users", null);
        file("0002", "add_phone", "0001");
        file("0002", "add_email", "0001");

        MigrationChain.ChainException e = assertThrows(MigrationChain.ChainException.class,
                () -> MigrationChain.load(dir));

        assertEquals(List.of(
                "Two migrations are numbered 0002: 0002_add_email.json, 0002_add_phone.json (branches merged in git?). "
                        + MERGE_HINT,
                "The history has several heads: 0002_add_email.json, 0002_add_phone.json all follow 0001. "
                        + MERGE_HINT), e.problems());
        assertTrue(e.getMessage().startsWith("The migration history is broken:\n  - Two migrations are numbered 0002"),
                e.getMessage());
    }

    @Test
    void twoFilesAfterOneParentAreSeveralHeads() {
        file("0001", "create_users", null);
        file("0002", "add_phone", "0001");
        file("0003", "add_email", "0001");

        assertEquals(List.of("The history has several heads: 0002_add_phone.json, 0003_add_email.json all follow 0001. "
                + MERGE_HINT), problems());
    }

    @Test
    void aMissingParentIsNamedWithTheDirectory() {
        file("0001", "create_users", null);
        file("0003", "add_phone", "0002");

        assertEquals(List.of("0003_add_phone.json follows migration 0002, which no file in " + dir + " has: restore "
                + "that file, or set \"parent\" to the migration this one really follows"), problems());
    }

    @Test
    void aFileFollowingAnUnreadableOneIsNotAlsoReportedAsMissingItsParent() {
        file("0001", "create_users", null);
        writeText(dir.resolve("0002_broken.json"), "{ \"id\" : \"0002\", ");
        file("0003", "add_phone", "0002");

        List<String> problems = problems();

        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("0002_broken.json: cannot be read"), problems.get(0));
    }

    @Test
    void severalMigrationsWithoutParentAreSeveralRoots() {
        file("0001", "create_users", null);
        file("0002", "create_orders", null);

        assertEquals(List.of("Several migrations have no parent: 0001_create_users.json, 0002_create_orders.json. "
                + "Only the first may; set the \"parent\" of the others to the migration each follows"), problems());
    }

    @Test
    void parentsThatFormACycleWithoutAFirstMigrationAreACycle() {
        file("0001", "create_users", "0002");
        file("0002", "add_phone", "0001");

        assertEquals(List.of("No migration is the first one (every file has a parent): the parents form a cycle "
                + "among 0001_create_users.json, 0002_add_phone.json; the first migration must have no \"parent\""),
                problems());
    }

    @Test
    void aMigrationThatIsItsOwnParentIsACycle() {
        file("0001", "create_users", "0001");

        assertTrue(problems().get(0).startsWith("No migration is the first one"));
    }

    @Test
    void aCycleBesideTheFirstMigrationIsNamed() {
        file("0001", "create_users", null);
        file("0002", "add_phone", "0003");
        file("0003", "add_email", "0002");

        assertEquals(List.of("The parents of 0002_add_phone.json, 0003_add_email.json form a cycle, so they never "
                + "follow the first migration: set each \"parent\" to the migration it really follows"), problems());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        file("0001", "create_users", null);
        file("0002", "create_orders", null);
        file("0003", "add_phone", "0001");
        file("0003", "add_email", "0001");
        file("0005", "add_total", "0004");
        writeText(dir.resolve("0006_broken.json"), "{");
        writeText(dir.resolve("6_badly_named.json"), "{}");

        List<String> problems = problems();

        assertEquals(6, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("0006_broken.json: cannot be read (line 1, column "), problems.get(0));
        assertTrue(problems.get(1).startsWith("6_badly_named.json: not a migration file name"), problems.get(1));
        assertTrue(problems.get(2).startsWith("Two migrations are numbered 0003: 0003_add_email.json, "
                + "0003_add_phone.json"), problems.get(2));
        assertTrue(problems.get(3).startsWith("0005_add_total.json follows migration 0004, which no file"),
                problems.get(3));
        assertTrue(problems.get(4).startsWith("Several migrations have no parent: 0001_create_users.json, "
                + "0002_create_orders.json"), problems.get(4));
        assertTrue(problems.get(5).startsWith("The history has several heads: 0003_add_email.json, "
                + "0003_add_phone.json all follow 0001"), problems.get(5));
        MigrationChain.ChainException e = assertThrows(MigrationChain.ChainException.class,
                () -> MigrationChain.load(dir));
        for (String problem : problems) {
            assertTrue(e.getMessage().contains("\n  - " + problem), problem);
        }
    }
}
