package io.github.entitymigrations.lint;

import io.github.entitymigrations.migrations.LintSection;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A schema with two existing tables, and migrations of a few steps judged against it. */
final class LintFixture {

    static final String PG = "postgresql";
    static final String SQLITE = "sqlite";
    static final String MARIADB = "mariadb";
    static final String MYSQL = "mysql";

    /** Every dialect lint judges for. */
    static final String[] EVERY = {PG, SQLITE, MARIADB, MYSQL};

    private LintFixture() {
    }

    static Column col(String name, String type, boolean nullable) {
        return new Column(name, ColumnType.parse(type), nullable, false, null, null, false, null);
    }

    static Column col(String name, String type, boolean nullable, String defaultValue) {
        return new Column(name, ColumnType.parse(type), nullable, false, defaultValue, null, false, null);
    }

    static Table table(String name, List<Column> columns, List<CheckConstraint> checks) {
        return new Table(null, name, false, null, List.of(), columns, new PrimaryKey("pk_" + name, List.of("id")),
                List.of(), List.of(), checks, List.of());
    }

    /** users (id, email varchar(100), name varchar(50) default 'anon', price numeric(10,2)), orders (id, user_id). */
    static Schema base() {
        return new Schema(null, List.of(
                table("users", List.of(col("id", "BIGINT", false), col("email", "VARCHAR(100)", true),
                        col("name", "VARCHAR(50)", true, "'anon'"), col("price", "NUMERIC(10,2)", true)), List.of()),
                table("orders", List.of(col("id", "BIGINT", false), col("user_id", "BIGINT", true)), List.of())),
                List.of());
    }

    static Table newTable(String name) {
        return table(name, List.of(col("id", "BIGINT", false), col("code", "VARCHAR(10)", true)), List.of());
    }

    static Index index(String name, boolean unique, String... columns) {
        return new Index(name, List.of(columns), unique);
    }

    static UniqueConstraint unique(String name, String... columns) {
        return new UniqueConstraint(name, List.of(columns));
    }

    static ForeignKey fk() {
        return new ForeignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), OnDelete.NO_ACTION);
    }

    static MigrationFile file(Migration m) {
        return new MigrationFile(Path.of(m.id() + "_change.json"), m);
    }

    static Migration migration(Operation... ops) {
        return new Migration("0002", "0001", "change", Arrays.asList(ops), List.of(), List.of(), false, "5s", null);
    }

    static Migration withoutLockTimeout(Operation... ops) {
        return new Migration("0002", "0001", "change", Arrays.asList(ops), List.of(), List.of(), false, null, null);
    }

    static Migration ignoring(List<LintSection.Ignore> ignores, Operation... ops) {
        return new Migration("0002", "0001", "change", Arrays.asList(ops), List.of(), List.of(), false, "5s",
                new LintSection(ignores));
    }

    static LintReport lint(String dialect, Migration m) {
        return Linter.lint(base(), List.of(file(m)), dialect, LintFacts.NONE, Set.of());
    }

    static LintReport lint(String dialect, LintFacts facts, Migration m) {
        return Linter.lint(base(), List.of(file(m)), dialect, facts, Set.of());
    }

    static LintFacts rows(long users, long orders) {
        return new LintFacts(Map.of(".users", users, ".orders", orders), 1000, Map.of());
    }

    static void assertHas(LintReport report, String... ruleIds) {
        for (String id : ruleIds) {
            org.junit.jupiter.api.Assertions.assertTrue(rules(report).contains(id), () -> "expected " + id + " in "
                    + report.findings());
        }
    }

    static void assertLacks(LintReport report, String... ruleIds) {
        for (String id : ruleIds) {
            org.junit.jupiter.api.Assertions.assertFalse(rules(report).contains(id), () -> "did not expect " + id
                    + " in " + report.findings());
        }
    }

    /** The one active finding of the rule. */
    static Finding single(LintReport report, String ruleId) {
        List<Finding> found = report.active().stream().filter(f -> f.rule().equals(ruleId)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, found.size(), () -> ruleId + " in " + report.findings());
        return found.get(0);
    }

    /** The active findings' rule ids, in order. */
    static List<String> rules(LintReport report) {
        return report.active().stream().map(Finding::rule).toList();
    }
}
