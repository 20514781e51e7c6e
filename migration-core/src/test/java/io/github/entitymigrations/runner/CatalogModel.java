package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.BOOLEAN;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.TIMESTAMP;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static io.github.entitymigrations.runner.MigrationHistory.changed;
import static io.github.entitymigrations.runner.MigrationHistory.column;
import static io.github.entitymigrations.runner.MigrationHistory.sql;
import static io.github.entitymigrations.runner.MigrationHistory.table;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Path;
import java.util.List;

/**
 * A shop's schema, built up over five migrations that together use every kind of operation: tables with
 * every column type, keys, uniques, checks, indexes and foreign keys (cascading, restricting, setting null,
 * referencing itself); sequences; a seeding {@code sql} step; column changes (type with data, nullability,
 * default); renames; adding and dropping every kind of constraint; dropping a sequence and a table.
 * Migrations 0003 and 0004 make SQLite rebuild tables full of rows.
 */
final class CatalogModel {

    /** Queries over the seeded rows whose answers no migration may change (0004 renames; see {@link #rowsAfter}). */
    static final List<String> ROWS = List.of(
            "select id, email, name, balance from customer order by id",
            "select id, customer_id, total, kind, reference from purchase_order order by id",
            "select order_id, line_no, sku, qty, price from order_line order by order_id, line_no",
            "select id, parent_id, level, message from audit_log order by id");

    static final int COUNT = 5;

    private CatalogModel() {
    }

    static MigrationHistory write(Path directory) {
        return write(directory, "");
    }

