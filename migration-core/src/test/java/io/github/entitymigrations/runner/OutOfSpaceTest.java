package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The errors each database gives when it runs out of room, as their drivers report them (SQLite's is also met for
 * real in {@link SqliteDiskFullTest}; a full disk cannot be made in a test on the servers).
 */
class OutOfSpaceTest {

    @Test
    void eachDatabasesOutOfSpaceErrorIsKnown() {
        assertTrue(OutOfSpace.is(new SQLException("ERROR: could not extend file \"base/16384/16402\": No space left on "
                + "device", "53100")), "PostgreSQL");
        assertTrue(OutOfSpace.is(new SQLException("The table 'note' is full", "HY000", 1114)), "MariaDB, MySQL");
        assertTrue(OutOfSpace.is(new SQLException("Disk full (/tmp/#sql-1.MAI); waiting for someone to free some "
                + "space...", "HY000", 1021)), "MariaDB, MySQL");
        assertTrue(OutOfSpace.is(new SQLException("Error writing file './db/#sql-alter' (Errcode: 28 \"No space left "
                + "on device\")", "HY000", 3)), "MariaDB, MySQL: the file system's errno");
        assertTrue(OutOfSpace.is(new SQLException("[SQLITE_FULL] Insertion failed because database is full (database "
                + "or disk is full)", null, 13)), "SQLite");
        assertTrue(OutOfSpace.is(new SQLException("batch failed", new SQLException("x", "53100"))), "as a cause");
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(OutOfSpace.is(new SQLException("ERROR: relation \"note\" does not exist", "42P01")));
        assertFalse(OutOfSpace.is(new SQLException("Data truncated for column 'name' at row 2", "01000", 1265)));
        assertFalse(OutOfSpace.is(new SQLException("[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed", null, 275)));
    }
}
