package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.INTEGER;
import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema a history produces, replayed from the files on disk, and the message when a step does not fit. */
class ReplayTest {

    private static final Column NAME = column("name", varchar(100), false);
    private static final Column EMAIL = column("email", varchar(255), true);
    private static final Column USER_ID = column("user_id", Fixtures.BIGINT, false);
    private static final Sequence ORDER_SEQ = new Sequence(null, "order_seq", 1, 50);

    @TempDir
    Path dir;

    private List<MigrationFile> history() {
        return MigrationChain.load(dir).migrations();
    }

    @Test
    void anEmptyHistoryIsAnEmptySchema() {
        assertEquals(new Schema(null, List.of(), List.of()), Replay.of(history()));
    }

    @Test
    void replayingEveryMigrationBuildsTheSchema() {
        Fixtures.write(dir, migration("0001", null, "create users and orders",
                new CreateTable(table("users", id(), NAME)),
                new CreateTable(table("orders", id())),
                new CreateSequence(ORDER_SEQ)));
        Fixtures.write(dir, migration("0002", "0001", "email and owner",
                new AddColumn(null, "users", EMAIL),
                new CreateIndex(null, "users", new Index("ux_users_email", List.of("email"), true)),
                new AddColumn(null, "orders", USER_ID),
                new AddForeignKey(null, "orders", new ForeignKey("fk_orders_user", List.of("user_id"), null, "users",
                        List.of("id"), OnDelete.CASCADE))));
        Fixtures.write(dir, migration("0003", "0002", "rename and widen",
                new RenameColumn(null, "users", "name", "full_name"),
                new AlterColumn(null, "users", column("full_name", varchar(100), false),
                        column("full_name", varchar(200), false))));
        Sql backfill = new Sql(Map.of("*", List.of("alter table orders add column status integer",
                "update orders set status = 0")), null, true, List.of(
                new AddColumn(null, "orders", column("status", INTEGER, true)),
                new AddCheck(null, "orders", CheckConstraint.between("ck_orders_status", "status", 0, 3))));
        Sql noSchemaChange = new Sql(Map.of("*", List.of("update users set email = lower(email)")),
                Map.of("*", List.of("select 1")), false, null);
        Fixtures.write(dir, new Migration("0004", "0003", "status by hand", List.of(backfill, noSchemaChange),
                List.of(), List.of()));

        Table users = new Table(null, "users", false, null, List.of(),
                List.of(id(), EMAIL, column("full_name", varchar(200), false)), new PrimaryKey("pk_users", List.of("id")),
                List.of(), List.of(new Index("ux_users_email", List.of("email"), true)), List.of(), List.of());
        Table orders = new Table(null, "orders", false, null, List.of(),
                List.of(id(), USER_ID, column("status", INTEGER, true)), new PrimaryKey("pk_orders", List.of("id")),
                List.of(), List.of(), List.of(CheckConstraint.between("ck_orders_status", "status", 0, 3)),
                List.of(new ForeignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), OnDelete.CASCADE)));
        assertEquals(new Schema(null, List.of(orders, users), List.of(ORDER_SEQ)), Replay.of(history()));
    }

    @Test
    void aStepOnAMissingTableNamesTheMigrationItsFileAndTheStep() {
        Fixtures.write(dir, migration("0001", null, "create users", new CreateTable(table("users", id()))));
        Fixtures.write(dir, migration("0002", "0001", "add total",
                new AddColumn(null, "users", EMAIL),
                new AddColumn(null, "orders", column("total", INTEGER, true))));
        List<MigrationFile> history = history();

        MigrationException e = assertThrows(MigrationException.class, () -> Replay.of(history));

        assertEquals("Migration 0002 (0002_add_total.json), step 2 (add column orders.total INTEGER) does not fit the "
                + "schema the migrations before it produce: there is no table orders. Fix that step, or if it is a "
                + "sql step declare what it changes in \"schemaChanges\"", e.getMessage());
    }

    @Test
    void anAlterationOfAColumnThatIsNotAsExpectedIsRefused() {
        Fixtures.write(dir, migration("0001", null, "create users", new CreateTable(table("users", id(), NAME))));
        Fixtures.write(dir, migration("0002", "0001", "widen name",
                new AlterColumn(null, "users", column("name", varchar(50), false), column("name", varchar(200), false))));
        List<MigrationFile> history = history();

        MigrationException e = assertThrows(MigrationException.class, () -> Replay.of(history));

        assertEquals("Migration 0002 (0002_widen_name.json), step 1 (alter column users.name: VARCHAR(50) -> "
                + "VARCHAR(200)) does not fit the schema the migrations before it produce: column users.name is "
                + "VARCHAR(100) not null, but this step expects VARCHAR(50) not null. Fix that step, or if it is a "
                + "sql step declare what it changes in \"schemaChanges\"", e.getMessage());
    }

    @Test
    void aSqlStepWhoseDeclaredChangeDoesNotFitIsNamedToo() {
        Fixtures.write(dir, migration("0001", null, "create users", new CreateTable(table("users", id()))));
        Sql sql = new Sql(Map.of("*", List.of("alter table users add id bigint")), null, true,
                List.of(new AddColumn(null, "users", id())));
        Fixtures.write(dir, new Migration("0002", "0001", "again", List.of(sql), List.of(), List.of()));
        List<MigrationFile> history = history();

        MigrationException e = assertThrows(MigrationException.class, () -> Replay.of(history));

        assertEquals("Migration 0002 (0002_again.json), step 1 (sql: alter table users add id bigint (irreversible)) "
                + "does not fit the schema the migrations before it produce: table users already has column id. Fix "
                + "that step, or if it is a sql step declare what it changes in \"schemaChanges\"", e.getMessage());
    }

    /** A hand-edited step that lacks a required field must be named like any other misfit, not end in an NPE. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"op\" : \"add_column\", \"table\" : \"users\", \"column\" : { \"nullable\" : true, \"type\" : \"INTEGER\" } }",
        "{ \"op\" : \"add_column\", \"column\" : { \"name\" : \"age\", \"nullable\" : true, \"type\" : \"INTEGER\" } }",
        "{ \"op\" : \"rename_table\", \"from\" : \"users\" }"})
    void aStepMissingARequiredFieldIsNamedWithItsFile(String step) {
        Fixtures.write(dir, migration("0001", null, "create users", new CreateTable(table("users", id()))));
        writeText(dir.resolve("0002_hand_edit.json"),
                "{ \"id\" : \"0002\", \"parent\" : \"0001\", \"upgrade\" : [ " + step + " ] }");

        MigrationException e = assertThrows(MigrationException.class,
                () -> Replay.of(MigrationChain.load(dir).migrations()));

        assertTrue(e.getMessage().contains("0002_hand_edit.json"), e.getMessage());
    }

    /**
     * Like alter_column's "from", the definition a drop keeps for its downgrade must be the column it
     * drops; otherwise the downgrade silently recreates a different column.
     */
    @Test
    void aDropWhoseKeptDefinitionIsNotTheColumnDroppedIsRefused() {
        Fixtures.write(dir, migration("0001", null, "create users", new CreateTable(table("users", id(), NAME))));
        Fixtures.write(dir, migration("0002", "0001", "drop name",
                new DropColumn(null, "users", column("name", varchar(10), true))));
        List<MigrationFile> history = history();

        MigrationException e = assertThrows(MigrationException.class, () -> Replay.of(history),
                "drop_column kept VARCHAR(10) null for a column that is VARCHAR(100) not null");

        assertTrue(e.getMessage().startsWith("Migration 0002 (0002_drop_name.json), step 1 (drop column users.name)"),
                e.getMessage());
    }
}
