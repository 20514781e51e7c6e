package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link CatalogModel} history on a real database: upgrade one migration at a time from base to head,
 * downgrade one at a time to base, upgrade to head again. After every step the schema read back through
 * JDBC metadata is exactly what replaying the applied migrations gives, the version table lists exactly
 * them, no row breaks a foreign key, and the seeded rows are all there, through SQLite's table rebuilds.
 */
class MigratorRoundTripTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyStepUpAndDownLeavesTheSchemaTheMigrationsDescribe(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory history = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(history.chain());
        assertAt(db, history, 0, "before anything");

        List<String> seeded = null;
        for (int i = 1; i <= CatalogModel.COUNT; i++) {
            migrator.upgrade("+1");
            assertAt(db, history, i, "after upgrading to " + id(i));
            if (i == 2) {
                seeded = rows(db, i);
                assertEquals(10, seeded.size(), "seed rows: " + seeded);
            } else if (i > 2) {
                assertEquals(seeded, rows(db, i), "rows after upgrading to " + id(i));
            }
        }
        for (int i = CatalogModel.COUNT - 1; i >= 0; i--) {
            migrator.downgrade("-1", true);
            assertAt(db, history, i, "after downgrading to " + (i == 0 ? "base" : id(i)));
            if (i >= 2) {
                assertEquals(seeded, rows(db, i), "rows after downgrading to " + id(i));
            }
        }
        migrator.upgrade("head");
        assertAt(db, history, CatalogModel.COUNT, "after upgrading to head again");
        assertEquals(seeded, rows(db, CatalogModel.COUNT), "rows after upgrading to head again");
    }

    /**
     * With {@code <schema>app</schema>} every object and the version table go to {@code app} and public stays
     * empty. With the {@code sql} steps' tables qualified ({@code app.customer}) this checks every statement
     * the dialect writes; unqualified, it checks that they mean {@code app}'s tables, as a Flyway user expects
     * from {@code defaultSchema} (which sets the connection's schema while migrating).
     */
    @ParameterizedTest(name = "sql steps qualified: {0}")
    @ValueSource(booleans = {true, false})
    void theWholeHistoryRoundTripsInAConfiguredPostgresSchema(boolean qualified) throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp).inSchema("app");
        MigrationHistory history = CatalogModel.write(tmp.resolve("migrations"), qualified ? "app." : "");
        Migrator migrator = db.migrator(history.chain());
        for (String target : new String[] {"head", "base", "head"}) {
            if (target.equals("head")) {
                migrator.upgrade(target);
            } else {
                migrator.downgrade(target, true);
            }
            int at = target.equals("head") ? CatalogModel.COUNT : 0;
            assertAt(db, history, at, "in schema app after " + target);
            assertEquals(List.of(), db.query("select table_name from information_schema.tables where table_schema = "
                    + "'public' union all select sequence_name from information_schema.sequences where sequence_schema "
                    + "= 'public'"), "nothing in public");
        }
    }

    /** SQLite rebuilt purchase_order (referenced by order_line) twice: the foreign keys still hold and act. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void foreignKeysStillWorkAfterTheTablesTheyReferenceWereChanged(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory history = CatalogModel.write(tmp.resolve("migrations"));
        db.migrator(history.chain()).upgrade("head");

        assertThrows(SQLException.class, () -> db.execute(
                "insert into order_line (order_id, line_no, sku, qty) values (999, 1, 'SKU-9999', 1)"),
                "order_line.order_id must still reference purchase_order");
        assertThrows(SQLException.class, () -> db.execute("delete from customer where id = 1"),
                "fk_order_customer_restrict must refuse deleting a customer with orders");
        db.execute("delete from purchase_order where id = 1");
        assertEquals(List.of("2|1"), db.query("select order_id, line_no from order_line order by order_id"),
                "fk_line_order must still cascade");
        db.execute("delete from event_log where id = 1");
        assertEquals(List.of("2|null"), db.query("select id, parent_id from event_log"),
                "fk_audit_parent (renamed table, referencing itself) must still set null");
        assertEquals(List.of(), db.foreignKeyProblems());

        if (kind == Kind.POSTGRESQL) {
            db.query("select setval(pg_get_serial_sequence('customer', 'id'), 2)"); // the seed gave ids by hand
        }
        db.execute("insert into customer (email, full_name) values ('cy@example.com', 'Cy')");
        assertEquals(List.of("3|0|1"), db.query("select id, loyalty, case when active then 1 else 0 end "
                + "from customer where email = 'cy@example.com'"), "customer.id still generated, defaults still apply");
    }

    /** The type changes of 0003 keep every value, converted, and the downgrade converts them back. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void typeChangesConvertTheValuesBothWays(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(CatalogModel.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("0003");
        assertEquals(List.of("1|1|integer", "2|2|integer"), db.query("select id, level, " + typeOf(kind, "level")
                + " from audit_log order by id"), "level holds numbers now");
        assertEquals(List.of("1|1|2", "1|2|1", "2|1|7"), db.query("select order_id, line_no, qty from order_line "
                + "order by order_id, line_no"));
        migrator.downgrade("-1", true);
        String text = switch (kind) {
            case SQLITE -> "text";
            case POSTGRESQL -> "character varying";
            default -> "varchar";
        };
        assertEquals(List.of("1|1|" + text, "2|2|" + text),
                db.query("select id, level, " + typeOf(kind, "level") + " from audit_log order by id"),
                "level holds text again");
    }

    /** The type of a value as the database stores it. */
    private static String typeOf(Kind kind, String column) {
        return switch (kind) {
            case SQLITE -> "typeof(" + column + ")";
            case POSTGRESQL -> "pg_typeof(" + column + ")::text";
            // MariaDB has no typeof: the column's declared type, read from the catalog on each row.
            default -> "(select case data_type when 'int' then 'integer' else data_type end from "
                    + "information_schema.columns where table_schema = database() and table_name = 'audit_log' and "
                    + "column_name = '" + column + "')";
        };
    }

    private static void assertAt(TestDatabase db, MigrationHistory history, int applied, String when)
            throws SQLException {
        DatabaseSchemaReader.assertSame(db.expected(history.schemaAt(applied)), db.schema(), when);
        List<String> ids = history.chain().migrations().subList(0, applied).stream().map(MigrationFile::id).toList();
        assertEquals(ids, db.appliedIds(), "version rows " + when);
        assertEquals(List.of(), db.foreignKeyProblems(), "rows breaking a foreign key " + when);
        assertEquals(List.of(), db.migrator(history.chain()).drift().differences().stream().map(Object::toString)
                .toList(), "drift " + when);
    }

    private static List<String> rows(TestDatabase db, int applied) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String query : CatalogModel.rowsAfter(applied)) {
            rows.addAll(db.query(query));
        }
        return rows;
    }

    private static String id(int position) {
        return String.format("%04d", position);
    }
}
