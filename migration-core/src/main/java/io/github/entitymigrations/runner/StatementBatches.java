package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.Sql;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: a step's statements sent as JDBC batches, in its one transaction. Each run of consecutive statements
 * that return no rows goes to the server as one batch, one round trip instead of one per statement, and the version
 * row's statement ends the last batch. The server runs a batch's statements in order and stops at the first that
 * fails; the driver says which ({@link #failedIndex}), or else {@link NotPlaced} asks the caller to run the step
 * again without batches, so a failure names its statement as when run alone. A {@code sql} operation's statements
 * run one at a time: they may return rows or hold several statements in one string, which a batch would refuse or
 * misnumber.
 */
final class StatementBatches {

    /** How PostgreSQL's driver names the failed statement of a batch, before the statement's text. */
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry ([0-9]+) ");

    /** The failure of the step's statement {@code index}, as the caller reports one. */
    interface Failure {
        MigrationException of(int index, SQLException cause);
    }

    /** A failed batch whose failing statement the driver did not name; the step must run again without batches. */
    static final class NotPlaced extends RuntimeException {
        NotPlaced(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private StatementBatches() {
    }

    /**
     * Runs {@code first} if not {@code null} (a setting of the step's transaction, before its statements: a failure
     * there is {@link NotPlaced}, for the step to run again without it), the step's statements, then
     * {@code versionRow} if not {@code null}.
     *
     * @throws NotPlaced when a batch failed and the driver did not say at which statement
     */
    static void run(Connection c, Step step, String first, String versionRow, Failure failure) throws SQLException {
        int count = 0;
        try (Statement s = c.createStatement()) {
            List<String> batch = new ArrayList<>();
            if (first != null) {
                s.addBatch(first);
                batch.add(first);
            }
            for (Unit unit : step.units()) {
                boolean written = unit.operation() instanceof Sql;
                for (String sql : unit.statements()) {
                    if (!written && returnsNothing(sql)) {
                        s.addBatch(sql);
                        batch.add(sql);
                    } else {
                        execute(s, count - batch.size(), batch, count, failure);
                        try {
                            s.execute(sql);
                        } catch (SQLException e) {
                            throw failure.of(count, e);
                        }
                    }
                    count++;
                }
            }
            int start = count - batch.size();
            if (versionRow != null) {
                s.addBatch(versionRow);
                batch.add(versionRow);
            }
            execute(s, start, batch, count, failure);
        }
    }

    /**
     * Runs the batch, whose first statement is the step's {@code first} of {@code count}; empties it. A statement
     * of the step that fails is reported as such; the version row's statement (after the step's) fails as its own
     * statement would.
     */
    private static void execute(Statement s, int first, List<String> batch, int count, Failure failure)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            s.executeBatch();
        } catch (BatchUpdateException e) {
            int failed = failedIndex(e, batch);
            if (failed < 0) {
                throw new NotPlaced(e);
            }
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if (first + failed >= count) {
                throw cause; // the version row's
            }
            if (first + failed < 0) {
                throw new NotPlaced(cause); // the statement before the step's: the step runs again without it
            }
            throw failure.of(first + failed, cause);
        } catch (SQLException e) {
            throw new NotPlaced(e); // not of one statement (the connection, say): a statement at a time tells
        } finally {
            s.clearBatch();
            batch.clear();
        }
    }

    /**
     * Which statement of {@code batch} failed, or -1 when the driver does not say. In a transaction PostgreSQL's
     * driver marks every statement {@link Statement#EXECUTE_FAILED} (all were rolled back), so only its message
     * tells: "Batch entry 3 &lt;the statement&gt; was aborted: ...", taken only when it names that statement (a
     * translated message, or one without the statement, is not guessed at).
     */
    static int failedIndex(BatchUpdateException e, List<String> batch) {
        Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (!m.lookingAt()) {
            return -1;
        }
        int entry;
        try {
            entry = Integer.parseInt(m.group(1));
        } catch (NumberFormatException tooLong) {
            return -1;
        }
        return entry < batch.size() && e.getMessage().startsWith(batch.get(entry) + " ", m.end()) ? entry : -1;
    }

    /**
     * Whether a statement the dialect rendered returns no rows, so a batch can carry it: it starts with a keyword of
     * DDL or of a data change, and has no {@code returning}. ({@code select setval(...)} returns a row.)
     */
    static boolean returnsNothing(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(i, end).toLowerCase(Locale.ROOT)) {
            case "create", "alter", "drop", "comment" -> true;
            case "insert", "update", "delete" -> !sql.toLowerCase(Locale.ROOT).contains("returning");
            default -> false;
        };
    }
}
