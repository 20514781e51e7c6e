package io.github.entitymigrations.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A connection to a database server opened on a thread of its own while the migration files are read, for the first
 * operation that needs one: a cold start pays for the driver's classes, the socket and the server's session (a
 * quarter of a second on a small machine) beside the reading instead of after it.
 *
 * <p>It is the connection that operation would have opened, only opened earlier: a connection that could not be
 * opened is reported by {@link #take} exactly as {@link Database#connect()} reports it, without a second attempt
 * (a wrong password is tried once). Taken once; a connection nobody takes within {@link #UNCLAIMED_MILLIS}, or
 * {@link #discard discarded}, is closed on its own thread; a failure nobody asks for within that window is dropped
 * too (the operation then connects anew: the server may be up by then). Not for SQLite, where connecting creates the
 * file and costs next to nothing.
 */
public final class EarlyConnection {

    /** How long an opened connection waits to be taken before it is closed. */
    static final long UNCLAIMED_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final Thread thread;
    private final long unclaimedMillis;
    private Connection connection;
    private Throwable failure;
    private boolean opened;
    /** Taken, or discarded: nobody takes it any more. */
    private boolean claimed;

    private EarlyConnection(Database database, long unclaimedMillis) {
        this.unclaimedMillis = unclaimedMillis;
        this.thread = new Thread(() -> open(database), "entity-migrations-connect");
        this.thread.setDaemon(true);
    }

    /**
     * Starts connecting to {@code database} when it is a server reached by URL (PostgreSQL, MariaDB, MySQL);
     * {@code null} otherwise (SQLite, a {@code DataSource}, a URL of no supported kind).
     */
    public static EarlyConnection start(Database database) {
        return start(database, UNCLAIMED_MILLIS);
    }

    /** As {@link #start(Database)}, closing a connection nobody takes within {@code unclaimedMillis}. */
    static EarlyConnection start(Database database, long unclaimedMillis) {
        if (database.dataSource() != null || database.isSqlite()
                || DatabaseKind.ofUrl(database.url()).isEmpty()) {
            return null;
        }
        EarlyConnection early = new EarlyConnection(database, unclaimedMillis);
        early.thread.start();
        return early;
    }

    private void open(Database database) {
        Connection c = null;
        Throwable error = null;
        try {
            c = database.connect();
        } catch (RuntimeException | Error e) {
            error = e; // for the taker, as connecting then would have thrown it
        }
        synchronized (this) {
            opened = true;
            connection = c;
            failure = error;
            notifyAll();
            long deadline = System.currentTimeMillis() + unclaimedMillis;
            try {
                while (!claimed && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            claimed = true; // from now on an operation opens its own (after a failure too: the server may be up)
            if (connection == null) {
                return; // taken (its taker closes it), closed by discard(), or never opened
            }
            c = connection;
            connection = null;
        }
        close(c);
    }

    /**
     * The connection, waiting for it to be opened; throws what {@link Database#connect()} threw. {@code null} when
     * it was taken before, or closed unclaimed: open one then.
     */
    synchronized Connection take() {
        if (claimed) {
            return null;
        }
        try {
            while (!opened) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            claimed = true;
            notifyAll();
            return null; // the connection, when it comes, is closed by its thread
        }
        claimed = true;
        notifyAll();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        Connection c = connection;
        connection = null;
        return c;
    }

    /** Nobody will take it: closed as soon as it is open (the files could not be read, say). */
    public void discard() {
        Connection c;
        synchronized (this) {
            claimed = true;
            notifyAll();
            c = connection;
            connection = null;
        }
        if (c != null) {
            close(c);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nobody used it: nothing to report
        }
    }
}
