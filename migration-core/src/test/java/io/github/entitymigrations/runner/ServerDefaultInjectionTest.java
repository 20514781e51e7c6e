package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 10, item 8: a server default is written into the DDL as it is, so it must be one expression. */
class ServerDefaultInjectionTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDefaultThatIsNotOneExpressionIsRefusedBeforeAnythingRuns(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"))
                .add("tables", new CreateTable(table("customer", t -> {
                    t.id();
                    t.col("name", varchar(50));
                })), new CreateTable(table("victim", t -> t.id())))
                .add("note", new AddColumn(null, "customer",
                        column("note", varchar(20), true, "'x'; drop table victim; --")));
        db.migrator(h.chain()).upgrade("0001");
        db.execute("insert into victim (id) values (7)");

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));

        assertTrue(e.getMessage().contains("0002_note.json (migration 0002), \"upgrade\" step 1: the default of column "
                + "note ('x'; drop table victim; --) has a ; outside quotes") && e.getMessage().contains("Nothing was "
                + "run"), e.getMessage());
        assertEquals(List.of("7"), db.query("select id from victim"), "victim is still there");
        assertEquals(List.of("0001"), db.appliedIds());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void legitimateDefaultsStillWork(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"))
                .add("tables", new CreateTable(table("customer", t -> t.id())))
                .add("defaults",
                        new AddColumn(null, "customer", column("quote", varchar(20), true, "'it''s'")),
                        new AddColumn(null, "customer", column("semi", varchar(20), true, "'a;b'")),
                        new AddColumn(null, "customer", column("sum", varchar(20), true, "(1 + 2)")));
        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into customer (id) values (1)");
        assertEquals(List.of("it's|a;b|3"), db.query("select quote, semi, sum from customer"));
    }
}
