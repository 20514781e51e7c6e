package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EarlyConnection}: the connection opened while the files are read is the first operation's, taken once; a
 * connection nobody takes, or one given up, is closed; a connection that cannot be opened is reported as connecting
 * then would report it, after one attempt. Sessions are counted on the server.
 */
class EarlyConnectionTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static Database database() {
        return new Database(PG.jdbcUrl(), null, null, null);
    }

    @Test
    void theConnectionIsTakenOnce() throws Exception {
        EarlyConnection early = EarlyConnection.start(database());
        assertNotNull(early);
        try (Connection c = early.take()) {
            assertNotNull(c);
            assertTrue(c.isValid(5));
            assertEquals(1, sessions());
            assertNull(early.take(), "a second operation opens its own");
        }
        awaitSessions(0);
    }

    @Test
    void aConnectionNobodyTakesIsClosed() throws Exception {
        EarlyConnection early = EarlyConnection.start(database(), 300);
        awaitSessions(1);
        awaitSessions(0);
        assertNull(early.take(), "closed unclaimed: the operation opens its own");
    }

    @Test
    void aConnectionGivenUpIsClosedWhetherOpenYetOrNot() throws Exception {
        EarlyConnection opened = EarlyConnection.start(database());
        awaitSessions(1);
        EarlyConnection early = EarlyConnection.start(database());
        early.discard(); // most likely before it is open: closed once it is
        opened.discard();
        awaitSessions(0);
        for (int i = 0; i < 20; i++) { // and none comes back
            Thread.sleep(50);
            assertEquals(0, sessions());
        }
        assertNull(early.take());
        assertNull(opened.take());
    }

    /** A server that ends every connection at once: the early attempt is reported as connecting would, once. */
    @Test
    void aConnectionThatCannotBeOpenedIsReportedAsConnectingWouldAfterOneAttempt() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        accepted.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Database closing = new Database("jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/db", "app",
                    "Secret-Pw-41", null);

            MigrationException direct = assertThrows(MigrationException.class, closing::connect);
            int perAttempt = accepted.getAndSet(0);
            assertTrue(perAttempt >= 1, "the driver should have reached the server");

            EarlyConnection early = EarlyConnection.start(closing);
            MigrationException taken = assertThrows(MigrationException.class, early::take);
            assertEquals(direct.getMessage(), taken.getMessage());
            assertFalse(taken.getMessage().contains("Secret-Pw-41"), taken.getMessage());
            assertEquals(perAttempt, accepted.get(), "one attempt, not a second one at take()");
            assertNull(early.take());

            // A failure nobody asks for within the window is not kept: the operation then connects anew.
            EarlyConnection stale = EarlyConnection.start(closing, 200);
            Thread.sleep(1500);
            assertNull(stale.take());
        }
    }

    @Test
    void noneForSqliteOrADataSource() {
        Path file = tmp.resolve("app.db");
        assertNull(EarlyConnection.start(new Database("jdbc:sqlite:" + file, null, null, null)));
        assertFalse(Files.exists(file), "connecting would have created the file");
        assertNull(EarlyConnection.start(Database.of(PG.dataSource(), null)));
        assertNull(EarlyConnection.start(new Database("jdbc:h2:mem:x", null, null, null)));
    }

    /** The facade: files that cannot be read leave no session behind; a good load's connection runs the upgrade. */
    @Test
    void theFacadeGivesTheConnectionUpWhenTheFilesCannotBeRead() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        Files.writeString(dir.resolve("0001_broken.json"), "{ \"id\" : ");
        var configured = EntityMigrations.configure().url(PG.jdbcUrl(), null, null).location("filesystem:" + dir)
                .console(Console.SILENT);

        assertThrows(MigrationException.class, configured::load);
        awaitSessions(0);

        Files.writeString(dir.resolve("0001_broken.json"), """
                { "id" : "0001", "message" : "empty", "upgrade" : [ ], "downgrade" : [ ] }
                """);
        EntityMigrations loaded = configured.load();
        awaitSessions(1);
        loaded.upgrade();
        assertEquals("0001", loaded.current());
        awaitSessions(0);
    }

    /** Sessions on the test database other than the counting one. */
    private static int sessions() throws SQLException {
        try (Connection c = PG.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void awaitSessions(int expected) throws Exception {
        await(() -> {
            try {
                return sessions() == expected;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "sessions to be " + expected);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
