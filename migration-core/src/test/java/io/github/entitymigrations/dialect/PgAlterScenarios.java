package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.numeric;
import static io.github.entitymigrations.dialect.PgModel.type;
import static io.github.entitymigrations.dialect.PgModel.varchar;
import static io.github.entitymigrations.dialect.PgScenario.named;
import static io.github.entitymigrations.dialect.PgTables.BIGINT;
import static io.github.entitymigrations.dialect.PgTables.INTEGER;
import static io.github.entitymigrations.dialect.PgTables.SETTING;
import static io.github.entitymigrations.dialect.PgTables.create;
import static io.github.entitymigrations.dialect.PgTables.item;

import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.schema.Sequence;
import java.util.ArrayList;
import java.util.List;

/** Golden scenarios for column changes (with the data they convert) and sequences. */
final class PgAlterScenarios {

    private PgAlterScenarios() {
    }

    static List<PgScenario> all() {
        List<PgScenario> all = new ArrayList<>(types());
        all.addAll(nullabilityDefaultsAndIdentity());
        all.addAll(sequences());
        return all;
    }

    /** {@code item.<column>} changes from {@code from} to {@code to}. */
    private static PgScenario.Builder alter(String name, PgModel.Col from, PgModel.Col to) {
        return named(name).given(create(item(from)))
                .when(new AlterColumn(null, "item", from.build(), to.build()));
    }

    static List<PgScenario> types() {
        return List.of(
                alter("widen varchar", col("title", varchar(100)), col("title", varchar(200)))
                        .expect("alter table item alter column title type varchar(200)"),
                alter("varchar to integer casts", col("code", varchar(20)), col("code", INTEGER))
                        .seed("insert into item values (1, '42'), (2, null)")
                        .then("select code from item order by id", "42", "null")
                        .expect("alter table item alter column code type integer using code::integer"),
                alter("integer to varchar needs no cast", col("qty", INTEGER), col("qty", varchar(20)))
                        .seed("insert into item values (1, 5)").then("select qty from item", "5")
                        .expect("alter table item alter column qty type varchar(20)"),
                alter("numeric precision and scale", col("price", numeric(10, 2)), col("price", numeric(12, 4)))
                        .seed("insert into item values (1, 12.34)").then("select price from item", "12.3400")
                        .expect("alter table item alter column price type numeric(12,4)"),
                alter("integer to bigint", col("qty", INTEGER), col("qty", BIGINT))
                        .expect("alter table item alter column qty type bigint"),
                alter("text to jsonb casts", col("payload", type("LONG32VARCHAR")), col("payload", type("JSON")))
                        .seed("insert into item values (1, '{\"a\":1}')").then("select payload from item", "{\"a\": 1}")
                        .expect("alter table item alter column payload type jsonb using payload::jsonb"),
                alter("varchar to uuid casts", col("ref", varchar(36)), col("ref", type("UUID")))
                        .seed("insert into item values (1, '6f1c2a8e-0000-4000-8000-000000000001')")
                        .then("select ref from item", "6f1c2a8e-0000-4000-8000-000000000001")
                        .expect("alter table item alter column ref type uuid using ref::uuid"),
                alter("boolean to integer", col("active", type("BOOLEAN")), col("active", INTEGER))
                        .seed("insert into item values (1, true), (2, false), (3, null)")
                        .then("select active from item order by id", "1", "0", "null")
                        .expect("alter table item alter column active type integer using active::integer"),
                alter("smallint to boolean", col("flag", type("SMALLINT")), col("flag", type("BOOLEAN")))
                        .seed("insert into item values (1, 2), (2, 0), (3, null)")
                        .then("select flag from item order by id", "t", "f", "null")
                        .expect("alter table item alter column flag type boolean using flag <> 0"),
                alter("varchar to a text @Lob (large object)", col("body", varchar(100)), col("body", type("CLOB")))
                        .seed("insert into item values (1, 'héllo'), (2, null)")
                        .then("select convert_from(lo_get(body), 'UTF8') from item order by id", "héllo", "null")
                        .expect("alter table item alter column body type oid "
                                + "using lo_from_bytea(0, convert_to(body, 'UTF8'))"),
                alter("text @Lob back to text", col("body", type("CLOB")), col("body", type("LONG32VARCHAR")))
                        .seed("insert into item values (1, lo_from_bytea(0, convert_to('héllo', 'UTF8')))")
                        .then("select body from item", "héllo")
                        .expect("alter table item alter column body type text using convert_from(lo_get(body), 'UTF8')"),
                alter("bytea to a binary @Lob", col("data", type("VARBINARY")), col("data", type("BLOB")))
                        .seed("insert into item values (1, '\\x0102')").then("select encode(lo_get(data), 'hex') from item", "0102")
                        .expect("alter table item alter column data type oid using lo_from_bytea(0, data)"),
                alter("clob to blob keeps the large objects", col("doc", type("CLOB")), col("doc", type("BLOB")))
                        .expect(),
                alter("nanosecond numeric to interval", col("took", numeric(21, 0)), col("took", type("INTERVAL_SECOND")))
                        .seed("insert into item values (1, 1500000000)").then("select took from item", "00:00:01.5")
                        .expect("alter table item alter column took type interval second(6) "
                                + "using make_interval(secs => took / 1000000000.0)"),
                alter("timestamp to timestamp with time zone", col("at", type("TIMESTAMP")), col("at", type("TIMESTAMP_UTC")))
                        .expect("alter table item alter column at type timestamp(6) with time zone"),
                alter("varchar to nvarchar renders the same type", col("title", varchar(50)),
                        col("title", PgModel.sized("NVARCHAR", 50)))
                        .expect(),
                alter("columnDefinition changes", col("tags", varchar(20)).definition("varchar(20)"),
                        col("tags", varchar(20)).definition("text"))
                        .expect("alter table item alter column tags type text"),
                alter("varchar to a jsonb columnDefinition casts", col("doc", varchar(200)),
                        col("doc", type("OTHER")).definition("jsonb"))
                        .expect("alter table item alter column doc type jsonb using doc::jsonb"),
                named("quoted column of a quoted table").given(create(SETTING)).when(new AlterColumn(null, "AppSetting", col("Key", varchar(50)).quoted().notNull().build(),
                                col("Key", varchar(80)).quoted().notNull().build()))
                        .expect("alter table \"AppSetting\" alter column \"Key\" type varchar(80)"));
    }

