package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertRoundTrips;
import static io.github.entitymigrations.diff.DiffAssertions.describe;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A column that becomes NOT NULL on an existing table, with a backfill: add nullable / update / set NOT NULL. */
class BackfillDiffTest {

    private static Schema customers(boolean withNickname, boolean nullable, String backfill) {
        return schema(s -> s.table("customers", t -> {
            t.id();
            t.col("name", varchar(100));
            if (withNickname) {
                var c = t.col("nickname", varchar(50)).backfill(backfill);
                if (!nullable) {
                    c.notNull();
                }
            }
        }));
    }

    @Test
    void aNullableColumnMadeNotNullIsFilledFirst() {
        Diff diff = assertRoundTrips(customers(true, true, null), customers(true, false, "'none'"));
        assertEquals(List.of("sql: update customers set nickname = 'none' where nickname is null",
                "alter column customers.nickname: null -> not null"), describe(diff.upgrade()));
        Sql update = assertInstanceOf(Sql.class, diff.upgrade().get(0));
        assertEquals(Map.of("*", List.of("update customers set nickname = 'none' where nickname is null")),
                update.upgrade());
        assertEquals(Map.of("*", List.of()), update.downgrade());
        assertTrue(diff.warnings().isEmpty(), diff.warnings()::toString);
        // Down: the exact reverse, the update's downgrade doing nothing (the filled values harm no nullable column).
        assertInstanceOf(AlterColumn.class, diff.downgrade().get(0));
        assertTrue(((AlterColumn) diff.downgrade().get(0)).to().nullable());
        assertEquals(Map.of("*", List.of()), ((Sql) diff.downgrade().get(1)).upgrade());
    }

    @Test
    void aNotNullColumnAddedToAnExistingTableIsAddedNullableFilledAndTightened() {
        Diff diff = assertRoundTrips(customers(false, true, null), customers(true, false, "lower(name)"));
        assertEquals(3, diff.upgrade().size(), () -> describe(diff.upgrade()).toString());
        AddColumn add = assertInstanceOf(AddColumn.class, diff.upgrade().get(0));
        assertTrue(add.column().nullable());
        assertEquals(List.of("update customers set nickname = lower(name) where nickname is null"),
                ((Sql) diff.upgrade().get(1)).upgrade().get("*"));
        AlterColumn alter = assertInstanceOf(AlterColumn.class, diff.upgrade().get(2));
        assertTrue(alter.from().nullable());
        assertFalse(alter.to().nullable());
        assertTrue(diff.warnings().isEmpty(), diff.warnings()::toString);
        assertEquals(Set.of("customers.nickname"), Backfills.candidates(diff.upgrade(), Set.of(".customers")));
    }

    @Test
    void withoutABackfillTheWarningSaysHowToGiveOne() {
        Diff diff = assertRoundTrips(customers(true, true, null), customers(true, false, null));
        assertEquals(1, diff.upgrade().size());
        assertEquals(1, diff.warnings().size());
        String message = diff.warnings().get(0).message();
        assertTrue(message.contains("@Backfill(\"<SQL expression>\")"), message);
        assertTrue(message.contains("customers.nickname=<SQL expression>"), message);
        Diff added = assertRoundTrips(customers(false, true, null), customers(true, false, null));
        assertTrue(added.warnings().get(0).message().contains("@Backfill"), added.warnings()::toString);
    }

    @Test
    void aBackfillWhereNoneIsNeededIsIgnored() {
        // A new table: created NOT NULL, no rows to fill.
        Diff created = SchemaDiff.diff(schema(), customers(true, false, "'none'"));
        assertEquals(List.of("create table customers (3 columns)"), describe(created.upgrade()));
        // A column that does not change; a column already NOT NULL; a nullable column.
        assertTrue(SchemaDiff.diff(customers(true, false, null), customers(true, false, "'none'")).isEmpty());
        assertTrue(SchemaDiff.diff(customers(true, true, null), customers(true, true, "'none'")).isEmpty());
        Diff nullableAdded = assertRoundTrips(customers(false, true, null), customers(true, true, "'none'"));
        assertEquals(1, nullableAdded.upgrade().size());
        // A NOT NULL column with a server default needs no backfill: the default fills the rows.
        Schema withDefault = schema(s -> s.table("customers", t -> {
            t.id();
            t.col("name", varchar(100));
            t.col("visits", INTEGER).notNull().defaultValue("0").backfill("1");
        }));
        Diff defaulted = assertRoundTrips(customers(false, true, null), withDefault);
        assertEquals(1, defaulted.upgrade().size());
    }

