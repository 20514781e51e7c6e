package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.dialect.SqliteGolden.SQLITE;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_CONSTRAINTS;
import static io.github.entitymigrations.dialect.SqliteGolden.USERS_INDEX;
import static io.github.entitymigrations.dialect.SqliteGolden.assertSql;
import static io.github.entitymigrations.dialect.SqliteGolden.rebuild;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of several changes to one SQLite table rendered as one rebuild ({@link SqliteRebuildBatch}):
 * which consecutive operations {@code together} groups, and the one create, copy, drop, rename and index
 * re-creation they share.
 */
class SqliteRebuildBatchGoldenTest {

    private static final Column CODE = column(SCHEMA, "users", "code");
    private static final Column NAME = column(SCHEMA, "users", "name");
    private static final Column YEAR = column(SCHEMA, "users", "birth_year");
    private static final AlterColumn WIDER_CODE = new AlterColumn(null, "users", CODE,
            col("code", varchar(40)).notNull().build());
    private static final AlterColumn LONGER_NAME = new AlterColumn(null, "users", NAME,
            col("name", varchar(200)).build());
    private static final AlterColumn YEAR_AS_TEXT = new AlterColumn(null, "users", YEAR,
            col("birth_year", varchar(4)).build());

    /** The schema before each operation and after the last. */
    private static List<Schema> schemas(Schema start, List<Operation> ops) {
        List<Schema> all = new ArrayList<>(List.of(start));
        SchemaState state = new SchemaState(start);
        for (Operation op : ops) {
            op.applyTo(state);
            all.add(state.toSchema());
        }
        return all;
    }

    /** Asserts that all of {@code ops} form one batch and returns its statements. */
    private static List<String> batch(Schema start, Operation... ops) {
        List<Operation> list = List.of(ops);
        List<Schema> schemas = schemas(start, list);
        assertEquals(ops.length, SQLITE.together(list, schemas, 0), "one batch of all " + ops.length);
        return SQLITE.render(list, schemas.get(0), schemas.get(ops.length));
    }

    @Test
    void threeAlteredColumnsAreOneRebuildWithTheIndexCreatedOnce() {
        String columns = "id integer not null, birth_year varchar(4), code varchar(40) not null, manager_id bigint, "
                + "name varchar(200), status varchar(10) default 'NEW' not null";
        String copied = "id, birth_year, code, manager_id, name, status";
        assertSql(batch(SCHEMA, WIDER_CODE, LONGER_NAME, YEAR_AS_TEXT),
                rebuild("users", columns + ", " + USERS_CONSTRAINTS, copied, copied, USERS_INDEX));
    }

    @Test
    void theDowngradeIsOneRebuildToo() {
        List<Operation> up = List.of(WIDER_CODE, LONGER_NAME, YEAR_AS_TEXT);
        Schema after = schemas(SCHEMA, up).get(3);
        List<Operation> down = List.of(YEAR_AS_TEXT.reverse(), LONGER_NAME.reverse(), WIDER_CODE.reverse());
        List<String> statements = batch(after, down.toArray(Operation[]::new));
        assertEquals(1, statements.stream().filter(SqliteDialect::beginsRebuild).count(), String.join("\n", statements));
        assertEquals("create table _em_new_users (" + SqliteGolden.USERS_COLUMNS + ", " + USERS_CONSTRAINTS + ")",
                statements.get(0), "back to the table as it was");
        // birth_year goes back from text to integer: the one merged check names the step that changes it.
        assertEquals("insert into temp._em_rejected_users (value) select case when typeof(birth_year) not in "
                + "('integer', 'null') then 'value ' || quote(birth_year) || ' in users.birth_year cannot become "
                + "integer (" + YEAR_AS_TEXT.reverse().describe() + ")' end from _em_new_users where typeof(birth_year) "
                + "not in ('integer', 'null') limit 1", statements.get(4));
    }

    @Test
    void conversionsIntoNumbersAreCheckedByOneQueryNamingTheColumnAndItsOperation() {
        Schema before = schema(s -> s.table("items", t -> {
            t.id();
            t.col("qty", varchar(10));
            t.col("price", varchar(20));
            t.col("legacy", INTEGER);
        }));
        Column qty = column(before, "items", "qty");
        Column price = column(before, "items", "price");
        Column legacy = column(before, "items", "legacy");
        AlterColumn toInteger = new AlterColumn(null, "items", qty, col("qty", INTEGER).build());
        AlterColumn toDouble = new AlterColumn(null, "items", price, col("price", ColumnType.of("DOUBLE")).build());
        AlterColumn toText = new AlterColumn(null, "items", legacy, col("legacy", varchar(20)).build());
        String q = "typeof(qty) not in ('integer', 'null')";
        String p = "typeof(price) not in ('integer', 'real', 'null')";
        assertSql(batch(before, toInteger, toDouble, toText),
                "create table _em_new_items (id bigint not null, legacy varchar(20), price double precision, qty integer, "
                        + "constraint pk_items primary key (id))",
                "insert into _em_new_items (id, legacy, price, qty) select id, legacy, price, qty from items",
                "create temp table _em_rejected_items (value)",
                "create temp trigger _em_convert_items before insert on _em_rejected_items begin select "
                        + "raise(abort, new.value); end",
                "insert into temp._em_rejected_items (value) select case when " + p + " then 'value ' || quote(price) "
                        + "|| ' in items.price cannot become double precision (" + toDouble.describe() + ")' when " + q
                        + " then 'value ' || quote(qty) || ' in items.qty cannot become integer ("
                        + toInteger.describe() + ")' end from _em_new_items where " + p + " or " + q + " limit 1",
                "drop table temp._em_rejected_items",
                "drop table items",
                "alter table _em_new_items rename to items");
    }

