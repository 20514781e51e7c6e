package io.github.entitymigrations.lint;

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
import static io.github.entitymigrations.lint.LintFixture.single;
import static io.github.entitymigrations.lint.LintFixture.unique;
import static io.github.entitymigrations.lint.LintFixture.withoutLockTimeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.PrimaryKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's locking rules: each triggered on an existing table, quiet on a new one and at its boundary. */
class PostgresRulesTest {

    @Test
    void indexWithoutConcurrentlyOnAnExistingTable() {
        var plain = new CreateIndex(null, "users", index("ix_users_email", false, "email"));
        Finding f = single(lint(PG, migration(plain)), "pg-index-not-concurrent");
        assertEquals("users", f.table());
        assertTrue(f.message().contains("SHARE lock"), f.message());
        assertTrue(f.fix().contains("\"concurrently\": true"), f.fix());
        assertLacks(lint(PG, migration(new CreateIndex(null, "users", index("ix_users_email", false, "email"), true))),
                "pg-index-not-concurrent");
        assertLacks(lint(PG, migration(new CreateTable(newTable("tmp")),
                new CreateIndex(null, "tmp", index("ix_tmp_code", false, "code")))), "pg-index-not-concurrent");
        assertLacks(lint(SQLITE, migration(plain)), "pg-index-not-concurrent");
    }

    @Test
    void uniqueAndPrimaryKeyBuildTheirIndexUnderAccessExclusive() {
        assertHas(lint(PG, migration(new AddUnique(null, "users", unique("uk_email", "email")))),
                "pg-unique-not-concurrent");
        var pk = new PrimaryKey("pk_users", List.of("id"));
        assertHas(lint(PG, migration(new DropPrimaryKey(null, "users", pk), new AddPrimaryKey(null, "users", pk))),
                "pg-unique-not-concurrent");
        assertLacks(lint(PG, migration(new CreateTable(newTable("tmp")),
                new AddUnique(null, "tmp", unique("uk_code", "code")))), "pg-unique-not-concurrent");
    }

    @Test
    void foreignKeyAndCheckWithoutNotValid() {
        assertHas(lint(PG, migration(new AddForeignKey(null, "orders", fk()))), "pg-fk-not-valid");
        assertLacks(lint(PG, migration(new AddForeignKey(null, "orders", fk(), true))), "pg-fk-not-valid");
        var check = CheckConstraint.expression("ck_price", "price", "price >= 0");
        Finding f = single(lint(PG, migration(new AddCheck(null, "users", check))), "pg-check-not-valid");
        assertTrue(f.message().contains("ACCESS EXCLUSIVE"), f.message());
        assertLacks(lint(PG, migration(new AddCheck(null, "users", check, true))), "pg-check-not-valid");
    }

    @Test
    void setNotNullScansUnlessAValidatedCheckProvesIt() {
        var alter = new AlterColumn(null, "users", col("email", "VARCHAR(100)", true), col("email", "VARCHAR(100)", false));
        assertHas(lint(PG, migration(alter)), "pg-set-not-null");
        // The online pattern: the check was added not valid and validated before; this migration sets not null and drops it.
        var proof = CheckConstraint.expression("users_email_not_null", "email", "email IS NOT NULL");
        var base = LintFixture.base();
        var withCheck = new io.github.entitymigrations.schema.Schema(null, List.of(
                LintFixture.table("users", base.tables().get(1).columns(), List.of(proof)), base.tables().get(0)),
                List.of());
        Migration m = migration(alter, new DropCheck(null, "users", proof));
        var report = Linter.lint(withCheck, List.of(LintFixture.file(m)), PG, LintFacts.NONE, java.util.Set.of());
        assertLacks(report, "pg-set-not-null");
        assertLacks(lint(SQLITE, migration(alter)), "pg-set-not-null");
    }

    @Test
    void typeChangesThatRewriteAndThoseThatDoNot() {
        assertHas(lint(PG, migration(alter("price", "NUMERIC(10,2)", "BIGINT"))), "pg-type-rewrite");
        assertHas(lint(PG, migration(alter("email", "VARCHAR(100)", "VARCHAR(99)"))), "pg-type-rewrite");
        assertHas(lint(PG, migration(alter("price", "NUMERIC(10,2)", "NUMERIC(12,3)"))), "pg-type-rewrite");
        assertLacks(lint(PG, migration(alter("email", "VARCHAR(100)", "VARCHAR(200)"))), "pg-type-rewrite");
        assertLacks(lint(PG, migration(alter("email", "VARCHAR(100)", "LONG32VARCHAR"))), "pg-type-rewrite");
        assertLacks(lint(PG, migration(alter("email", "VARCHAR(100)", "VARCHAR"))), "pg-type-rewrite");
        assertLacks(lint(PG, migration(alter("price", "NUMERIC(10,2)", "NUMERIC(12,2)"))), "pg-type-rewrite");
        // A column added in the same migration holds nothing yet.
        var added = col("extra", "INTEGER", true);
        assertLacks(lint(PG, migration(new AddColumn(null, "users", added),
                new AlterColumn(null, "users", added, col("extra", "BIGINT", true)))), "pg-type-rewrite");
    }

    @Test
    void volatileDefaultsRewriteStableOnesDoNot() {
        for (String volatileDefault : List.of("gen_random_uuid()", "random()", "clock_timestamp()",
                "nextval('users_seq')")) {
            assertHas(lint(PG, migration(new AddColumn(null, "users", col("x", "VARCHAR(40)", true, volatileDefault)))),
                    "pg-volatile-default");
        }
        for (String stable : List.of("now()", "current_timestamp", "'a'", "0")) {
            assertLacks(lint(PG, migration(new AddColumn(null, "users", col("x", "VARCHAR(40)", true, stable)))),
                    "pg-volatile-default");
        }
    }

    @Test
    void lockTimeoutIsNeededForDdlOnExistingTables() {
        var plain = new CreateIndex(null, "users", index("ix_users_email", false, "email"));
        Finding f = single(lint(PG, withoutLockTimeout(new CreateTable(newTable("tmp")), plain)), "pg-lock-timeout");
        assertEquals(2, f.step());
        assertLacks(lint(PG, migration(plain)), "pg-lock-timeout");
        assertLacks(lint(PG, withoutLockTimeout(new CreateTable(newTable("tmp")))), "pg-lock-timeout");
        var concurrent = new Migration("0002", "0001", "index", List.<Operation>of(new CreateIndex(null, "users",
                index("ix_users_email", false, "email"), true)), List.of(), List.of(), true, null, null);
        assertLacks(lint(PG, concurrent), "pg-lock-timeout");
        assertLacks(lint(SQLITE, withoutLockTimeout(plain)), "pg-lock-timeout");
    }

    private static AlterColumn alter(String column, String from, String to) {
        boolean nullable = true;
        return new AlterColumn(null, "users", col(column, from, nullable), col(column, to, nullable));
    }
}