    @Test
    void quotedAndReservedNamesAreQuotedAsEachDatabaseQuotesThem() {
        Schema from = schema(s -> s.table("order", t -> {
            t.id();
            t.col("Status", varchar(10)).quoted();
            t.col("MixedCase", varchar(10));
        }));
        Schema to = schema(s -> s.table("order", t -> {
            t.id();
            t.col("Status", varchar(10)).quoted().notNull().backfill("'NEW'");
            t.col("MixedCase", varchar(10)).notNull().backfill("'x'");
        }));
        Diff diff = assertRoundTrips(from, to);
        Sql quoted = update(diff, "Status");
        // PostgreSQL and SQLite quote in double quotes ("*"), MariaDB and MySQL in backticks.
        assertEquals(Map.of("*", List.of("update \"order\" set \"Status\" = 'NEW' where \"Status\" is null"),
                "mariadb", List.of("update `order` set `Status` = 'NEW' where `Status` is null"),
                "mysql", List.of("update `order` set `Status` = 'NEW' where `Status` is null")),
                quoted.upgrade());
        // PostgreSQL folds an unquoted MixedCase, SQLite keeps its case, quoted; MariaDB and MySQL write it bare.
        Sql folded = update(diff, "MixedCase");
        assertEquals(Map.of("postgresql", List.of("update \"order\" set mixedcase = 'x' where mixedcase is null"),
                "sqlite", List.of("update \"order\" set \"MixedCase\" = 'x' where \"MixedCase\" is null"),
                "*", List.of("update `order` set MixedCase = 'x' where MixedCase is null")),
                folded.upgrade());
        assertTrue(diff.warnings().isEmpty(), diff.warnings()::toString);
    }

    private static Sql update(Diff diff, String column) {
        for (int i = 0; i + 1 < diff.upgrade().size(); i++) {
            if (diff.upgrade().get(i) instanceof Sql sql
                    && ((AlterColumn) diff.upgrade().get(i + 1)).to().name().equals(column)) {
                return sql;
            }
        }
        throw new AssertionError("no update before the alter of " + column + ": " + describe(diff.upgrade()));
    }

    @Test
    void aTypeChangeComesBeforeTheUpdateSoTheValueFitsTheNewType() {
        Schema from = customers(true, true, null);
        Schema to = schema(s -> s.table("customers", t -> {
            t.id();
            t.col("name", varchar(100));
            t.col("nickname", varchar(80)).notNull().backfill("name");
        }));
        Diff diff = assertRoundTrips(from, to);
        assertEquals(List.of("alter column customers.nickname: VARCHAR(50) -> VARCHAR(80)",
                "sql: update customers set nickname = name where nickname is null",
                "alter column customers.nickname: null -> not null"), describe(diff.upgrade()));
    }

    @Test
    void aTableInASchemaGetsAStatementForEachDatabaseWithSchemasAndNoneForSqlite() {
        Schema from = schema(s -> s.table("sales", "customers", t -> {
            t.id();
            t.col("nickname", varchar(50));
        }));
        Schema to = schema(s -> s.table("sales", "customers", t -> {
            t.id();
            t.col("nickname", varchar(50)).notNull().backfill("'none'");
        }));
        Diff diff = assertRoundTrips(from, to);
        String update = "update sales.customers set nickname = 'none' where nickname is null";
        assertEquals(Map.of("postgresql", List.of(update), "mariadb", List.of(update), "mysql", List.of(update)),
                ((Sql) diff.upgrade().get(0)).upgrade());
    }

    @Test
    void theHintStaysOutOfTheMigrationFile() {
        Diff diff = SchemaDiff.diff(customers(false, true, null), customers(true, false, "'none'"));
        String json = MigrationJson.write(new Migration("0002", "0001", "nickname", diff.upgrade(), diff.downgrade(),
                diff.warnings()));
        assertFalse(json.contains("\"backfill\""), json);
        assertTrue(json.contains("update customers set nickname = 'none' where nickname is null"), json);
    }
}
