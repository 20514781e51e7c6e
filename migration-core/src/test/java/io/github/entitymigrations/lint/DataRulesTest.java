package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.MARIADB;
import static io.github.entitymigrations.lint.LintFixture.PG;
import static io.github.entitymigrations.lint.LintFixture.SQLITE;
import static io.github.entitymigrations.lint.LintFixture.base;
import static io.github.entitymigrations.lint.LintFixture.col;
import static io.github.entitymigrations.lint.LintFixture.fk;
import static io.github.entitymigrations.lint.LintFixture.index;
import static io.github.entitymigrations.lint.LintFixture.lint;
import static io.github.entitymigrations.lint.LintFixture.migration;
import static io.github.entitymigrations.lint.LintFixture.newTable;
import static io.github.entitymigrations.lint.LintFixture.rows;
import static io.github.entitymigrations.lint.LintFixture.rules;
import static io.github.entitymigrations.lint.LintFixture.unique;
import static io.github.entitymigrations.lint.LintFixture.assertHas;
import static io.github.entitymigrations.lint.LintFixture.assertLacks;
import static io.github.entitymigrations.lint.LintFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Data loss and existing-rows rules, on every database; triggered, and quiet just across the line. */
class DataRulesTest {

    private static final String[] EVERY = LintFixture.EVERY;

    @Test
    void dropTableAndColumnOfExistingTablesLoseData() {
        for (String db : EVERY) {
            var report = lint(db, migration(new DropTable(base().tables().get(0))));
            assertHas(report, "drop-table", "deploy-drop-table");
            report = lint(db, migration(new DropColumn(null, "users", col("email", "VARCHAR(100)", true))));
            assertHas(report, "drop-column", "deploy-drop-column");
        }
    }

    @Test
    void droppingWhatTheSameMigrationCreatedIsNoLoss() {
        var t = newTable("tmp");
        var report = lint(PG, migration(new CreateTable(t), new DropTable(t)));
        assertEquals(List.of(), rules(report));
        var c = col("extra", "INTEGER", true);
        report = lint(SQLITE, migration(new AddColumn(null, "users", c), new DropColumn(null, "users", c)));
        assertLacks(report, "drop-column", "deploy-drop-column");
    }