    @Test
    void aDroppedColumnIsLeftBehindAndAnAddedOneGetsItsDefault() {
        String columns = "id integer not null, code varchar(40) not null, manager_id bigint, name varchar(200), "
                + "rank integer default 1 not null, status varchar(10) default 'NEW' not null";
        String copied = "id, code, manager_id, name, status";
        assertSql(batch(SCHEMA, WIDER_CODE, new DropColumn(null, "users", YEAR),
                        new AddColumn(null, "users", col("rank", INTEGER).notNull().defaultValue("1").build()),
                        LONGER_NAME),
                rebuild("users", columns + ", " + USERS_CONSTRAINTS, copied, copied, USERS_INDEX));
    }

    @Test
    void aForeignKeyAndACheckJoinTheAlterationInTheNewDefinition() {
        Column total = column(SCHEMA, "orders", "total");
        ForeignKey reviewer = new ForeignKey("fk_orders_reviewer", List.of("reviewer_id"), null, "users",
                List.of("id"), OnDelete.SET_NULL);
        assertSql(batch(SCHEMA, new AlterColumn(null, "orders", total, col("total", numeric(12, 2)).build()),
                        new AddColumn(null, "orders", col("reviewer_id", BIGINT).build()),
                        new AddForeignKey(null, "orders", reviewer),
                        new AddCheck(null, "orders", CheckConstraint.expression("ck_orders_total", null, "total >= 0"))),
                rebuild("orders", "id bigint not null, reviewer_id bigint, total numeric(12,2), user_id bigint not null, "
                                + "constraint pk_orders primary key (id), constraint ck_orders_total check (total >= 0), "
                                + "constraint fk_orders_reviewer foreign key (reviewer_id) references users (id) on "
                                + "delete set null, constraint fk_orders_user_id foreign key (user_id) references users "
                                + "(id) on delete cascade", "id, total, user_id", "id, total, user_id",
                        "create index ix_orders_user_id on orders (user_id)"));
    }

    /** SQLite renames the column first, so other tables' foreign keys, views and triggers follow it. */
    @Test
    void aRenameInsideTheBatchRunsFirstAndTheCopyReadsTheNewName() {
        AlterColumn longerFullName = new AlterColumn(null, "users", col("full_name", varchar(100)).build(),
                col("full_name", varchar(200)).build());
        String columns = "id integer not null, birth_year integer, code varchar(40) not null, full_name varchar(200), "
                + "manager_id bigint, status varchar(10) default 'NEW' not null";
        String copied = "id, birth_year, code, full_name, manager_id, status";
        List<String> expected = new ArrayList<>(List.of("alter table users rename column name to full_name"));
        expected.addAll(List.of(rebuild("users", columns + ", " + USERS_CONSTRAINTS, copied, copied,
                "create index ix_users_name on users (full_name)")));
        assertSql(batch(SCHEMA, WIDER_CODE, new RenameColumn(null, "users", "name", "full_name"), longerFullName),
                expected.toArray(String[]::new));
    }

    @Test
    void anIndexCreatedOnAnAlteredColumnInsideTheBatchIsCreatedWithTheOthers() {
        Index byCode = new Index("ix_users_code_year", List.of("code", "birth_year"), false);
        List<String> statements = batch(SCHEMA, WIDER_CODE, new CreateIndex(null, "users", byCode), YEAR_AS_TEXT);
        assertEquals(List.of("create index ix_users_code_year on users (code, birth_year)", USERS_INDEX),
                statements.subList(statements.size() - 2, statements.size()));
    }

    @Test
    void whatEndsABatch() {
        Column total = column(SCHEMA, "orders", "total");
        AlterColumn ordersTotal = new AlterColumn(null, "orders", total, col("total", numeric(12, 2)).build());
        AlterColumn codeAgain = new AlterColumn(null, "users", WIDER_CODE.to(), col("code", varchar(60)).notNull()
                .build());
        Index byCode = new Index("ix_users_code2", List.of("code"), false);
        // another table between; a second change to an altered column; a rename whose new name the old table holds.
        assertEquals(1, together(WIDER_CODE, ordersTotal, LONGER_NAME));
        assertEquals(2, together(WIDER_CODE, LONGER_NAME, codeAgain));
        assertEquals(1, together(WIDER_CODE, new DropColumn(null, "users", YEAR),
                new RenameColumn(null, "users", "name", "birth_year"), new AlterColumn(null, "users",
                        col("birth_year", varchar(100)).build(), col("birth_year", varchar(200)).build())));
        // only one change needs a rebuild: nothing to share; a native change first stays on its own.
        assertEquals(1, together(WIDER_CODE, new CreateIndex(null, "users", byCode)));
        assertEquals(1, together(new CreateIndex(null, "users", byCode), WIDER_CODE, LONGER_NAME));
        // native changes after the last rebuild stay outside it.
        assertEquals(2, together(WIDER_CODE, LONGER_NAME, new CreateIndex(null, "users", byCode)));
    }

    private static int together(Operation... ops) {
        List<Operation> list = List.of(ops);
        return SQLITE.together(list, schemas(SCHEMA, list), 0);
    }
}
