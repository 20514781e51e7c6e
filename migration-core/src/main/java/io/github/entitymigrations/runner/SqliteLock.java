package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * An operating-system lock on a file next to the SQLite database ({@code <database>}{@value #SUFFIX}), held
 * for the whole run. SQLite's own write lock only lasts a transaction, and a run cannot be one transaction
 * ({@code PRAGMA foreign_keys} only works outside one), so without this a {@code -1} could be resolved by
 * two runs at once. A lock table would go stale when its holder is killed; the OS releases a file lock
 * when the process ends, however it ends. The holder writes who it is into the file for waiting runs. The
 * file stays (deleting a lock file others may have open is racy); it is never stale. Within one JVM the
 * runs queue on a semaphore first: closing any channel of a file drops every lock the JVM holds on it.
 */
final class SqliteLock extends DatabaseLock {

    static final String SUFFIX = ".migration-lock";

    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final Semaphore gate;
    private final String database;
    private FileChannel channel;
    private FileLock lock;
    private boolean gated;

    private SqliteLock(Path file, String database) {
        this.file = file;
        this.gate = IN_THIS_JVM.computeIfAbsent(file, f -> new Semaphore(1));
        this.database = database;
    }

    /** The lock of an SQLite database file; {@code null} for an in-memory database (only this run sees it). */
    static SqliteLock of(Database database) {
        Path db = databaseFile(database.url());
        return db == null ? null : new SqliteLock(Path.of(db + SUFFIX).toAbsolutePath().normalize(),
                database.describe());
    }

    static Path databaseFile(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        boolean uri = path.startsWith("file:");
        String query = path.indexOf('?') < 0 ? "" : path.substring(path.indexOf('?'));
        path = uri ? path.substring("file:".length()) : path;
        path = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        if (path.isEmpty() || path.equals(":memory:") || query.contains("mode=memory")) {
            return null;
        }
        return Path.of(uri && path.startsWith("//") ? path.substring(2) : path);
    }

    @Override
    boolean tryAcquire() {
        if (!gate.tryAcquire()) {
            return false;
        }
        gated = true;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            // A region past the end, so the holder's line stays readable where locks are mandatory (Windows).
            lock = channel.tryLock(Long.MAX_VALUE - 1, 1, false);
            if (lock == null) {
                release();
                return false;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(whoAmI().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            release();
            throw new MigrationException("Cannot take the migration lock file " + file + " of " + database + ": "
                    + e.getMessage() + ". Its directory must be writable (SQLite needs that for its journal too)", e);
        }
    }

    private static String whoAmI() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        ProcessHandle self = ProcessHandle.current();
        return "process " + self.pid() + " on " + host + " (" + self.info().command().map(c -> Path.of(c)
                .getFileName().toString()).orElse("java") + "), running migrations since " + Instant.now();
    }

    @Override
    String holder() {
        try {
            String who = Files.readString(file, StandardCharsets.UTF_8).trim();
            return who.isEmpty() ? "another process (lock file " + file + ")" : who + " (lock file " + file + ")";
        } catch (IOException e) {
            return "another process (lock file " + file + ")";
        }
    }

    @Override
    String what() {
        return "the migration lock of " + database;
    }

    @Override
    String howToFree(String holder) {
        return "The operating system releases the lock when its process ends, however it ends, so that process "
                + "is still running: let it finish, or end it.";
    }

    @Override
    public void close() {
        release();
    }

    private void release() {
        try {
            if (channel != null) {
                if (lock != null) {
                    channel.truncate(0);
                }
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            // Closing failed: the OS still drops the lock when this process ends; nothing else to do.
        } finally {
            channel = null;
            lock = null;
            if (gated) {
                gated = false;
                gate.release();
            }
        }
    }
}
