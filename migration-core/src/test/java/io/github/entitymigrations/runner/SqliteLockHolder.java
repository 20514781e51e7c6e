package io.github.entitymigrations.runner;

/**
 * Run in a forked JVM by {@link SqliteLockTest}: takes the migration lock of the SQLite database given as
 * the URL, prints {@code locked}, and keeps it until killed (at most a minute).
 */
public final class SqliteLockHolder {

    private SqliteLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        SqliteLock lock = SqliteLock.of(new Database(args[0], null, null, null));
        if (!lock.tryAcquire()) {
            System.exit(2);
        }
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
