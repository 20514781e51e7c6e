package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which foreign-key checks close each SQLite migration: none after new tables only, the changed tables after
 * changes to existing tables, with the tables that reference them when their keys may have changed, and every table
 * after anything the runner cannot reason about. {@code FailureInjectionTest} proves on a database that a narrowed check still finds broken rows.
 */
class IntegrityScopeTest {

    private static final String ALL = "PRAGMA foreign_key_check";

    @TempDir
    Path dir;

    private MigrationHistory h;

    /** author; book references author; review references book; "Note Pad" references nothing. */
    @BeforeEach
    void tables() {
        h = new MigrationHistory(dir);
        h.add("tables",
                new CreateTable(table("author", t -> {
                    t.id();
                    t.col("name", varchar(100));
                })),
                new CreateTable(table("book", t -> {
                    t.id();
                    t.col("author_id", BIGINT);
                    t.fk("fk_book_author", List.of("author_id"), "author", List.of("id"), OnDelete.NO_ACTION);
                })),
                new CreateTable(table("review", t -> {
                    t.id();
                    t.col("book_id", BIGINT);
                    t.fk("fk_review_book", List.of("book_id"), "book", List.of("id"), OnDelete.NO_ACTION);
                })),
                new CreateTable(table("note_pad", t -> t.id())));
    }

    private List<String> checks(int migration) {
        return Planner.upgrade(h.chain(), new SqliteDialect(), migration - 1, migration).get(0).integrityChecks();
    }

    @Test
    void newTablesOnlyNeedNoCheck() {
        assertEquals(List.of(), checks(1), "new tables are empty");
    }

    @Test
    void aChangedTableIsCheckedWithTheTablesThatReferenceIt() {
        h.add("author names are longer", new AlterColumn(null, "author", h.column("author", "name"),
                changed(h.column("author", "name"), varchar(200), true, null)));
        assertEquals(List.of(ALL + "(author)", ALL + "(book)"), checks(2), "author is rebuilt; book references it");
    }

    @Test
    void severalChangesCheckEachTableOnce() {
        h.add("review and book",
                new AddColumn(null, "review", column("stars", BIGINT, true, null)),
                new CreateIndex(null, "review", new Index("ix_review_stars", List.of("stars"), false)),
                new AddColumn(null, "book", column("title", varchar(100), true, null)),
                new CreateTable(table("shelf", t -> t.id())));
        assertEquals(List.of(ALL + "(review)", ALL + "(book)"), checks(2), "in the order the steps name them");
    }

    @Test
    void aChangeThatKeepsEveryKeyChecksOnlyItsTable() {
        h.add("authors get a country", new AddColumn(null, "author", column("country", varchar(2), true, null)));
        assertEquals(List.of(ALL + "(author)"), checks(2), "book references author's id, which is as before");
    }

    @Test
    void aQuotedNameIsQuotedInTheCheck() {
        h.add("quoted", new CreateTable(table("Order Items", t -> t.id())));
        h.add("quoted grows", new AddColumn(null, "Order Items", column("qty", BIGINT, true, null)));
        assertEquals(List.of(ALL + "(\"Order Items\")"), checks(3));
    }

    @Test
    void whatTheRunnerCannotReasonAboutChecksEveryTable() {
        h.add("data", sql(List.of("insert into author (id, name) values (1, 'a')"), List.of("delete from author")));
        h.add("drop", new DropTable(h.table("note_pad")));
        h.add("rename", new RenameTable(null, "review", "critique"));
        assertEquals(List.of(ALL), checks(2), "a sql step");
        assertEquals(List.of(ALL), checks(3), "a dropped table");
        assertEquals(List.of(ALL), checks(4), "a renamed table");
    }

    @Test
    void aDowngradeIsScopedTheSameWay() {
        h.add("author names are longer", new AlterColumn(null, "author", h.column("author", "name"),
                changed(h.column("author", "name"), varchar(200), true, null)));
        assertEquals(List.of(ALL + "(author)", ALL + "(book)"),
                Planner.downgrade(h.chain(), new SqliteDialect(), 2, 1).get(0).integrityChecks());
        assertEquals(List.of(ALL), Planner.downgrade(h.chain(), new SqliteDialect(), 1, 0).get(0).integrityChecks(),
                "dropping the tables");
    }

    @Test
    void postgresqlKeepsForeignKeysOnAndChecksNothing() {
        h.add("author names are longer", new AlterColumn(null, "author", h.column("author", "name"),
                changed(h.column("author", "name"), varchar(200), true, null)));
        assertEquals(List.of(), Planner.upgrade(h.chain(), new PostgresDialect(null), 0, 2).get(1).integrityChecks());
    }
}
