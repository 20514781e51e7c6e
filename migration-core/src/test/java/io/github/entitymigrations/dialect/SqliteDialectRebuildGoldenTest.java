package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.dialect.SqliteFixtures.with;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_COLUMNS;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_CONSTRAINTS;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_COPIED;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_INDEX;
import static io.github.entitymigrations.dialect.SqliteGolden.assertSql;
import static io.github.entitymigrations.dialect.SqliteGolden.guardedRebuild;
import static io.github.entitymigrations.dialect.SqliteGolden.rebuild;
import static io.github.entitymigrations.dialect.SqliteGolden.sql;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.TIMESTAMP;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of every operation SQLite cannot do with {@code alter table}: the move-and-copy rebuild of
 * {@link SqliteTableRebuild}, for each operation and for the add and drop column cases SQLite refuses.
 */
class SqliteDialectRebuildGoldenTest {

    @Test
    void addNotNullColumnWithoutDefaultIsARebuildThatLeavesItToTheNewTable() {
        assertSql(sql(new AddColumn(null, "users", col("email", varchar(200)).notNull().build()), SCHEMA),
                rebuild("users", "id integer not null, birth_year integer, code varchar(20) not null, "
                        + "email varchar(200) not null, manager_id bigint, name varchar(100), "
                        + "status varchar(10) default 'NEW' not null, " + USERS_CONSTRAINTS,
                        USERS_COPIED, USERS_COPIED, USERS_INDEX));
    }

    @Test
    void addColumnWithCurrentTimestampOrExpressionDefaultIsARebuild() {
        assertSql(sql(new AddColumn(null, "log", col("at", TIMESTAMP).defaultValue("CURRENT_TIMESTAMP").build()),
                SCHEMA), rebuild("log", "at timestamp default CURRENT_TIMESTAMP, level integer, "
                + "line varchar(100) not null", "level, line", "level, line"));
        assertSql(sql(new AddColumn(null, "log", col("at", TIMESTAMP).defaultValue("datetime('now')").build()),
                SCHEMA), rebuild("log", "at timestamp default (datetime('now')), level integer, "
                + "line varchar(100) not null", "level, line", "level, line"));
    }

    @Test
    void dropColumnNamedInACheckExpressionIsARebuild() {
        Schema before = schema(s -> s.table("notes", t -> {
            t.id();
            t.col("body", varchar(100));
            t.col("title", varchar(100));
            t.checkExpression("ck_notes_body", "body <> 'title'");
        }));
        assertSql(sql(new DropColumn(null, "notes", column(before, "notes", "title")), before),
                rebuild("notes", "id bigint not null, body varchar(100), constraint pk_notes primary key (id), "
                        + "constraint ck_notes_body check (body <> 'title')", "id, body", "id, body"));
    }

    @Test
    void alterColumnTypeIsARebuildThatGuardsConversionsIntoNumbers() {
        Column year = column(SCHEMA, "users", "birth_year");
        Column text = col("birth_year", varchar(4)).build();
        String[] toText = rebuild("users", USERS_COLUMNS.replace("birth_year integer", "birth_year varchar(4)")
                        + ", " + USERS_CONSTRAINTS, USERS_COPIED,
                USERS_COPIED, USERS_INDEX);
        AlterColumn alter = new AlterColumn(null, "users", year, text);
        assertSql(sql(alter, SCHEMA), toText);
        Schema textual = new SchemaState(SCHEMA).apply(List.of(alter)).toSchema();
        assertSql(sql(new AlterColumn(null, "users", text, year), textual),
                guardedRebuild("users", USERS_COLUMNS + ", " + USERS_CONSTRAINTS, USERS_COPIED, USERS_COPIED,
                        List.of("birth_year|'integer', 'null'|integer"), USERS_INDEX));
    }

    @Test
    void alterColumnNullabilityOrSizeKeepsTheValuesAsTheyAre() {
        Column name = column(SCHEMA, "users", "name");
        assertSql(sql(new AlterColumn(null, "users", name, col("name", varchar(50)).notNull().build()), SCHEMA),
                rebuild("users", USERS_COLUMNS.replace("name varchar(100)", "name varchar(50) not null") + ", "
                        + USERS_CONSTRAINTS, USERS_COPIED, USERS_COPIED, USERS_INDEX));
    }

    @Test
    void alterColumnIntoNumericAffinityOrColumnDefinitionCasts() {
        Column line = column(SCHEMA, "log", "line");
        // Into NUMERIC affinity (timestamp) no cast: it would keep only the leading number of '2024-05-01'.
        assertSql(sql(new AlterColumn(null, "log", line, col("line", TIMESTAMP).notNull().build()), SCHEMA),
                rebuild("log", "level integer, line timestamp not null", "level, line", "level, line"));
        Column level = column(SCHEMA, "log", "level");
        assertSql(sql(new AlterColumn(null, "log", level, col("level", INTEGER).definition("text collate nocase")
                        .build()), SCHEMA),
                rebuild("log", "level text collate nocase, line varchar(100) not null", "level, line",
                        "level, line"));
    }

    @Test
    void alterColumnToIdentityMakesItTheIntegerRowidAlias() {
        Column id = column(SCHEMA, "orders", "id");
        Column identity = col("id", BIGINT).notNull().identity().build();
        String rest = "total numeric(10,2), user_id bigint not null, constraint pk_orders primary key (id), "
                + "constraint fk_orders_user_id foreign key (user_id) references users (id) on delete cascade";
        String index = "create index ix_orders_user_id on orders (user_id)";
        assertSql(sql(new AlterColumn(null, "orders", id, identity), SCHEMA), rebuild("orders",
                "id integer not null, " + rest, "id, total, user_id", "id, total, user_id", index));
        Schema generated = new SchemaState(SCHEMA).apply(List.of(new AlterColumn(null, "orders", id, identity)))
                .toSchema();
        assertSql(sql(new AlterColumn(null, "orders", identity, id), generated), rebuild("orders",
                "id bigint not null, " + rest, "id, total, user_id", "id, total, user_id", index));
    }

