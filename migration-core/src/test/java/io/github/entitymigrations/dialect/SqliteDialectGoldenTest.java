package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.dialect.SqliteGolden.SQLITE;
import static io.github.entitymigrations.dialect.SqliteGolden.assertSql;
import static io.github.entitymigrations.dialect.SqliteGolden.sql;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of every operation SQLite does natively (and the statements around a migration); the
 * table rebuilds are in SqliteDialectRebuildGoldenTest, types, names and refusals in SqliteDialectRulesTest.
 */
class SqliteDialectGoldenTest {

    @Test
    void createTableHasEveryKeyConstraintAndForeignKeyInlineThenItsIndexes() {
        assertSql(sql(new CreateTable(table(SCHEMA, "users")), schema()),
                "create table users (id integer not null, birth_year integer, code varchar(20) not null, "
                        + "manager_id bigint, name varchar(100), status varchar(10) default 'NEW' not null, "
                        + "constraint pk_users primary key (id), constraint uk_users_code unique (code), "
                        + "constraint ck_users_status check (status in ('NEW', 'DONE')), "
                        + "constraint fk_users_manager_id foreign key (manager_id) references users (id))",
                "create index ix_users_name on users (name)");
    }

    @Test
    void createTableWithForeignKeyToAnotherTableAndOnDelete() {
        Schema before = schema(s -> s.table("users", t -> t.id()));
        Schema after = schema(s -> s.table("users", t -> t.id()), s -> s.table("orders", t -> {
            t.id();
            t.col("user_id", BIGINT).notNull();
            t.fk("fk_orders_user_id", List.of("user_id"), "users", List.of("id"), OnDelete.CASCADE);
            t.uniqueIndex("ix_orders_user_id", "user_id");
        }));
        assertSql(sql(new CreateTable(table(after, "orders")), before),
                "create table orders (id bigint not null, user_id bigint not null, "
                        + "constraint pk_orders primary key (id), constraint fk_orders_user_id foreign key (user_id) "
                        + "references users (id) on delete cascade)",
                "create unique index ix_orders_user_id on orders (user_id)");
    }

    @Test
    void dropTable() {
        assertSql(sql(new DropTable(table(SCHEMA, "log")), SCHEMA), "drop table log");
    }

    @Test
    void renameTableIsNativeAndSqliteRewritesTheForeignKeysThatReferenceIt() {
        assertSql(sql(new RenameTable(null, "users", "accounts"), SCHEMA), "alter table users rename to accounts");
    }

    @Test
    void renameTableThatOnlyChangesCaseGoesThroughATemporaryName() {
        assertSql(sql(new RenameTable(null, "log", "LOG"), SCHEMA),
                "alter table log rename to \"_em_rename_LOG\"", "alter table \"_em_rename_LOG\" rename to LOG");
    }

    @Test
    void addNullableColumnIsNative() {
        assertSql(sql(new AddColumn(null, "users", col("email", varchar(200)).build()), SCHEMA),
                "alter table users add column email varchar(200)");
    }

    @Test
    void addNotNullColumnWithConstantDefaultIsNative() {
        assertSql(sql(new AddColumn(null, "users", col("email", varchar(200)).notNull().defaultValue("''").build()),
                SCHEMA), "alter table users add column email varchar(200) default '' not null");
    }

    @Test
    void dropColumnIsNativeWhenNothingElseUsesIt() {
        assertSql(sql(new DropColumn(null, "users", column(SCHEMA, "users", "birth_year")), SCHEMA),
                "alter table users drop column birth_year");
    }

    @Test
    void renameColumnIsNative() {
        assertSql(sql(new RenameColumn(null, "users", "name", "full_name"), SCHEMA),
                "alter table users rename column name to full_name");
    }

    @Test
    void createAndDropIndexAreNative() {
        Index index = new Index("ix_users_status", List.of("status", "birth_year"), true);
        assertSql(sql(new CreateIndex(null, "users", index), SCHEMA),
                "create unique index ix_users_status on users (status, birth_year)");
        Index name = new Index("ix_users_name", List.of("name"), false);
        assertSql(sql(new DropIndex(null, "users", name), SCHEMA), "drop index ix_users_name");
    }

    @Test
    void sequencesAreTablesWithTheNextValue() {
        Sequence seq = new Sequence(null, "users_SEQ", 100, 50);
        assertSql(sql(new CreateSequence(seq), SCHEMA),
                "create table \"users_SEQ\" (next_val bigint)", "insert into \"users_SEQ\" (next_val) values (100)");
        assertSql(sql(new DropSequence(seq), SCHEMA), "drop table \"users_SEQ\"");
        assertSql(sql(new AlterSequence(seq, new Sequence(null, "users_SEQ", 1, 1)), SCHEMA));
    }

    @Test
    void sqlStepRunsItsSqliteStatementsElseThoseForAnyDialect() {
        Sql own = new Sql(Map.of("sqlite", List.of("update log set level = 0"), "*", List.of("select 1")),
                Map.of("*", List.of("select 2")), false, List.of());
        assertSql(sql(own, SCHEMA), "update log set level = 0");
        assertSql(sql(own.reverse(), SCHEMA), "select 2");
        Sql other = new Sql(Map.of("postgresql", List.of("select 3"), "sqlite", List.of()), null, true, List.of());
        assertSql(sql(other, SCHEMA));
        Sql missing = new Sql(Map.of("postgresql", List.of("select 3")), null, true, List.of());
        assertThrows(UnsupportedOperationException.class, () -> sql(missing, SCHEMA));
    }

    @Test
    void foreignKeyEnforcementIsOffDuringAMigrationCheckedAtItsEndAndOnAfterwards() {
        assertEquals(List.of("PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = OFF"), SQLITE.beforeMigration());
        assertEquals("PRAGMA foreign_key_check", SQLITE.integrityCheck());
        assertEquals(List.of("PRAGMA foreign_keys = ON"), SQLITE.afterMigration());
        assertEquals("sqlite", SQLITE.name());
    }
}
