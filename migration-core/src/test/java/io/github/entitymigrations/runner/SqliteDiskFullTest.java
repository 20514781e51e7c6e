package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite out of room in the middle of a table's rebuild (a column made NOT NULL copies the table): the disk filling
 * up, here a database capped with {@code max_page_count}, which fails the copy with the same {@code SQLITE_FULL}. The
 * migration must fail as a whole, saying why and what to do, and leave every row and the schema as they were; with
 * room again it runs.
 */
class SqliteDiskFullTest {

    private static final int ROWS = 4000;

    @TempDir
    Path tmp;

    private static Schema notes(boolean bodyRequired) {
        return schema(s -> s.table("note", t -> {
            t.id();
            if (bodyRequired) {
                t.col("body", varchar(300)).notNull();
            } else {
                t.col("body", varchar(300));
            }
        }));
    }

    @Test
    void aRebuildOutOfRoomLeavesEverythingAsItWas() throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"), notes(false), notes(true));
        Path file = tmp.resolve("full.db");
        TestDatabase db = TestDatabase.sqliteFile(file);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");
        db.execute("insert into note (id, body) with recursive n(i) as (select 1 union all select i + 1 from n "
                + "where i < " + ROWS + ") select i, printf('%0300d', i) from n");
        List<String> rows = db.query("select count(*), sum(length(body)), sum(id) from note");
        int pages = Integer.parseInt(db.query("pragma page_count").get(0));

        // Room for a few pages more, not for the copy of the table the rebuild makes.
        TestDatabase capped = TestDatabase.sqliteUrl("jdbc:sqlite:" + file + "?max_page_count=" + (pages + 20));
        Migrator cappedMigrator = capped.migrator(h.chain());
        MigrationException failed = assertThrows(MigrationException.class, () -> cappedMigrator.upgrade("head"));
        assertTrue(failed.getMessage().contains("database or disk is full"), failed.getMessage());
        assertTrue(failed.getMessage().contains("nothing of it was applied"), failed.getMessage());
        assertTrue(failed.getMessage().contains("SQLite ran out of space"), failed.getMessage());
        assertTrue(failed.getMessage().contains("the migration needs no change"), failed.getMessage());

        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "as before the migration");
        assertEquals(rows, db.query("select count(*), sum(length(body)), sum(id) from note"), "every row kept");
        assertEquals(List.of("0001"), db.appliedIds(), "the version table does not record 0002");

        migrator.upgrade("head");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(2), "with room again");
        assertEquals(rows, db.query("select count(*), sum(length(body)), sum(id) from note"));
    }
}
