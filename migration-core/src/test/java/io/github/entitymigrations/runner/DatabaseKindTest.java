package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The database kind is chosen once, from the URL; an unsupported one is refused with the supported ones. */
class DatabaseKindTest {

    @Test
    void theUrlChoosesTheKindAndTheKindTheDialect() {
        Database pg = new Database("jdbc:postgresql://127.0.0.1:5432/app", null, null, "App");
        Database sqlite = new Database("jdbc:sqlite:target/app.db", null, null, null);
        assertSame(PostgresKind.INSTANCE, pg.kind());
        assertSame(SqliteKind.INSTANCE, sqlite.kind());
        assertTrue(pg.isPostgres() && !pg.isSqlite() && sqlite.isSqlite() && !sqlite.isPostgres());
        assertEquals(PostgresDialect.NAME, pg.kind().name());
        assertEquals(SqliteDialect.NAME, sqlite.kind().name());
        assertTrue(pg.dialect() instanceof PostgresDialect);
        assertTrue(sqlite.dialect() instanceof SqliteDialect);
        assertEquals(Optional.of(MariaDbKind.MYSQL), DatabaseKind.ofUrl("jdbc:mysql://localhost/app"));
        assertEquals(Optional.of(MariaDbKind.MARIADB), DatabaseKind.ofUrl("jdbc:mariadb://localhost/app"));
        assertEquals(Optional.empty(), DatabaseKind.ofUrl("jdbc:oracle:thin:@localhost:1521/app"));
        assertEquals(Optional.of(PostgresKind.INSTANCE), DatabaseKind.ofProductName("PostgreSQL"));
        assertEquals(Optional.of(SqliteKind.INSTANCE), DatabaseKind.ofProductName("SQLite"));
        assertEquals(Optional.of(MariaDbKind.MYSQL), DatabaseKind.ofProductName("MySQL"));
        assertEquals(Optional.of(MariaDbKind.MARIADB), DatabaseKind.ofProductName("MariaDB"));
        assertEquals(Optional.empty(), DatabaseKind.ofProductName("Oracle"));
        assertEquals("set search_path to app", String.join("", pg.kind().scriptPreamble(pg)));
        assertTrue(sqlite.kind().scriptPreamble(sqlite).isEmpty());
    }

    @Test
    void whatDiffersIsAnsweredByTheKind() {
        assertTrue(PostgresKind.INSTANCE.lockKeepsOtherWritersOut());
        assertFalse(SqliteKind.INSTANCE.lockKeepsOtherWritersOut(), "an application may write to the file");
        assertTrue(PostgresKind.INSTANCE.readOnlyAfterOpen());
        assertFalse(SqliteKind.INSTANCE.readOnlyAfterOpen());
        assertTrue(PostgresKind.INSTANCE.transactionalDdl() && SqliteKind.INSTANCE.transactionalDdl());
        assertTrue(SqliteKind.INSTANCE.notCreatedYet(new Database("jdbc:sqlite:target/no-such-dir/x.db", null, null,
                null)));
        assertFalse(SqliteKind.INSTANCE.notCreatedYet(new Database("jdbc:sqlite::memory:", null, null, null)));
        assertEquals("2024-05-01T12:00:00.100000Z", SqliteKind.APPLIED_AT.format(java.time.Instant.parse(
                "2024-05-01T12:00:00.1Z")), "fixed width");
    }

    /** The hand-written applied_at text is the formatter's, to the microsecond, for any instant. */
    @Test
    void sqlitesAppliedAtTextIsTheFormattersText() {
        java.util.List<java.time.Instant> instants = new java.util.ArrayList<>(java.util.List.of(
                java.time.Instant.EPOCH, java.time.Instant.parse("1969-12-31T23:59:59.999999999Z"),
                java.time.Instant.parse("2024-02-29T00:00:00Z"), java.time.Instant.parse("2026-12-05T03:39:21.5513689Z"),
                java.time.Instant.parse("0000-01-01T00:00:00Z"), java.time.Instant.parse("9999-12-31T23:59:59.999999Z"),
                java.time.Instant.parse("+10000-01-01T00:00:00Z"), java.time.Instant.parse("-0001-06-15T12:00:00.000001Z"),
                java.time.Instant.now()));
        java.util.Random random = new java.util.Random(20261205L);
        for (int i = 0; i < 10_000; i++) {
            instants.add(java.time.Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L,
                    random.nextInt(1_000_000_000)));
        }
        for (java.time.Instant at : instants) {
            assertEquals(SqliteKind.APPLIED_AT.format(at), SqliteKind.appliedAtText(at), at.toString());
        }
    }

    @Test
    void anUnsupportedDatabaseOrAnSqliteSchemaIsRefused() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> new Database("jdbc:h2:mem:app", null, null, null).kind());
        assertEquals("Unsupported database jdbc:h2:mem:app: Entity Migrations supports PostgreSQL "
                + "(jdbc:postgresql:...), SQLite (jdbc:sqlite:...), MariaDB (jdbc:mariadb:...) and MySQL "
                + "(jdbc:mysql:...)", e.getMessage());
        MigrationException schema = assertThrows(MigrationException.class,
                () -> new Database("jdbc:sqlite:app.db", null, null, "app").dialect());
        assertEquals("SQLite has no schemas: remove .schema(...) for jdbc:sqlite:app.db", schema.getMessage());
        try (Advice.InUse maven = Advice.MAVEN.use()) {
            MigrationException inMaven = assertThrows(MigrationException.class,
                    () -> new Database("jdbc:sqlite:app.db", null, null, "app").dialect());
            assertEquals("SQLite has no schemas: remove <schema> (or -Dmigration.schema) for jdbc:sqlite:app.db",
                    inMaven.getMessage());
        }
    }
}
