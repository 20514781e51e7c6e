package io.github.entitymigrations.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a forked JVM by {@link MariaDbLockTest}: takes the migration lock of the MariaDB or MySQL database given
 * as the URL (as a runner does), prints {@code locked <session id>}, and keeps it until killed (at most a minute).
 */
public final class MariaDbLockHolder {

    private MariaDbLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Database database = new Database(args[0], null, null, null);
        Connection c = database.connect();
        database.kind().prepare(c, Duration.ofSeconds(10));
        if (!MariaDbLock.of(c, database, VersionTable.of(database)).tryAcquire()) {
            System.exit(2);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select connection_id()")) {
            rs.next();
            System.out.println("locked " + rs.getLong(1));
        }
        System.out.flush();
        Thread.sleep(60_000);
    }
}
