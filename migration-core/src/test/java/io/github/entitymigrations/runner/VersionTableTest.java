package io.github.entitymigrations.runner;

import static io.github.entitymigrations.runner.MigrationHistory.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The version table {@value VersionTable#NAME}: created on first use (in the configured schema on
 * PostgreSQL), one row per applied migration with its id, message, file checksum, when, by whom and how long
 * it took; downgrades delete rows, stamps write them without running anything.
 */
class VersionTableTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachAppliedMigrationIsRecordedWithWhatWhenWhoAndHowLong(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        h.add("slow data step", new Sql(Map.of("postgresql", List.of("select pg_sleep(0.3)"), "mariadb",
                List.of("select sleep(0.3)"), "mysql", List.of("select sleep(0.3)"), "sqlite", List.of(
                "with recursive n(x) as (select 1 union all select x + 1 from n where x < 300000) "
                        + "select count(*) from n")),
                Map.of(Sql.ANY_DIALECT, List.of("select 1")), false, List.of()));
        MigrationChain chain = h.chain();
        Instant before = Instant.now();
        db.migrator(chain).upgrade("head");
        Instant after = Instant.now();

        List<Applied> rows = db.versionRows();
        assertEquals(chain.migrations().stream().map(MigrationFile::id).toList(),
                rows.stream().map(Applied::id).toList());
        String user = kind == Kind.POSTGRESQL ? "postgres" : kind.isMariaDb() ? "root" : System.getProperty("user.name");
        for (int i = 0; i < rows.size(); i++) {
            Applied row = rows.get(i);
            MigrationFile file = chain.migrations().get(i);
            assertEquals(file.migration().message(), row.message(), row.id());
            assertEquals(Checksums.of(file.migration()), row.checksum(), row.id());
            assertTrue(row.checksum().matches("[0-9a-f]{64}"), row.checksum());
            Instant at = row.appliedAt();
            assertTrue(!at.isBefore(before.minusSeconds(1)) && !at.isAfter(after.plusSeconds(1)), row.toString());
            assertEquals(user, row.appliedBy(), row.id());
            assertFalse(row.stamped(), row.id());
            assertTrue(row.executionMs() >= 0, row.id());
        }
        Applied slow = rows.get(rows.size() - 1);
        // A server's sleep is timed by its own clock and may end a moment before 300 ms of ours (MariaDB's
        // SLEEP(0.3) was once recorded as 299 ms): the row must show the sleep, not its exact length.
        assertTrue(slow.executionMs() >= (kind == Kind.SQLITE ? 1 : 250), "execution_ms of the slow step: "
                + slow.executionMs());
        assertTrue(!rows.get(0).appliedAt().isAfter(slow.appliedAt()),
                "applied in order");
    }

    /**
     * A message is recorded exactly as written, whatever it holds (on PostgreSQL the row is written as a statement of
     * literals in the batch with the migration's statements), cut at 1,000 characters; going down deletes just the
     * reverted migration's row.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMessageOfAnyTextIsRecordedAsItIs(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        String hostile = "it's \\' a \\\\back\\slash '' E'x' $$ $em$ {fn now()} {d '2020-01-01'} ? ; -- /* */ \n\ttab "
                + "\u00fcn\u00efc\u00f8d\u00e9 \uD83D\uDE42 '); drop table customer; --";
        String longer = hostile + "x".repeat(998 - hostile.length()) + "\\'" + "y".repeat(200); // cut between \\ and '
        h.add(hostile, new CreateTable(table("note_a", t -> t.id())), new CreateTable(table("note_b", t -> t.id())));
        h.add(longer, new Sql(Map.of(Sql.ANY_DIALECT, List.of("create table note_c (id int)")),
                Map.of(Sql.ANY_DIALECT, List.of("drop table note_c")), false, List.of()));
        MigrationChain chain = h.chain();
        Migrator migrator = db.migrator(chain);
        migrator.upgrade("head");
        List<Applied> rows = db.versionRows();
        assertEquals(chain.migrations().size(), rows.size());
        assertEquals(hostile, rows.get(rows.size() - 2).message());
        assertEquals(longer.substring(0, 1000), rows.get(rows.size() - 1).message());
        assertEquals(1, db.query("select count(*) from customer").size(), "nothing in a message runs");
        migrator.downgrade("-1", true);
        assertEquals(rows.subList(0, rows.size() - 1).stream().map(Applied::id).toList(),
                db.versionRows().stream().map(Applied::id).toList());
        assertEquals(hostile, db.versionRows().get(rows.size() - 2).message());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTableHasTheDocumentedColumnsAndKey(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        assertFalse(db.hasVersionTable(), "created on first use, not before");
        db.migrator(CatalogModel.write(tmp.resolve("migrations")).chain()).upgrade("+1");
        List<String> columns = new ArrayList<>();
        try (Connection c = db.connect()) {
            DatabaseMetaData meta = c.getMetaData();
            // MariaDB's and MySQL's drivers call a database a catalog.
            String catalog = kind.isMariaDb() ? c.getCatalog() : null;
            String schema = kind.isMariaDb() ? null : c.getSchema();
            try (ResultSet rs = meta.getColumns(catalog, schema, VersionTable.NAME, "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, VersionTable.NAME)) {
                assertTrue(rs.next(), "a primary key");
                assertEquals("id", rs.getString("COLUMN_NAME"));
            }
        }
        assertEquals(List.of("applied_at", "applied_by", "checksum", "execution_ms", "id", "message", "stamped"),
                columns.stream().sorted().toList());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void downgradesDeleteRowsAndStampsWriteThemWithoutRunning(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("0003");
        List<Applied> applied = db.versionRows();
        migrator.downgrade("-1", true);
        assertEquals(applied.subList(0, 2), db.versionRows(), "the reverted row is gone, the rest untouched");

        migrator.stamp("head", true); // the version rows are the subject here, not the schema: unverified
        List<Applied> stamped = db.versionRows();
        assertEquals(List.of("0001", "0002", "0003", "0004", "0005"), stamped.stream().map(Applied::id).toList());
        for (Applied row : stamped) {
            assertEquals(0, row.executionMs(), "a stamp runs nothing: " + row);
            assertTrue(row.stamped(), "marked as stamped: " + row);
            assertEquals(kind == Kind.POSTGRESQL ? "postgres" : kind.isMariaDb() ? "root" : System.getProperty("user.name"),
                    row.appliedBy(),
                    "the user as it is, no suffix");
            assertEquals(Checksums.of(h.chain().migrations().get(Integer.parseInt(row.id()) - 1).migration()),
                    row.checksum());
        }
        DatabaseSchemaReader.assertSame(db.expected(h.schemaAt(2)), db.schema(), "after stamping: schema untouched");
        migrator.stamp("base", true);
        assertEquals(List.of(), db.versionRows());
        assertTrue(db.hasVersionTable(), "stamp base keeps the (empty) table");
    }

    /** With a schema configured, the version table and every object go there, nothing into public. */
    @Test
    void onPostgresTheConfiguredSchemaHoldsTheVersionTableAndTheTables() throws Exception {
        TestDatabase db = TestDatabase.open(Kind.POSTGRESQL, PG, tmp);
        db.execute("drop schema if exists app cascade");
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        h.add("create things", new CreateTable(table("thing", t -> t.id())));
        Database app = new Database(PG.jdbcUrl(), null, null, "app");
        new Migrator(app, h.chain(), Console.SILENT).upgrade("head");

        assertEquals(List.of("app|entity_migrations_history", "app|thing"), db.query("select table_schema, table_name "
                + "from information_schema.tables where table_schema in ('app', 'public') order by 1, 2"));
        assertEquals(List.of("0001"), db.query("select id from app.entity_migrations_history"));
        assertEquals("0001", new Migrator(app, h.chain(), Console.SILENT).current());
        assertEquals("base", db.migrator(h.chain()).current(), "public has no version table");
    }
}