    static List<PgScenario> nullabilityDefaultsAndIdentity() {
        return List.of(
                alter("set not null", col("title", varchar(50)), col("title", varchar(50)).notNull())
                        .expect("alter table item alter column title set not null"),
                alter("drop not null", col("title", varchar(50)).notNull(), col("title", varchar(50)))
                        .expect("alter table item alter column title drop not null"),
                alter("set default", col("title", varchar(50)), col("title", varchar(50)).defaultValue("'untitled'"))
                        .expect("alter table item alter column title set default 'untitled'"),
                alter("change default", col("title", varchar(50)).defaultValue("'a'"),
                        col("title", varchar(50)).defaultValue("'b'"))
                        .expect("alter table item alter column title set default 'b'"),
                alter("drop default", col("title", varchar(50)).defaultValue("'a'"), col("title", varchar(50)))
                        .expect("alter table item alter column title drop default"),
                alter("type, default and not null at once", col("amount", varchar(10)).defaultValue("'0'"),
                        col("amount", INTEGER).notNull().defaultValue("0"))
                        .seed("insert into item values (1, '3')").then("select amount from item", "3")
                        .expect("alter table item alter column amount drop default",
                                "alter table item alter column amount type integer using amount::integer",
                                "alter table item alter column amount set default 0",
                                "alter table item alter column amount set not null"),
                alter("add identity to a filled column", col("seq", BIGINT), col("seq", BIGINT).identity())
                        .seed("insert into item values (1, 1), (2, 5)")
                        .then("insert into item (id) values (3) returning seq", "6")
                        .expect("alter table item alter column seq set not null",
                                "alter table item alter column seq add generated by default as identity",
                                "select setval(pg_get_serial_sequence('item', 'seq'), coalesce(max(seq), 0) + 1, false) from item"),
                alter("drop identity", col("seq", BIGINT).identity(), col("seq", BIGINT).notNull())
                        .expect("alter table item alter column seq drop identity"),
                alter("drop identity and not null", col("seq", BIGINT).identity(), col("seq", BIGINT))
                        .expect("alter table item alter column seq drop identity",
                                "alter table item alter column seq drop not null"),
                alter("widen identity", col("seq", INTEGER).identity(), col("seq", BIGINT).identity())
                        .expect("alter table item alter column seq type bigint"),
                named("set a default holding a quote on a quoted table").given(create(SETTING))
                        .when(new AlterColumn(null, "AppSetting", col("value", varchar(200)).build(),
                                col("value", varchar(200)).defaultValue("'x''y'").build()))
                        .expect("alter table \"AppSetting\" alter column value set default 'x''y'"));
    }

    static List<PgScenario> sequences() {
        Sequence seq = new Sequence(null, "order_seq", 1, 50);
        return List.of(
                named("create sequence").when(new CreateSequence(seq))
                        .expect("create sequence order_seq start with 1 increment by 50"),
                named("create sequence starting at zero").when(new CreateSequence(new Sequence(null, "Zero_Seq", 0, 1)))
                        .expect("create sequence zero_seq minvalue 0 start with 0 increment by 1"),
                named("create descending sequence").when(new CreateSequence(new Sequence("app", "down_seq", 0, -1)))
                        .expect("create schema if not exists app",
                                "create sequence app.down_seq maxvalue 0 start with 0 increment by -1"),
                named("drop sequence").given(new CreateSequence(seq)).when(new DropSequence(seq))
                        .expect("drop sequence order_seq"),
                named("alter sequence increment").given(new CreateSequence(seq))
                        .when(new AlterSequence(seq, new Sequence(null, "order_seq", 1, 20)))
                        .then("select nextval('order_seq') + nextval('order_seq')", "22")
                        .expect("alter sequence order_seq increment by 20"),
                named("alter sequence start moves it forward").given(new CreateSequence(seq))
                        .when(new AlterSequence(seq, new Sequence(null, "order_seq", 1000, 50)))
                        .then("select nextval('order_seq')", "1000")
                        .expect("alter sequence order_seq start with 1000",
                                "select setval('order_seq', 1000, false) from order_seq where last_value < 1000"),
                named("alter sequence start down never moves it back").given(new CreateSequence(
                                new Sequence(null, "order_seq", 1000, 50)))
                        .seed("select nextval('order_seq')")
                        .when(new AlterSequence(new Sequence(null, "order_seq", 1000, 50), seq))
                        .then("select nextval('order_seq')", "1050")
                        .expect("alter sequence order_seq start with 1"),
                named("alter sequence start and increment in the default schema").defaultSchema("app")
                        .given(new CreateSequence(seq))
                        .when(new AlterSequence(seq, new Sequence(null, "order_seq", 100, 10)))
                        .expect("alter sequence app.order_seq start with 100 increment by 10",
                                "select setval('app.order_seq', 100, false) from app.order_seq where last_value < 100"));
    }
}
