package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Views and triggers through a change that SQLite does as a table rebuild (altering a column): they still
 * answer and fire afterwards, on the way up and down, as on PostgreSQL; one the change leaves broken fails the
 * migration, naming it, with everything rolled back.
 */
class SqliteDependentsTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** An audit trigger on customer (and one on renames), a view on it and a view on that view. */
    private static final Sql DEPENDENTS = new Sql(Map.of(
            "sqlite", List.of(
                    "create trigger customer_audit after insert on customer begin insert into audit_log (customer_id, "
                            + "action) values (new.id, 'insert'); end",
                    "create trigger customer_rename_audit after update of name on customer begin insert into "
                            + "audit_log (customer_id, action) values (new.id, 'rename'); end",
                    "create view customer_names as select id, name from customer",
                    "create view customer_initials as select id, substr(name, 1, 1) as initial from customer_names"),
            "postgresql", List.of(
                    "create function customer_audit() returns trigger language plpgsql as $$ begin insert into "
                            + "audit_log (customer_id, action) values (new.id, case when tg_op = 'INSERT' then "
                            + "'insert' else 'rename' end); return new; end $$",
                    "create trigger customer_audit after insert on customer for each row execute function "
                            + "customer_audit()",
                    "create trigger customer_rename_audit after update of name on customer for each row execute "
                            + "function customer_audit()",
                    "create view customer_names as select id, name from customer",
                    "create view customer_initials as select id, substr(name, 1, 1) as initial from customer_names")),
            Map.of("sqlite", List.of("drop view customer_initials", "drop view customer_names",
                    "drop trigger customer_rename_audit", "drop trigger customer_audit"),
                    "postgresql", List.of("drop view customer_initials", "drop view customer_names",
                    "drop trigger customer_rename_audit on customer", "drop trigger customer_audit on customer",
                    "drop function customer_audit()")), false, List.of());

    private MigrationHistory history() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("customers", new CreateTable(table("customer", t -> {
            t.id();
            t.col("name", varchar(50));
            t.col("email", varchar(100));
        })), new CreateTable(table("audit_log", t -> {
            t.col("customer_id", BIGINT);
            t.col("action", varchar(20));
        })));
        return h;
    }

    private static Operation widenEmail(MigrationHistory h) {
        var email = h.column("customer", "email");
        return new AlterColumn(null, "customer", email, changed(email, varchar(200), true, null));
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void triggersAndViewsStillWorkAfterARebuildUpAndDown(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history();
        h.add("audit and views", DEPENDENTS);
        h.add("longer emails", widenEmail(h));
        db.migrator(h.chain()).upgrade("0002");
        db.execute("insert into customer (id, name, email) values (1, 'Ann', 'ann@example.com')");

        db.migrator(h.chain()).upgrade("head");
        db.execute("insert into customer (id, name, email) values (2, 'Bob', '" + "b".repeat(150) + "')",
                "update customer set name = 'Anne' where id = 1");
        assertEquals(List.of("1|insert", "2|insert", "1|rename"), db.query("select customer_id, action from audit_log"));
        assertEquals(List.of("1|A", "2|B"), db.query("select id, initial from customer_initials order by id"));

        db.execute("delete from customer where id = 2");
        db.migrator(h.chain()).downgrade("-1");
        db.execute("insert into customer (id, name, email) values (3, 'Cy', 'cy@example.com')");
        assertEquals(List.of("1|insert", "2|insert", "1|rename", "3|insert"),
                db.query("select customer_id, action from audit_log"));
        assertEquals(List.of("1|Anne", "3|Cy"), db.query("select id, name from customer_names order by id"));
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /** A view joining a table that an earlier step of the same migration drops cannot come back. */
    @Test
    void aViewTheMigrationBreaksFailsItNamingTheViewAndRollsBack() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, PG, tmp);
        MigrationHistory h = history();
        h.add("legacy", sql(List.of("create table legacy (id integer)", "create view customer_legacy as select c.id "
                + "from customer c join legacy l on l.id = c.id"), List.of("drop view customer_legacy",
                "drop table legacy")));
        h.add("drop legacy, longer emails", sql(List.of("drop table legacy"), List.of("create table legacy (id integer)")),
                widenEmail(h));
        db.migrator(h.chain()).upgrade("0002");
        List<String> schema = db.query("select type, name, sql from sqlite_master order by name");

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        for (String part : List.of("Migration 0003", "view customer_legacy no longer works", "no such table",
                "rolled back", "Drop customer_legacy in a sql step before the change")) {
            assertTrue(e.getMessage().contains(part), "expected " + part + " in:\n" + e.getMessage());
        }
        assertEquals(schema, db.query("select type, name, sql from sqlite_master order by name"));
        assertEquals(List.of("0001", "0002"), db.appliedIds());
    }

    /**
     * The migration drops a column (a rebuild on SQLite: a check expression names it) that a trigger uses, then
     * a view: each fails it, named.
     */
    @Test
    void aTriggerOrViewUsingADroppedColumnFailsTheMigrationNamingIt() throws Exception {
        for (String dependent : List.of("trigger note_audit", "view note_titles")) {
            TestDatabase db = TestDatabase.open(Kind.SQLITE, PG, tmp);
            MigrationHistory h = new MigrationHistory(tmp.resolve("migrations-" + dependent.replace(' ', '-')));
            h.add("notes", new CreateTable(table("note", t -> {
                t.id();
                t.col("body", varchar(100));
                t.col("title", varchar(100));
                t.checkExpression("ck_note_body", "body <> 'title'");
            })), new CreateTable(table("audit_log", t -> t.col("action", varchar(100)))));
            h.add("dependent", sql(List.of(dependent.startsWith("trigger")
                    ? "create trigger note_audit after insert on note begin insert into audit_log (action) values "
                    + "(new.title); end" : "create view note_titles as select title from note"),
                    List.of("drop " + dependent)));
            h.add("no titles", new io.github.entitymigrations.operations.DropColumn(null, "note",
                    h.column("note", "title")));
            db.migrator(h.chain()).upgrade("0002");
            List<String> schema = db.query("select type, name, sql from sqlite_master order by name");
            MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
            for (String part : List.of("Migration 0003", dependent + " no longer works", "no such column",
                    "rolled back")) {
                assertTrue(e.getMessage().contains(part), "expected " + part + " in:\n" + e.getMessage());
            }
            assertEquals(schema, db.query("select type, name, sql from sqlite_master order by name"));
        }
    }

    /** A rebuild failing after the views and triggers were set aside leaves them as they were. */
    @Test
    void aRebuildFailingAfterSettingThemAsideKeepsThem() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.SQLITE, PG, tmp);
        MigrationHistory h = history();
        h.add("audit and views", DEPENDENTS);
        var name = h.column("customer", "name");
        h.add("names required", new AlterColumn(null, "customer", name, changed(name, varchar(50), false, null)));
        db.migrator(h.chain()).upgrade("0002");
        db.execute("insert into customer (id, name) values (1, null)");
        List<String> schema = db.query("select type, name, sql from sqlite_master order by name");

        MigrationException e = assertThrows(MigrationException.class, () -> db.migrator(h.chain()).upgrade("head"));
        assertTrue(e.getMessage().contains("NOT NULL constraint failed"), e.getMessage());
        assertEquals(schema, db.query("select type, name, sql from sqlite_master order by name"));
        db.execute("insert into customer (id, name) values (2, 'Bob')");
        assertEquals(List.of("1|insert", "2|insert"), db.query("select customer_id, action from audit_log"));
    }
}
