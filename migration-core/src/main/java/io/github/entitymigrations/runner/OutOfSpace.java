package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Advice;
import java.sql.SQLException;

/**
 * A statement that failed because the database ran out of room: its disk full, or a size limit reached (SQLite's
 * {@code SQLITE_FULL}, PostgreSQL's {@code disk_full}, MariaDB's and MySQL's "table is full" and "disk full"). The
 * migration is not at fault, so the error says what to do instead of "fix the migration".
 */
final class OutOfSpace {

    private OutOfSpace() {
    }

    static boolean is(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (
                    "53100".equals(s.getSQLState()) // PostgreSQL: disk_full
                    || s.getErrorCode() == 1114 || s.getErrorCode() == 1021 // MariaDB/MySQL: table full, disk full
                    || said(s, "[SQLITE_FULL]") || said(s, "No space left on device") || said(s, "Errcode: 28"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean said(SQLException e, String text) {
        return e.getMessage() != null && e.getMessage().contains(text);
    }

    /** The line added under what the database said. */
    static String explained(String databaseName) {
        return databaseName + " ran out of space (its disk is full, or a size limit was reached). A table that is "
                + "rebuilt or changes type is copied first, so the database needs free space about that table's size "
                + "beside it.";
    }

    /** What to do, in place of fixing the migration. */
    static String whatToDo() {
        return "Free space for the database (or raise its limit) and "
                + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ": the migration needs no change.";
    }
}