    @Test
    void addAndDropPrimaryKeyAreRebuilds() {
        PrimaryKey pk = new PrimaryKey("pk_log", List.of("line"));
        assertSql(sql(new AddPrimaryKey(null, "log", pk), SCHEMA), rebuild("log",
                "line varchar(100) not null, level integer, constraint pk_log primary key (line)",
                "line, level", "line, level"));
        Schema keyed = with(s -> s.table("log", t -> t.pk("pk_log", "line")));
        assertSql(sql(new DropPrimaryKey(null, "log", pk), keyed), rebuild("log",
                "level integer, line varchar(100) not null", "level, line", "level, line"));
    }

    @Test
    void addAndDropUniqueAreRebuilds() {
        UniqueConstraint unique = new UniqueConstraint("uk_users_name", List.of("name", "birth_year"));
        String withUnique = USERS_COLUMNS + ", constraint pk_users primary key (id), "
                + "constraint uk_users_code unique (code), constraint uk_users_name unique (name, birth_year), "
                + "constraint ck_users_status check (status in ('NEW', 'DONE')), "
                + "constraint fk_users_manager_id foreign key (manager_id) references users (id)";
        assertSql(sql(new AddUnique(null, "users", unique), SCHEMA),
                rebuild("users", withUnique, USERS_COPIED, USERS_COPIED, USERS_INDEX));
        Schema unique2 = with(s -> s.table("users", t -> t.unique("uk_users_name", "name", "birth_year")));
        assertSql(sql(new DropUnique(null, "users", unique), unique2),
                rebuild("users", USERS_COLUMNS + ", " + USERS_CONSTRAINTS, USERS_COPIED, USERS_COPIED, USERS_INDEX));
    }

    @Test
    void addAndDropCheckAreRebuilds() {
        CheckConstraint check = CheckConstraint.between("ck_log_level", "level", 0, 7);
        assertSql(sql(new AddCheck(null, "log", check), SCHEMA), rebuild("log",
                "level integer, line varchar(100) not null, constraint ck_log_level check (level between 0 and 7)",
                "level, line", "level, line"));
        Schema checked = with(s -> s.table("log", t -> t.checkBetween("ck_log_level", "level", 0, 7)));
        assertSql(sql(new DropCheck(null, "log", check), checked), rebuild("log",
                "level integer, line varchar(100) not null", "level, line", "level, line"));
    }

    @Test
    void addAndDropForeignKeyRebuildOnlyTheReferencingTable() {
        Schema before = with(s -> s.table("log", t -> t.col("user_id", BIGINT)));
        ForeignKey fk = new ForeignKey("fk_log_user_id", List.of("user_id"), null, "users", List.of("id"), OnDelete.SET_NULL);
        String columns = "level integer, line varchar(100) not null, user_id bigint";
        assertSql(sql(new AddForeignKey(null, "log", fk), before), rebuild("log", columns
                        + ", constraint fk_log_user_id foreign key (user_id) references users (id) on delete set null",
                "level, line, user_id", "level, line, user_id"));
        Schema referencing = with(s -> s.table("log", t -> {
            t.col("user_id", BIGINT);
            t.fk("fk_log_user_id", List.of("user_id"), "users", List.of("id"), OnDelete.SET_NULL);
        }));
        assertSql(sql(new DropForeignKey(null, "log", fk), referencing),
                rebuild("log", columns, "level, line, user_id", "level, line, user_id"));
    }

    @Test
    void rebuildOfAReferencedTableLeavesTheReferencingTablesAlone() {
        Column code = column(SCHEMA, "users", "code");
        // orders and reviews keep naming users, which exists again once the copy is renamed.
        assertSql(sql(new AlterColumn(null, "users", code, col("code", varchar(40)).notNull().build()), SCHEMA),
                rebuild("users", USERS_COLUMNS.replace("varchar(20)", "varchar(40)") + ", " + USERS_CONSTRAINTS,
                        USERS_COPIED, USERS_COPIED, USERS_INDEX));
        Column total = column(SCHEMA, "orders", "total");
        assertSql(sql(new AlterColumn(null, "orders", total, col("total", BIGINT).build()), SCHEMA),
                guardedRebuild("orders", "id bigint not null, total bigint, user_id bigint not null, "
                                + "constraint pk_orders primary key (id), constraint fk_orders_user_id foreign key "
                                + "(user_id) references users (id) on delete cascade", "id, total, user_id",
                        "id, total, user_id", List.of("total|'integer', 'null'|bigint"),
                        "create index ix_orders_user_id on orders (user_id)"));
    }

    /** The runner sets views and triggers aside from the copy's creation to its rename, and no longer. */
    @Test
    void theRunnerCanTellWhereARebuildBeginsAndEnds() {
        Column total = column(SCHEMA, "orders", "total");
        List<String> statements = sql(new AlterColumn(null, "orders", total, col("total", BIGINT).build()), SCHEMA);
        assertEquals(List.of(statements.get(0)), statements.stream().filter(SqliteDialect::beginsRebuild).toList());
        assertEquals(List.of("alter table _em_new_orders rename to orders"),
                statements.stream().filter(SqliteDialect::endsRebuild).toList());
        assertFalse(SqliteDialect.beginsRebuild("create table _em_rejected_orders_0 (value)"));
        assertTrue(SqliteDialect.endsRebuild("alter table \"_em_new_Order\" rename to \"Order\""));
    }
}
