package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lint()} of the facade: the pending migrations judged for the configured database, nothing changed. */
class LintFacadeTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void lintJudgesThePendingMigrationsForTheDatabase(String kind) throws Exception {
        Db db = Db.of(kind, PG, tmp);
        EntityMigrations m = EntityMigrations.configure().dataSource(db.dataSource())
                .location("filesystem:" + Fixtures.migrations(tmp.resolve("migrations"), 3))
                .classLoader(Fixtures.NO_SNAPSHOT).console(Console.SILENT).load();
        m.upgrade("0001");

        LintReport report = m.lint(Set.of());
        assertEquals(List.of("0002", "0003"), report.migrations());
        // 0002 adds a column to users, which exists: PostgreSQL wants a lock timeout; SQLite adds it in place.
        List<String> rules = report.active().stream().map(Finding::rule).toList();
        assertEquals(kind.equals("postgresql") ? List.of("pg-lock-timeout") : List.of(), rules, report.json());
        assertEquals(List.of(), m.lint(Set.of("pg-lock-timeout")).active());
        assertEquals("0001", m.current(), "lint applies nothing");

        MigrationException unknown = assertThrows(MigrationException.class, () -> m.lint(Set.of("pg-lock")));
        assertTrue(unknown.getMessage().contains("the rules are: drop-table, drop-column"), unknown.getMessage());
    }
}
