package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's advice is the front end's: each refusal, produced for real, reads under {@link Advice#MAVEN}
 * exactly as the plugin always printed it (the Invoker ITs assert on these texts), and under
 * {@link Advice#LIBRARY} (the default) and {@link Advice#SPRING_BOOT} names no {@code mvn}, {@code -D} or POM
 * parameter.
 */
class AdviceInMessagesTest {

    @TempDir
    Path tmp;

    @Test
    void anUpgradeToAnEarlierTargetSaysHowToDowngrade() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, null, tmp);
        MigrationChain chain = notes().chain();
        db.migrator(chain).upgrade("head");

        Map<Advice, String> said = said(() -> db.migrator(chain).upgrade("-1"));

        assertEquals("Not an upgrade target: -1. To go back, use mvn migration:downgrade -Dtarget=-1",
                said.get(Advice.MAVEN));
        assertEquals("Not an upgrade target: -1. To go back, use downgrade(\"-1\")", said.get(Advice.LIBRARY));
        assertEquals("Not an upgrade target: -1. To go back, use downgrade(\"-1\") on the EntityMigrations bean",
                said.get(Advice.SPRING_BOOT));
    }

    @Test
    void aStampWithoutTargetSaysWhichTargetsThereAre() {
        MigrationChain chain = notes().chain();
        TestDatabase db = open();

        Map<Advice, String> said = said(() -> db.migrator(chain).stamp(null));

        assertEquals("Say which migration to record as current: -Dtarget=head, -Dtarget=base or -Dtarget=<id>",
                said.get(Advice.MAVEN));
        assertEquals("Say which migration to record as current: stamp(\"head\"), stamp(\"base\") or stamp(\"<id>\")",
                said.get(Advice.LIBRARY));
    }

    @Test
    void aDowngradeDestroyingDataSaysHowToAllowIt() throws Exception {
        TestDatabase db = open();
        MigrationChain chain = notes().chain();
        db.migrator(chain).upgrade("head");
        db.execute("insert into note (id, text) values (1, 'a')");

        Map<Advice, String> said = said(() -> db.migrator(chain).downgrade("base"));

        String refusal = "Downgrading from 0001 to base would destroy data:\n  - 0001 drops table note, which has "
                + "1 row(s)\nNothing was run. Back it up, or run again with ";
        assertEquals(refusal + "-Dmigration.allowDataLoss=true to proceed.", said.get(Advice.MAVEN));
        assertEquals(refusal + ".allowDataLoss(true) to proceed.", said.get(Advice.LIBRARY));
        assertEquals(refusal + "entity-migrations.allow-data-loss=true to proceed.", said.get(Advice.SPRING_BOOT));
    }

    @Test
    void aDatabaseLockedPastTheLockTimeoutSaysHowToWaitLonger() throws Exception {
        TestDatabase db = open();
        MigrationChain chain = LoggedMigrations.write(tmp.resolve("logged"), 1);
        LoggedMigrations.prepare(db, chain);
        Map<Advice, String> said;
        try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
            s.execute("begin immediate");
            said = said(() -> db.migrator(chain).lockTimeout(Duration.ofMillis(200)).upgrade("head"));
            s.execute("rollback");
        }

        assertEndsWith("a tool that is not this plugin. Migrations this run finished before stay applied (see above); "
                + "nothing else was changed. Close that connection and run the goal again, or wait longer: "
                + "<lockTimeout>PT30M</lockTimeout> or -Dmigration.lockTimeout=PT30M", said.get(Advice.MAVEN));
        assertEndsWith("a tool that is not Entity Migrations. Migrations this run finished before stay applied (see "
                + "above); nothing else was changed. Close that connection and run it again, or wait longer: "
                + ".lockTimeout(Duration.parse(\"PT30M\"))", said.get(Advice.LIBRARY));
        assertEndsWith("Close that connection and start the application again, or wait longer: "
                + "entity-migrations.lock-timeout=PT30M", said.get(Advice.SPRING_BOOT));
    }

    @Test
    void twoBranchesAfterAMergeGiveTheMergeHint() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("forked"));
        write(dir, "0001_first.json", migration("0001", null, "first", "a"));
        write(dir, "0002_left.json", migration("0002", "0001", "left", "b"));
        write(dir, "0003_right.json", migration("0003", "0001", "right", "c"));

        Map<Advice, String> said = said(() -> MigrationChain.loadForRunner(dir));

        String renumber = " to put one branch after the other, or renumber by hand: rename the later file to the "
                + "next free number and set its \"parent\" to the previous head.";
        assertEndsWith("Run `mvn migration:merge`" + renumber, said.get(Advice.MAVEN));
        assertEndsWith("Run the Maven plugin's migration:merge goal" + renumber, said.get(Advice.LIBRARY));
    }

    @Test
    void aFailedConnectionSaysWhatToCheck() {
        Database postgres = new Database("jdbc:postgresql://127.0.0.1:1/none", "someone", null, null);
        Database sqlite = new Database("jdbc:sqlite:" + tmp.resolve("no/such/dir/x.db"), null, null, null);

        Map<Advice, String> server = said(postgres::connect);
        Map<Advice, String> file = said(sqlite::connect);
        Map<Advice, String> none = said(() -> new Database(" ", null, null, null));

        assertEndsWith(". Check <url>, and the credentials (<serverId> in settings.xml, or <username>/<password>)",
                server.get(Advice.MAVEN));
        assertEndsWith(". Check <url> (-Dmigration.url): its directory must exist and be writable",
                file.get(Advice.MAVEN));
        assertEquals("No database URL: set <url> or -Dmigration.url", none.get(Advice.MAVEN));
        assertEquals("No database URL: configure a .url(...) or a .dataSource(...)", none.get(Advice.LIBRARY));
        assertEquals("No database URL: configure a DataSource (spring.datasource.url), or set entity-migrations.url",
                none.get(Advice.SPRING_BOOT));
    }

    @Test
    void tablesWithoutAVersionTableSayHowToStamp() throws Exception {
        TestDatabase db = open();
        db.execute("create table legacy (id integer primary key)");

        Map<Advice, String> said = said(() -> db.migrator(notes().chain()).upgrade("head"));

        assertTrue(said.get(Advice.MAVEN).contains("record that with mvn migration:stamp -Dtarget=X "
                + "(or -Dtarget=head), then upgrade from there"), said.get(Advice.MAVEN));
        assertTrue(said.get(Advice.LIBRARY).contains("record that with stamp(\"X\") (or stamp(\"head\")), then "),
                said.get(Advice.LIBRARY));
    }

    @Test
    void withoutAnAdviceInUseMessagesAreTheLibrarys() {
        MigrationException e = assertThrows(MigrationException.class, () -> new Database(null, null, null, null));

        assertEquals("No database URL: configure a .url(...) or a .dataSource(...)", e.getMessage());
        try (Advice.InUse outer = Advice.SPRING_BOOT.use()) {
            try (Advice.InUse inner = Advice.MAVEN.use()) {
                assertEquals(Advice.MAVEN, Advice.current());
            }
            assertEquals(Advice.SPRING_BOOT, Advice.current(), "closing a scope restores the one around it");
        }
        assertEquals(Advice.LIBRARY, Advice.current());
    }

    /** The message {@code refused} fails with under each advice; only Maven's may name Maven. */
    private static Map<Advice, String> said(Executable refused) {
        Map<Advice, String> said = new java.util.LinkedHashMap<>();
        for (Advice advice : List.of(Advice.MAVEN, Advice.LIBRARY, Advice.SPRING_BOOT)) {
            try (Advice.InUse inUse = advice.use()) {
                said.put(advice, assertThrows(MigrationException.class, refused).getMessage());
            }
        }
        assertTrue(MavenOnlyText.in(said.get(Advice.MAVEN)).isPresent(), said.get(Advice.MAVEN));
        assertEquals(Optional.empty(), MavenOnlyText.in(said.get(Advice.LIBRARY)), said.get(Advice.LIBRARY));
        assertEquals(Optional.empty(), MavenOnlyText.in(said.get(Advice.SPRING_BOOT)), said.get(Advice.SPRING_BOOT));
        return said;
    }

    private static void assertEndsWith(String end, String message) {
        assertTrue(message.endsWith(end), "expected the end\n" + end + "\nin:\n" + message);
    }

    private TestDatabase open() {
        try {
            return TestDatabase.open(Kind.SQLITE, null, tmp);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** One migration creating {@code note (id, text)}. */
    private MigrationHistory notes() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create note", new CreateTable(table("note", t -> {
            t.id();
            t.col("text", varchar(100));
        })));
        return h;
    }

    private static Migration migration(String id, String parent, String message, String tableName) {
        List<Operation> up = List.of(new CreateTable(table(tableName, t -> t.id())));
        return new Migration(id, parent, message, up, Diff.reverse(up), List.of());
    }

    private static void write(Path dir, String name, Migration m) throws Exception {
        Files.writeString(dir.resolve(name), MigrationJson.write(m));
    }
}
