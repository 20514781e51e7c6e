package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.MARIADB;
import static io.github.entitymigrations.lint.LintFixture.MYSQL;
import static io.github.entitymigrations.lint.LintFixture.PG;
import static io.github.entitymigrations.lint.LintFixture.SQLITE;
import static io.github.entitymigrations.lint.LintFixture.assertHas;
import static io.github.entitymigrations.lint.LintFixture.assertLacks;
import static io.github.entitymigrations.lint.LintFixture.col;
import static io.github.entitymigrations.lint.LintFixture.fk;
import static io.github.entitymigrations.lint.LintFixture.index;
import static io.github.entitymigrations.lint.LintFixture.lint;
import static io.github.entitymigrations.lint.LintFixture.migration;
import static io.github.entitymigrations.lint.LintFixture.newTable;
import static io.github.entitymigrations.lint.LintFixture.rows;
import static io.github.entitymigrations.lint.LintFixture.rules;
import static io.github.entitymigrations.lint.LintFixture.single;
import static io.github.entitymigrations.lint.LintFixture.unique;
import static io.github.entitymigrations.lint.LintFixture.withoutLockTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's and MySQL's table copies: each rule triggered on an existing table, quiet on a new one and just across
 * its line, and the PostgreSQL and SQLite rules quiet on both.
 */
class MariaDbRulesTest {

    private static final String[] FAMILY = {MARIADB, MYSQL};

    @Test
    void aTypeChangeCopiesTheTable() {
        for (String db : FAMILY) {
            Finding f = single(lint(db, rows(250, 0), migration(alter("price", "NUMERIC(10,2)", "NUMERIC(12,2)"))),
                    "mysql-type-copy");
            assertEquals("users", f.table());
            assertEquals("changes column users.price from NUMERIC(10,2) to NUMERIC(12,2): the table (250 rows) is "
                    + "copied (ALGORITHM=COPY) and writes to it wait", f.message());
            assertTrue(f.fix().contains("gh-ost"), f.fix());
            assertHas(lint(db, migration(alter("price", "NUMERIC(10,2)", "BIGINT"))), "mysql-type-copy");
            assertHas(lint(db, migration(alter("email", "VARCHAR(100)", "VARCHAR(99)"))), "mysql-type-copy");
            assertHas(lint(db, migration(alter("email", "VARCHAR(100)", "CLOB"))), "mysql-type-copy");
        }
    }

    @Test
    void aVarcharMadeLongerWithinItsLengthPrefixIsInPlace() {
        for (String db : FAMILY) {
            assertLacks(lint(db, migration(alter("name", "VARCHAR(50)", "VARCHAR(63)"))), "mysql-type-copy");
            assertHas(lint(db, migration(alter("name", "VARCHAR(50)", "VARCHAR(64)"))), "mysql-type-copy");
            assertLacks(lint(db, migration(alter("email", "VARCHAR(100)", "VARCHAR(16383)"))), "mysql-type-copy");
            // beyond the longest varchar the column becomes a text type
            assertHas(lint(db, migration(alter("email", "VARCHAR(100)", "VARCHAR(16384)"))), "mysql-type-copy");
        }
    }

    @Test
    void nullabilityAndDefaultChangesAndColumnsOfTheSameMigrationCopyNothing() {
        Column email = col("email", "VARCHAR(100)", true);
        for (String db : FAMILY) {
            assertLacks(lint(db, migration(new AlterColumn(null, "users", email, col("email", "VARCHAR(100)", false)))),
                    "mysql-type-copy");
            assertLacks(lint(db, migration(new AlterColumn(null, "users", email,
                    col("email", "VARCHAR(100)", true, "'x'")))), "mysql-type-copy");
            Column added = col("extra", "INTEGER", true);
            assertLacks(lint(db, migration(new AddColumn(null, "users", added),
                    new AlterColumn(null, "users", added, col("extra", "BIGINT", true)))), "mysql-type-copy");
            assertLacks(lint(db, migration(new CreateTable(newTable("tmp")), new AlterColumn(null, "tmp",
                    col("code", "VARCHAR(10)", true), col("code", "INTEGER", true)))), "mysql-type-copy");
        }
    }

    @Test
    void aColumnDefinitionIsComparedByItsTypeAlone() {
        Column before = definition("price", "decimal(10,2) default 0");
        Schema base = LintFixture.base();
        Table users = base.tables().get(1);
        Schema withDefinition = new Schema(null, List.of(base.tables().get(0), LintFixture.table("users",
                users.columns().stream().map(c -> c.name().equals("price") ? before : c).toList(), List.of())),
                List.of());
        assertLacks(lintFrom(withDefinition, new AlterColumn(null, "users", before,
                definition("price", "decimal(10, 2) default 1 not null"))), "mysql-type-copy");
        assertHas(lintFrom(withDefinition, new AlterColumn(null, "users", before,
                definition("price", "decimal(12,2) default 0"))), "mysql-type-copy");
    }