    @Test
    void narrowingIsFoundWideningIsNot() {
        var narrow = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true), col("email", "VARCHAR(99)", true));
        assertHas(lint(PG, migration(narrow)), "narrow-type");
        var same = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true), col("email", "VARCHAR(100)", false));
        assertLacks(lint(PG, migration(same)), "narrow-type");
        var wide = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true), col("email", "VARCHAR(101)", true));
        assertLacks(lint(SQLITE, migration(wide)), "narrow-type");
        var scale = new AlterColumn(null, "users", col("price", "NUMERIC(10,2)", true), col("price", "NUMERIC(10,1)", true));
        assertHas(lint(SQLITE, migration(scale)), "narrow-type");
    }

    /** A basic array narrows with its element, or when its storage elsewhere changes (Hibernate 6.6's to 7's). */
    @Test
    void anArrayNarrowsWithItsElementOrItsStorage() {
        var narrow = new AlterColumn(null, "readings", col("tags", "VARCHAR(100) ARRAY", true),
                col("tags", "VARCHAR(40) ARRAY", true));
        var report = lintReadings(PG, narrow);
        assertHas(report, "narrow-type");
        assertTrue(single(report, "narrow-type").message().contains("from VARCHAR(100) ARRAY to VARCHAR(40) ARRAY"),
                single(report, "narrow-type").message());
        var wide = new AlterColumn(null, "readings", col("counts", "INTEGER ARRAY", true),
                col("counts", "BIGINT ARRAY", true));
        assertLacks(lintReadings(PG, wide), "narrow-type");
        var storage = new AlterColumn(null, "readings", col("legacy", "INTEGER ARRAY(255)", true),
                col("legacy", "INTEGER ARRAY", true));
        assertHas(lintReadings(MARIADB, storage), "narrow-type");
        var toText = new AlterColumn(null, "readings", col("counts", "INTEGER ARRAY", true),
                col("counts", "VARCHAR(20)", true));
        assertHas(lintReadings(PG, toText), "narrow-type");
    }

    private static LintReport lintReadings(String dialect, AlterColumn step) {
        var readings = new io.github.entitymigrations.schema.Schema(null, List.of(LintFixture.table("readings",
                List.of(col("id", "BIGINT", false), col("tags", "VARCHAR(100) ARRAY", true),
                        col("counts", "INTEGER ARRAY", true), col("legacy", "INTEGER ARRAY(255)", true)), List.of())),
                List.of());
        return Linter.lint(readings, List.of(LintFixture.file(migration(step))), dialect, LintFacts.NONE,
                java.util.Set.of());
    }

    @Test
    void droppingADefaultIsFoundSettingOneIsNot() {
        var drop = new AlterColumn(null, "users", col("name", "VARCHAR(50)", true, "'anon'"),
                col("name", "VARCHAR(50)", true));
        assertHas(lint(SQLITE, migration(drop)), "drop-default");
        var change = new AlterColumn(null, "users", col("name", "VARCHAR(50)", true, "'anon'"),
                col("name", "VARCHAR(50)", true, "'nobody'"));
        assertLacks(lint(SQLITE, migration(change)), "drop-default");
    }

    @Test
    void notNullColumnWithoutDefaultIsAWarningOfflineAnErrorOnRowsAndQuietOnAnEmptyTable() {
        var add = new AddColumn(null, "users", col("age", "INTEGER", false));
        for (String db : EVERY) {
            var offline = lint(db, migration(add));
            Finding warning = single(offline, "not-null-without-default");
            assertEquals(Severity.WARNING, warning.severity());
            assertEquals(1, warning.step());
            assertEquals("users", warning.table());
            var full = lint(db, rows(3, 0), migration(add));
            Finding error = single(full, "not-null-without-default");
            assertEquals(Severity.ERROR, error.severity());
            assertTrue(error.message().contains("the table has 3 rows, so it fails"), error.message());
            assertLacks(lint(db, rows(0, 0), migration(add)), "not-null-without-default");
        }
        var withDefault = new AddColumn(null, "users", col("age", "INTEGER", false, "0"));
        assertLacks(lint(PG, migration(withDefault)), "not-null-without-default", "deploy-not-null");
        var onNewTable = new AddColumn(null, "tmp", col("age", "INTEGER", false));
        assertEquals(List.of(), rules(lint(PG, migration(new CreateTable(newTable("tmp")), onNewTable))));
    }

    @Test
    void setNotNullNeedsABackfillEarlierInTheSameMigration() {
        var alter = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true), col("email", "VARCHAR(100)", false));
        assertHas(lint(SQLITE, migration(alter)), "not-null-without-default", "deploy-not-null");
        var backfill = new Sql(Map.of("*", List.of("update users set email = 'unknown' where email is null")),
                Map.of("*", List.of("select 1")), false, List.of());
        assertHas(lint(SQLITE, migration(backfill, alter)), "deploy-not-null");
        assertLacks(lint(SQLITE, migration(backfill, alter)), "not-null-without-default");
        var otherColumn = new Sql(Map.of("*", List.of("update users set name = 'x' where name is null")),
                Map.of("*", List.of("select 1")), false, List.of());
        assertHas(lint(SQLITE, migration(otherColumn, alter)), "not-null-without-default");
        var after = lint(SQLITE, migration(alter, backfill));
        assertHas(after, "not-null-without-default");
    }

    @Test
    void constraintsOnExistingTablesMayFailOnRowsButNotOnAnEmptyOrNewTable() {
        var uq = new AddUnique(null, "users", unique("uk_users_email", "email"));
        var ix = new CreateIndex(null, "users", index("ux_users_email", true, "email"), true);
        var ck = new AddCheck(null, "users", CheckConstraint.expression("ck_price", "price", "price >= 0"));
        var fk = new AddForeignKey(null, "orders", fk());
        for (String db : EVERY) {
            assertHas(lint(db, migration(uq)), "unique-on-existing");
            assertHas(lint(db, migration(ix)), "unique-on-existing");
            assertHas(lint(db, migration(ck)), "check-on-existing");
            assertHas(lint(db, migration(fk)), "fk-on-existing");
            assertLacks(lint(db, rows(0, 0), migration(uq, ck, fk)), "unique-on-existing",
                    "check-on-existing", "fk-on-existing");
        }
        var onNew = new AddUnique(null, "tmp", unique("uk_tmp_code", "code"));
        assertEquals(List.of(), rules(lint(PG, migration(new CreateTable(newTable("tmp")), onNew))));
        // PostgreSQL's not valid does not check existing rows; SQLite ignores the flag and copies them through a check.
        var notValid = new AddForeignKey(null, "orders", fk(), true);
        assertLacks(lint(PG, migration(notValid)), "fk-on-existing");
        assertHas(lint(SQLITE, migration(notValid)), "fk-on-existing");
    }

    /**
     * The differ drops a foreign key and adds it back around its columns' type change: the rows met that very key
     * until then, so its return finds no orphans. A key added anew still may.
     */
    @Test
    void aForeignKeyPutBackInTheSameMigrationCannotFailOnRows() {
        var add = new AddForeignKey(null, "orders", fk());
        var drop = new DropForeignKey(null, "orders", fk());
        var other = new AddForeignKey(null, "orders", new ForeignKey("fk_orders_user", List.of("user_id"), null,
                "users", List.of("id"), OnDelete.CASCADE));
        for (String db : EVERY) {
            List<String> found = rules(lint(db, migration(add, drop, add)));
            assertEquals(1, found.stream().filter("fk-on-existing"::equals).count(), db + ": " + found);
            found = rules(lint(db, migration(add, drop, other)));
            assertEquals(2, found.stream().filter("fk-on-existing"::equals).count(), db + ": " + found);
        }
    }

    /**
     * A key added back over the columns of a key the same migration dropped (the differ re-creates one under the name
     * the entities give it when a new table needs its old one): the rows met it until then. A primary key needs a
     * dropped primary key (a unique constraint allowed NULLs); a unique constraint or index any dropped key.
     */
    @Test
    void aKeyPutBackInTheSameMigrationCannotFailOnRows() {
        var dropPk = new DropPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id")));
        var addPk = new AddPrimaryKey(null, "users", new PrimaryKey("pk_accounts", List.of("ID")));
        var addOld = new AddUnique(null, "users", unique("uk_old", "email")); // flagged: the one a count leaves
        var dropUq = new DropUnique(null, "users", unique("uk_old", "email"));
        var addUq = new AddUnique(null, "users", unique("uk_users_email", "email"));
        var addIx = new CreateIndex(null, "users", index("ux_users_email", true, "email"), true);
        var pkOnEmail = new AddPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("email")));
        var uqOnName = new AddUnique(null, "users", unique("uk_users_name", "name"));
        for (String db : EVERY) {
            assertLacks(lint(db, migration(dropPk, addPk)), "unique-on-existing");
            assertEquals(1, count(lint(db, migration(addOld, dropUq, addUq))), db);
            assertEquals(1, count(lint(db, migration(addOld, dropUq, addIx))), db);
            assertEquals(2, count(lint(db, migration(addOld, dropPk, dropUq, pkOnEmail))), db + ": NULLs were allowed");
            assertEquals(1, count(lint(db, migration(dropPk, uqOnName))), db + ": other columns");
        }
    }

    private static long count(LintReport report) {
        return rules(report).stream().filter("unique-on-existing"::equals).count();
    }
}
