package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code current} and {@code history} with an applied migration's file deleted (an older branch checked
 * out): they report where the database really is, per its version table, and the missing file; never the
 * newest file as if it were the head the database is at.
 */
class HistoryWithMissingFileTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNewestAppliedMigrationsFileIsGone(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = history();
        LoggedMigrations.prepare(db, h.chain());
        db.migrator(h.chain()).upgrade("head");
        Files.delete(h.files().get(4));

        RecordingConsole console = new RecordingConsole();
        String current = db.migrator(h.chain(), console).current();
        assertEquals("0005 (applied, but its file is missing: restore it from version control)", current);
        assertEquals(1, console.count("Migration 0005 (\"step 5\") was applied on "), console.toString());

        List<String> lines = db.migrator(h.chain()).history();
        String all = String.join("\n", lines);
        assertEquals("current: 0005 (applied, but its file is missing: restore it from version control)",
                lines.get(lines.size() - 1), all);
        assertTrue(lines.get(4).startsWith("0005  applied ") && lines.get(4).endsWith("step 5  (its file is missing)"),
                all);
        assertFalse(all.contains("(head)"), all);
    }

    private MigrationHistory history() {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (int i = 1; i <= 5; i++) {
            h.add("step " + i, MigrationHistory.sql(List.of("select " + i), List.of("select " + i)));
        }
        return h;
    }
}
