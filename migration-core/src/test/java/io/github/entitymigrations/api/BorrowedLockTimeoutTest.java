package io.github.entitymigrations.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.api.Fixtures.Db;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration's {@code "lockTimeout"} is the migration's, not the application's: on a connection lent by the
 * application's DataSource, the pool gets it back with its own {@code lock_timeout}, after transactional and
 * outside-transaction migrations alike.
 */
class BorrowedLockTimeoutTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @Test
    void thePoolsConnectionGetsItsOwnLockTimeoutBack() throws Exception {
        Db.postgres(PG).execute("drop schema if exists public cascade", "create schema public");
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        for (int i = 0; i < 3; i++) {
            Schema from = i == 0 ? new Schema(null, List.of(), List.of())
                    : Fixtures.SCHEMAS.get(i - 1);
            Diff diff = SchemaDiff.diff(from, Fixtures.SCHEMAS.get(i));
            Migration m = new Migration(String.format("%04d", i + 1), i == 0 ? null : String.format("%04d", i),
                    Fixtures.MESSAGES.get(i), diff.upgrade(), diff.downgrade(), diff.warnings(), i == 1, "3s", null);
            Files.writeString(dir.resolve(Fixtures.fileName(i)), MigrationJson.write(m));
        }
        try (Connection c = DriverManager.getConnection(PG.jdbcUrl())) {
            try (Statement s = c.createStatement()) {
                s.execute("set lock_timeout = '7s'");
            }
            OneConnectionDataSource ds = new OneConnectionDataSource(c);
            EntityMigrations m = EntityMigrations.configure().location(dir.toString()).classLoader(Fixtures.NO_SNAPSHOT)
                    .console(Console.SILENT).dataSource(ds).load();
            m.upgrade();
            assertEquals("0003", m.current());
            assertEquals("7s", single(c, "show lock_timeout"), "after an outside-transaction migration with its own");
            m.downgrade("base");
            assertEquals("7s", single(c, "show lock_timeout"));
        }
    }


    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