    /** With the tables in the {@code sql} steps qualified by {@code prefix} ({@code "app."}). */
    static MigrationHistory write(Path directory, String prefix) {
        MigrationHistory h = new MigrationHistory(directory);
        h.add("create catalog",
                new CreateSequence(new Sequence(null, "order_seq", 1, 50)),
                new CreateSequence(new Sequence(null, "legacy_seq", 100, 1)),
                new CreateTable(table("customer", t -> {
                    t.col("id", BIGINT).notNull().identity();
                    t.pk("pk_customer", "id");
                    t.col("email", varchar(200)).notNull();
                    t.col("name", varchar(100));
                    t.col("active", BOOLEAN).notNull().defaultValue("true");
                    t.col("balance", numeric(12, 2)).defaultValue("0");
                    t.col("created_at", TIMESTAMP);
                    t.col("born", ColumnType.of("DATE"));
                    t.col("external_id", ColumnType.of("UUID"));
                    t.unique("uk_customer_email", "email");
                    t.checkExpression("ck_customer_balance", "balance >= 0");
                    t.index("ix_customer_name", "name");
                })),
                new CreateTable(table("purchase_order", t -> {
                    t.id();
                    t.col("customer_id", BIGINT).notNull();
                    t.col("status", varchar(20)).notNull().defaultValue("'NEW'");
                    t.col("total", numeric(10, 2));
                    t.col("priority", ColumnType.of("SMALLINT")).notNull().defaultValue("0");
                    t.col("kind", varchar(10));
                    t.col("reference", varchar(40));
                    t.col("payload", ColumnType.of("JSON"));
                    t.fk("fk_order_customer", List.of("customer_id"), "customer", List.of("id"), OnDelete.CASCADE);
                    t.checkBetween("ck_order_priority", "priority", 0, 3);
                    t.checkIn("ck_order_kind", "kind", "WEB", "SHOP");
                    t.index("ix_order_status", "status");
                    t.uniqueIndex("ux_order_reference", "reference");
                })),
                new CreateTable(table("order_line", t -> {
                    t.col("order_id", BIGINT).notNull();
                    t.col("line_no", INTEGER).notNull();
                    t.pk("pk_order_line", "order_id", "line_no");
                    t.col("sku", ColumnType.ofLength("CHAR", 8)).notNull();
                    t.col("qty", INTEGER).notNull();
                    t.col("price", ColumnType.of("DOUBLE"));
                    t.fk("fk_line_order", List.of("order_id"), "purchase_order", List.of("id"), OnDelete.CASCADE);
                })),
                new CreateTable(table("audit_log", t -> {
                    t.id();
                    t.col("parent_id", BIGINT);
                    t.col("level", varchar(5));
                    t.col("message", ColumnType.of("LONG32VARCHAR"));
                    t.col("logged_at", ColumnType.of("TIMESTAMP_WITH_TIMEZONE"));
                    t.fk("fk_audit_parent", List.of("parent_id"), "audit_log", List.of("id"), OnDelete.SET_NULL);
                })),
                new CreateTable(table("tag", t -> {
                    t.col("name", varchar(50)).notNull();
                    t.pk("pk_tag", "name");
                    t.col("data", ColumnType.ofLength("VARBINARY", 255));
                })));
        h.add("seed data", qualified(prefix, List.of(
                "insert into customer (id, email, name, active, balance) values "
                        + "(1, 'ann@example.com', 'Ann', true, 10.50), (2, 'bob@example.com', 'Bob', false, 0)",
                "insert into purchase_order (id, customer_id, status, total, priority, kind, reference) values "
                        + "(1, 1, 'NEW', 12.50, 1, 'WEB', 'R-1'), (2, 1, 'PAID', 99.99, 2, 'SHOP', 'R-2'), "
                        + "(3, 2, 'NEW', 5.00, 0, null, null)",
                "insert into order_line (order_id, line_no, sku, qty, price) values "
                        + "(1, 1, 'SKU-0001', 2, 3.5), (1, 2, 'SKU-0002', 1, 5.5), (2, 1, 'SKU-0003', 7, 14.0)",
                "insert into audit_log (id, parent_id, level, message) values "
                        + "(1, null, '1', 'created'), (2, 1, '2', 'paid')",
                "insert into tag (name) values ('vip')"),
                List.of("delete from tag", "delete from audit_log", "delete from order_line",
                        "delete from purchase_order", "delete from customer")));
        h.add("alter columns",
                new AlterColumn(null, "purchase_order", h.column("purchase_order", "total"),
                        changed(h.column("purchase_order", "total"), numeric(14, 2), true, null)),
                new AlterColumn(null, "order_line", h.column("order_line", "qty"),
                        changed(h.column("order_line", "qty"), BIGINT, false, null)),
                new AlterColumn(null, "audit_log", h.column("audit_log", "level"),
                        changed(h.column("audit_log", "level"), INTEGER, true, null)),
                new AlterColumn(null, "customer", h.column("customer", "name"),
                        changed(h.column("customer", "name"), varchar(100), false, null)),
                new AlterColumn(null, "purchase_order", h.column("purchase_order", "status"),
                        changed(h.column("purchase_order", "status"), varchar(20), false, "'OPEN'")),
                new AddColumn(null, "customer", column("phone", varchar(30), true, null)),
                new AddColumn(null, "customer", column("loyalty", INTEGER, false, "0")),
                new AddColumn(null, "purchase_order", column("placed_at", TIMESTAMP, false, "CURRENT_TIMESTAMP")),
                new DropColumn(null, "customer", h.column("customer", "born")));
        ForeignKey restrict = new ForeignKey("fk_order_customer_restrict", List.of("customer_id"), null, "customer",
                List.of("id"), OnDelete.RESTRICT);
        h.add("rename and rekey",
                new RenameTable(null, "audit_log", "event_log"),
                new RenameColumn(null, "customer", "name", "full_name"),
                new DropIndex(null, "purchase_order", new Index("ix_order_status", List.of("status"), false)),
                new CreateIndex(null, "purchase_order",
                        new Index("ix_order_status_total", List.of("status", "total"), false)),
                new DropUnique(null, "customer", new UniqueConstraint("uk_customer_email", List.of("email"))),
                new AddUnique(null, "customer", new UniqueConstraint("uk_customer_mail", List.of("email"))),
                new DropCheck(null, "customer", h.table("customer").checks().get(0)),
                new AddCheck(null, "purchase_order", CheckConstraint.expression("ck_order_total", null, "total >= 0")),
                new DropForeignKey(null, "purchase_order", h.table("purchase_order").foreignKeys().get(0)),
                new AddForeignKey(null, "purchase_order", restrict),
                new DropPrimaryKey(null, "order_line", h.table("order_line").primaryKey()),
                new AddPrimaryKey(null, "order_line",
                        new PrimaryKey("pk_order_line_no", List.of("order_id", "line_no"))),
                new AddColumn(null, "event_log", column("customer_id", BIGINT, true, null)),
                new AddForeignKey(null, "event_log", new ForeignKey("fk_event_customer", List.of("customer_id"), null,
                        "customer", List.of("id"), OnDelete.SET_NULL)),
                new AlterSequence(new Sequence(null, "order_seq", 1, 50), new Sequence(null, "order_seq", 1, 10)));
        h.add("clean up",
                new DropSequence(new Sequence(null, "legacy_seq", 100, 1)),
                new DropTable(h.table("tag")),
                qualified(prefix, List.of("update purchase_order set status = 'OPEN' where status = 'NEW'"),
                        List.of("update purchase_order set status = 'NEW' where status = 'OPEN'")));
        return h;
    }

    private static Sql qualified(String prefix, List<String> upgrade, List<String> downgrade) {
        return sql(upgrade.stream().map(q -> qualify(prefix, q)).toList(),
                downgrade.stream().map(q -> qualify(prefix, q)).toList());
    }

    private static String qualify(String prefix, String statement) {
        return statement.replaceAll("\\b(into|from|update) (\\w+)", "$1 " + prefix + "$2");
    }

    /** {@link #ROWS} under the names the schema has after {@code applied} migrations. */
    static List<String> rowsAfter(int applied) {
        if (applied < 4) {
            return ROWS;
        }
        return ROWS.stream().map(q -> q.replace(" name,", " full_name,").replace("audit_log", "event_log")).toList();
    }
}
