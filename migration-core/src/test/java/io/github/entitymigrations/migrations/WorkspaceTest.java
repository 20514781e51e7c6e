package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.BIGINT;
import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.fileNames;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.snapshot;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** generate, revision and check over a migrations directory and a snapshot written as the processor would. */
@ExtendWith(MavenAdviceInUse.class)
class WorkspaceTest {

    private static final Column NICKNAME = column("nickname", varchar(40), true);

    @TempDir
    Path project;
    Path migrations;
    Path snapshotFile;
    Fixtures.RecordingConsole console;
    Workspace workspace;

    @BeforeEach
    void setUp() {
        migrations = project.resolve("src/main/resources/db/migrations");
        snapshotFile = project.resolve("target/classes/META-INF/entity-migrations/schema.json");
        console = new Fixtures.RecordingConsole();
        workspace = new Workspace(migrations, snapshotFile, console);
    }

    /** Entities as the processor would describe them: every kind of table part, Java sources included. */
    private static Schema entities() {
        Column name = new Column("name", varchar(100), false, false, "'anonymous'", null, false, null);
        Column status = column("status", varchar(255), false);
        Table users = new Table(null, "users", false, null, List.of("com.example.User"),
                List.of(name, id(), NICKNAME, status), new PrimaryKey("pk_users", List.of("id")),
                List.of(new UniqueConstraint("uk_users_name", List.of("name"))),
                List.of(new Index("ix_users_nickname", List.of("nickname"), false)),
                List.of(CheckConstraint.in("ck_users_status", "status", List.of("ACTIVE", "BLOCKED"))), List.of());
        Table orders = new Table("shop", "Orders", true, null, List.of("com.example.Order"),
                List.of(id(), column("user_id", BIGINT, false), column("total", ColumnType.numeric("NUMERIC", 10, 2), true),
                        new Column("weight", new ColumnType("FLOAT", null, 53, null), true, false, null, null, true, null),
                        new Column("data", ColumnType.of("OTHER"), true, false, null, "jsonb", false, null)),
                new PrimaryKey("pk_orders", List.of("id")), List.of(),
                List.of(new Index("ux_orders_user", List.of("user_id", "total"), true)),
                List.of(CheckConstraint.between("ck_orders_kind", "weight", 0, 2),
                        CheckConstraint.expression("ck_orders_total", null, "total >= 0")),
                List.of(new ForeignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), OnDelete.CASCADE)));
        return Fixtures.schema(List.of(users, orders), List.of(new Sequence("shop", "order_seq", 1, 50)));
    }

    /** The entities after an edit: nickname gone, name narrowed, a NOT NULL email and a tags table added. */
    private static Schema editedEntities() {
        Schema before = entities();
        Table users = before.tables().stream().filter(t -> t.name().equals("users")).findFirst().orElseThrow();
        Column name = new Column("name", varchar(50), false, false, "'anonymous'", null, false, null);
        Table edited = new Table(null, "users", false, null, users.sources(),
                List.of(id(), name, column("email", varchar(255), false), column("status", varchar(255), false)),
                users.primaryKey(), users.uniques(), List.of(), users.checks(), List.of());
        List<Table> tables = new ArrayList<>(before.tables().stream()
                .map(t -> t.name().equals("users") ? edited : t).toList());
        tables.add(table("tags", id(), column("label", varchar(30), false)));
        return Fixtures.schema(tables, before.sequences());
    }

    @Test
    void generateOnAnEmptyDirectoryWritesTheFirstMigrationWithTheDiff() {
        snapshot(snapshotFile, entities());

        Optional<Path> written = workspace.generate("  Create users & orders!  ");

        Path file = migrations.resolve("0001_create_users_orders.json");
        assertEquals(Optional.of(file), written);
        assertEquals(List.of("0001_create_users_orders.json"), fileNames(migrations));
        Diff diff = SchemaDiff.diff(new Schema(null, List.of(), List.of()), entities());
        assertEquals(new Migration("0001", null, "Create users & orders!", diff.upgrade(), diff.downgrade(),
                diff.warnings()), Fixtures.read(file));
        // The test snapshot records no Hibernate version, as those of earlier processors: they followed 6.6.
        assertEquals("Wrote " + file + " (" + diff.upgrade().size() + " steps; the entity snapshot follows Hibernate "
                + "6.6):", console.infos.get(0));
        assertEquals("  1. " + diff.upgrade().get(0).describe(), console.infos.get(1));
        assertEquals(List.of(), workspace.check(), "the file replays to the snapshot, through JSON");
    }

    @Test
    void aSecondGenerateAfterAnEditWritesTheNextMigrationWithWarnings() {
        snapshot(snapshotFile, entities());
        workspace.generate("create users and orders");
        snapshot(snapshotFile, editedEntities());

        Path file = workspace.generate("Trim users, add tags").orElseThrow();

        assertEquals(migrations.resolve("0002_trim_users_add_tags.json"), file);
        Migration second = Fixtures.read(file);
        assertEquals("0002", second.id());
        assertEquals("0001", second.parent());
        assertEquals(Diff.reverse(second.upgrade()), second.downgrade());
        List<String> destructive = second.warnings().stream().filter(w -> w.kind().equals(Warning.DESTRUCTIVE))
                .map(Warning::message).toList();
        assertEquals(2, destructive.size(), destructive.toString());
        assertTrue(destructive.stream().anyMatch(m -> m.startsWith("drops column users.nickname")), destructive.toString());
        assertTrue(destructive.stream().anyMatch(m -> m.startsWith("changes users.name from VARCHAR(100) to VARCHAR(50)")),
                destructive.toString());
        List<String> data = second.warnings().stream().filter(w -> w.kind().equals(Warning.DATA))
                .map(Warning::message).toList();
        assertEquals(1, data.size(), data.toString());
        assertTrue(data.get(0).startsWith("adds NOT NULL column users.email without a default"), data.toString());
        assertEquals(second.warnings().stream().map(Warning::toString).toList(), console.warnings);
        assertEquals(List.of(), workspace.check());
        assertEquals(List.of("0001", "0002"), workspace.chain().migrations().stream().map(MigrationFile::id).toList());
    }

    /**
     * What generate hands on (to lint the new files without reading the history again) is exactly what reading the
     * directory gives: the files, their checksums, and the schema the history produced before them; also when the
     * online form writes several files, each following the one before.
     */
    @Test
    void generationHandsOnTheHistoryAsTheDirectoryReadsIt() {
        snapshot(snapshotFile, io.github.entitymigrations.online.OnlineFixtures.before());
        workspace.generate("create customers");
        MigrationChain first = MigrationChain.load(migrations);
        // A mix the online form splits in three files: the change, its validation, the indexes built concurrently.
        snapshot(snapshotFile, io.github.entitymigrations.online.OnlineFixtures.all().get(6).after());

        Workspace.Generation g = workspace.generation("mix", new GenerateOptions(true, "2s"));

        assertEquals(3, g.files().size(), "the online form: " + g.files());
        MigrationChain read = MigrationChain.load(migrations);
        assertEquals(read.migrations(), g.chain().migrations());
        assertEquals(read.migrations().stream().map(MigrationFile::contentChecksum).toList(),
                g.chain().migrations().stream().map(MigrationFile::contentChecksum).toList());
        assertEquals(g.files(), g.written().stream().map(MigrationFile::path).toList());
        assertEquals(Replay.of(first.migrations()), g.before());
        assertEquals(List.of(), workspace.check(), "the files written replay to the snapshot");
    }

    @Test
    void aGenerationThatFindsNoChangeWritesNothingAndHandsOnTheHistory() {
        snapshot(snapshotFile, entities());
        workspace.generate("create users and orders");

        Workspace.Generation g = workspace.generation("again", GenerateOptions.defaults());

        assertEquals(List.of(), g.files());
        assertEquals(List.of(), g.written());
        assertEquals(MigrationChain.load(migrations).migrations(), g.chain().migrations());
        assertEquals(Replay.of(g.chain().migrations()), g.before());
    }

    @Test
    void noChangeWritesNothing() {
        snapshot(snapshotFile, entities());
        workspace.generate("create users and orders");
        console.infos.clear();

        assertEquals(Optional.empty(), workspace.generate("again"));

        assertEquals(List.of("0001_create_users_and_orders.json"), fileNames(migrations));
        assertEquals(List.of("No changes detected: the entities match the migrations (head "
                + "0001_create_users_and_orders.json). Nothing written."), console.infos);
    }

    /**
     * Every type the processor gives a length, large objects too ({@code @Lob @Column(length = 255)}: CLOB(255)),
     * reads back from the migration file as the snapshot has it: a second {@code generate} writes nothing and
     * {@code check} passes. A large object's length came back as a precision, so each generate wrote an
     * {@code alter_column} of it from itself to itself (a table rebuild on SQLite) and {@code check} always failed.
     */
    @Test
    void sizedLargeObjectsMakeNoChurn() {
        List<Column> columns = new java.util.ArrayList<>(List.of(id()));
        for (String type : List.of("CLOB", "NCLOB", "BLOB", "LONG32VARCHAR", "LONG32NVARCHAR", "LONG32VARBINARY",
                "LONGVARCHAR", "VARBINARY", "NCHAR")) {
            columns.add(column(type.toLowerCase(java.util.Locale.ROOT) + "_value", ColumnType.ofLength(type, 255),
                    true));
        }
        snapshot(snapshotFile, Fixtures.schema(table("documents", columns.toArray(Column[]::new))));
        workspace.generate("create documents");

        assertEquals(Optional.empty(), workspace.generate("again"));
        assertEquals(List.of(), workspace.check());
    }

    @Test
    void renameHintsGiveRenamesOnceAndNoChurnAfterwards() {
        snapshot(snapshotFile, Fixtures.schema(table("people", id(), column("name", varchar(100), false))));
        workspace.generate("create people");
        Table renamed = new Table(null, "persons", false, "people", List.of("com.example.Person"),
                List.of(id(), new Column("full_name", varchar(100), false, false, null, null, false, "name")),
                new PrimaryKey("pk_people", List.of("id")), List.of(), List.of(), List.of(), List.of());
        snapshot(snapshotFile, Fixtures.schema(renamed));

        Migration second = Fixtures.read(workspace.generate("rename people").orElseThrow());

        assertEquals(List.of(new RenameTable(null, "people", "persons"),
                new RenameColumn(null, "persons", "name", "full_name")), second.upgrade());
        assertEquals(List.of(), second.warnings());
        assertEquals(Optional.empty(), workspace.generate("again"), "the stale hints change nothing");
    }

    @Test
    void noEntitiesAndNoMigrationsWritesNothingAndCreatesNoDirectory() {
        snapshot(snapshotFile, Fixtures.schema());

        assertEquals(Optional.empty(), workspace.generate("nothing"));

        assertFalse(Files.exists(migrations));
        assertEquals(List.of("No changes detected: the entities match the migrations. Nothing written."), console.infos);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankMessageFailsAskingForOne(String message) {
        snapshot(snapshotFile, entities());

        MigrationException generate = assertThrows(MigrationException.class, () -> workspace.generate(message));
        MigrationException revision = assertThrows(MigrationException.class, () -> workspace.revision(message));

        assertEquals("Say what the migration does: mvn compile migration:generate -Dmessage=\"add phone to users\"",
                generate.getMessage());
        assertEquals("Say what the migration does: mvn migration:revision -Dmessage=\"add phone to users\"",
                revision.getMessage());
        assertFalse(Files.exists(migrations));
    }

    @Test
    void aMissingSnapshotExplainsHowToSetUpTheProcessor() {
        MigrationException generate = assertThrows(MigrationException.class, () -> workspace.generate("first"));
        MigrationException check = assertThrows(MigrationException.class, () -> workspace.check());

        for (MigrationException e : List.of(generate, check)) {
            assertTrue(e.getMessage().startsWith("No entity snapshot at " + snapshotFile + ".\n"), e.getMessage());
            assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
            assertTrue(e.getMessage().endsWith("""
                    <annotationProcessorPaths>
                          <path>
                            <groupId>io.github.entitymigrations</groupId>
                            <artifactId>migration-processor</artifactId>
                            <version>%s</version>
                          </path>
                        </annotationProcessorPaths>
                      </configuration>
                    </plugin>""".formatted(PluginVersion.get())), e.getMessage());
        }
        assertTrue(PluginVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), "filtered: " + PluginVersion.get());
        assertFalse(Files.exists(migrations));
    }

    @Test
    void anUnreadableSnapshotSaysToRecompile() {
        Fixtures.writeText(snapshotFile, "{ \"format\" : 99 }");

        MigrationException e = assertThrows(MigrationException.class, () -> workspace.check());

        assertTrue(e.getMessage().startsWith("Cannot read the entity snapshot " + snapshotFile
                + ": unsupported snapshot format 99"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Recompile with mvn clean compile"), e.getMessage());
    }

    @Test
    void checkListsEveryDifferenceOrNothing() {
        snapshot(snapshotFile, entities());
        assertEquals(SchemaDiff.diff(new Schema(null, List.of(), List.of()), entities()).upgrade().stream()
                .map(op -> op.describe()).toList(), workspace.check());
        workspace.generate("create users and orders");
        assertEquals(List.of(), workspace.check());

        snapshot(snapshotFile, editedEntities());
        List<String> differences = workspace.check();

        assertTrue(differences.contains("drop column users.nickname"), differences.toString());
        assertTrue(differences.contains("create table tags (2 columns)"), differences.toString());
        assertTrue(differences.contains("alter column users.name: VARCHAR(100) -> VARCHAR(50)"), differences.toString());
        assertTrue(differences.contains("add column users.email VARCHAR(255) not null"), differences.toString());
        assertEquals(List.of("0001_create_users_and_orders.json"), fileNames(migrations), "check writes nothing");
    }

    @Test
    void revisionWritesAnEmptyMigrationAfterTheHead() throws Exception {
        snapshot(snapshotFile, entities());
        workspace.generate("create users and orders");

        Path file = workspace.revision("Backfill statuses");

        assertEquals(migrations.resolve("0002_backfill_statuses.json"), file);
        assertEquals("""
                {
                  "id" : "0002",
                  "parent" : "0001",
                  "message" : "Backfill statuses",
                  "upgrade" : [ ],
                  "downgrade" : [ ]
                }
                """, Files.readString(file));
        assertEquals(List.of(), workspace.check());
        assertEquals("0003", workspace.chain().nextId());
    }

    @Test
    void revisionOnAFreshProjectWritesTheFirstMigration() {
        Path file = workspace.revision("seed data");

        assertEquals(migrations.resolve("0001_seed_data.json"), file);
        assertEquals(new Migration("0001", null, "seed data", null, null, null), Fixtures.read(file));
    }

    @Test
    void aBrokenHistoryMakesGenerateAndCheckFailListingTheProblems() {
        snapshot(snapshotFile, editedEntities());
        Fixtures.write(migrations, migration("0001", null, "create users"));
        Fixtures.write(migrations, migration("0002", "0001", "add phone"));
        Fixtures.write(migrations, migration("0002", "0001", "add email"));
        Fixtures.writeText(migrations.resolve("0003_broken.json"), "{ \"id\" : \"0003\", \"upgrade\" : [ { \"op\" : \"x\" } ] }");
        List<String> before = fileNames(migrations);

        MigrationChain.ChainException generate = assertThrows(MigrationChain.ChainException.class,
                () -> workspace.generate("more"));
        MigrationChain.ChainException check = assertThrows(MigrationChain.ChainException.class, () -> workspace.check());

        for (MigrationChain.ChainException e : List.of(generate, check)) {
            assertEquals(3, e.problems().size(), e.getMessage());
            assertTrue(e.problems().get(0).startsWith("0003_broken.json: unknown operation \"x\""), e.getMessage());
            assertTrue(e.problems().get(1).startsWith("Two migrations are numbered 0002: 0002_add_email.json, "
                    + "0002_add_phone.json"), e.getMessage());
            assertTrue(e.problems().get(2).startsWith("The history has several heads"), e.getMessage());
        }
        assertEquals(before, fileNames(migrations));
        assertThrows(MigrationChain.ChainException.class, () -> workspace.revision("more"));
    }
}