    @Test
    void aForeignKeyOrCheckAddedToAnExistingTableCopiesIt() {
        var check = CheckConstraint.expression("ck_price", "price", "price >= 0");
        for (String db : FAMILY) {
            Finding f = single(lint(db, migration(new AddForeignKey(null, "orders", fk()))), "mysql-fk-copy");
            assertTrue(f.message().contains("foreign_key_checks on"), f.message());
            assertTrue(f.fix().contains("set foreign_key_checks = 0"), f.fix());
            assertHas(lint(db, migration(new AddCheck(null, "users", check))), "mysql-check-copy");
            assertLacks(lint(db, migration(new CreateTable(newTable("tmp")), new AddCheck(null, "tmp",
                    CheckConstraint.expression("ck_code", "code", "code <> ''")))), "mysql-check-copy");
        }
    }

    @Test
    void aStringEnumsCheckIsTheColumnsTypeSoAddingOrDroppingItIsATypeChange() {
        var statusIn = CheckConstraint.in("ck_users_name", "name", List.of("A", "B"));
        for (String db : FAMILY) {
            Finding add = single(lint(db, migration(new AddCheck(null, "users", statusIn))), "mysql-type-copy");
            assertEquals("makes column users.name the enum of check ck_users_name: the table is copied "
                    + "(ALGORITHM=COPY) and writes to it wait", add.message());
            assertLacks(lint(db, migration(new AddCheck(null, "users", statusIn))), "mysql-check-copy");
        }
        Schema base = LintFixture.base();
        Schema withEnum = new Schema(null, List.of(base.tables().get(0), LintFixture.table("users",
                base.tables().get(1).columns(), List.of(statusIn))), List.of());
        Finding drop = single(lintFrom(withEnum, new DropCheck(null, "users", statusIn)), "mysql-type-copy");
        assertEquals("drops check ck_users_name, the enum type of column users.name, so the column gets its own type "
                + "back: the table is copied (ALGORITHM=COPY) and writes to it wait", drop.message());
        var expression = CheckConstraint.expression("ck_price", "price", "price >= 0");
        Schema withCheck = new Schema(null, List.of(base.tables().get(0), LintFixture.table("users",
                base.tables().get(1).columns(), List.of(expression))), List.of());
        assertEquals(List.of(), rules(lintFrom(withCheck, new DropCheck(null, "users", expression))),
                "dropping a plain check is instant");
    }

    @Test
    void aPrimaryKeyDroppedOnItsOwnCopiesTheTableAddingOneDoesNot() {
        var pk = new PrimaryKey("pk_users", List.of("id"));
        for (String db : FAMILY) {
            assertEquals(List.of("mysql-drop-pk-copy"), rules(lint(db, migration(new DropPrimaryKey(null, "users", pk),
                    new AddPrimaryKey(null, "users", pk)))).stream().filter(r -> r.startsWith("mysql-")).toList());
            assertLacks(lint(db, migration(new AddUnique(null, "users", unique("uk_email", "email")))),
                    "mysql-drop-pk-copy", "mysql-type-copy");
        }
    }

    @Test
    void whatInnoDbDoesInstantlyOrInPlaceIsQuiet() {
        for (String db : FAMILY) {
            var report = lint(db, withoutLockTimeout(new AddColumn(null, "users", col("x", "INTEGER", true)),
                    new CreateIndex(null, "users", index("ix_users_email", false, "email")),
                    new RenameColumn(null, "users", "name", "full_name"),
                    new DropColumn(null, "users", col("price", "NUMERIC(10,2)", true))));
            assertFalse(rules(report).stream().anyMatch(r -> r.startsWith("mysql-") || r.startsWith("pg-")
                    || r.startsWith("sqlite-")), () -> report.findings().toString());
            assertHas(report, "drop-column", "deploy-drop-column", "deploy-rename-column");
        }
    }

    @Test
    void theFamilysRulesApplyToNoOtherDatabase() {
        var op = alter("price", "NUMERIC(10,2)", "NUMERIC(12,2)");
        for (String db : List.of(PG, SQLITE)) {
            assertLacks(lint(db, migration(op, new AddForeignKey(null, "orders", fk()))), "mysql-type-copy",
                    "mysql-fk-copy");
        }
        for (Rule r : Rules.ALL) {
            boolean family = r.id().startsWith("mysql-");
            assertEquals(family || !r.id().startsWith("pg-") && !r.id().startsWith("sqlite-"), r.appliesTo(MARIADB),
                    r.id());
            assertEquals(r.appliesTo(MARIADB), r.appliesTo(MYSQL), r.id());
        }
    }

    private static LintReport lintFrom(Schema base, io.github.entitymigrations.operations.Operation op) {
        return Linter.lint(base, List.of(LintFixture.file(migration(op))), MARIADB, LintFacts.NONE, Set.of());
    }

    /** The fixture's users.{@code column}, of type {@code from}, changed to {@code to}. */
    private static AlterColumn alter(String column, String from, String to) {
        String defaultValue = column.equals("name") ? "'anon'" : null;
        return new AlterColumn(null, "users", col(column, from, true, defaultValue), col(column, to, true,
                defaultValue));
    }

    private static Column definition(String name, String definition) {
        return new Column(name, ColumnType.parse("NUMERIC(10,2)"), true, false, null, definition, false, null);
    }
}
