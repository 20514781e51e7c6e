package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Step} that cannot run in one transaction (DDL on MariaDB or MySQL, which commit each DDL statement
 * at once; a migration marked {@code outsideTransaction}) unit by unit, recording each in the {@link UndoJournal}.
 * When a statement fails, the units already applied are undone, newest first, with the reverse of each operation,
 * so the database is back where it was; then the original error is thrown, saying what was undone. A unit that
 * runs in a transaction of its own ({@link Unit#transactional()}) leaves nothing when it fails. A unit of several
 * statements with an inverse for each ({@link Unit#inverses()}) is undone statement by statement, whether it failed
 * in their middle or was applied, with the live schema's state recorded between them ({@link LiveState}) so that a
 * kill at any point can be undone by the next run; any other unit that had run some of its statements is not
 * undone (its reverse is written for the whole operation) and is reported as what stays. Undoing stops at a unit
 * that has no reverse or whose undo fails; the error then lists precisely what stays applied and how to finish.
 */
final class UnitRun {

    private final Dialect dialect;
    private final VersionTable versions;
    private final UndoJournal journal;
    private final String databaseName;

    UnitRun(Dialect dialect, VersionTable versions, UndoJournal journal, String databaseName) {
        this.dialect = dialect;
        this.versions = versions;
        this.journal = journal;
        this.databaseName = databaseName;
    }

    /** Runs every unit of {@code step}, leaving the connection in auto-commit; the caller writes the version row. */
    void run(Connection c, Step step) throws SQLException {
        c.setAutoCommit(true);
        SqliteDependents dependents = versions.kind().dependents(step);
        List<Unit> applied = new ArrayList<>();
        int offset = 0;
        for (Unit unit : step.units()) {
            // Statements committed one by one, each with its inverse: the live schema is recorded before the first
            // and after each, so that the run after a kill in their middle can tell how far they got.
            List<String> states = byStatement(unit) ? new ArrayList<>() : null;
            if (states != null) {
                states.add(LiveState.of(c, dialect, versions, unit.after()));
            }
            journal.started(c, step, unit, states);
            int ran = 0;
            boolean recording = false;
            List<String> statements = unit.statements();
            try {
                c.setAutoCommit(!unit.transactional());
                for (; ran < statements.size(); ran++) {
                    execute(c, dependents, statements.get(ran));
                    if (states != null) {
                        recording = true;
                        states.add(LiveState.of(c, dialect, versions, unit.after()));
                        journal.ran(c, step, unit, ran + 1, states);
                        recording = false;
                    }
                }
                if (states == null) { // else the last statement's state marked it applied
                    journal.mark(c, step.id(), unit.number(), UndoJournal.APPLIED);
                }
                if (unit.transactional()) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                boolean rolledBack = unit.transactional();
                if (rolledBack) {
                    rollBack(c, e);
                }
                if (ran == statements.size() || recording) {
                    throw e; // the journal itself failed: the next run finds the row and sorts it out
                }
                String reason = databaseName + " said: " + e.getMessage();
                if (OutOfSpace.is(e)) {
                    reason += "\n  " + OutOfSpace.explained(databaseName);
                }
                if (step.outsideTransaction()) {
                    String cleaned = InvalidIndex.dropLeftBy(c, statements.get(ran), e);
                    reason = cleaned == null ? reason : reason + "\n  " + cleaned;
                }
                int partial = rolledBack ? 0 : ran;
                String partUndone = null;
                if (partial > 0 && unit.inverses() != null) {
                    int ranBefore = partial;
                    partial = undoPart(c, unit, partial, e);
                    if (partial == 0) {
                        partUndone = (ranBefore == 1 ? "the statement of " : "the " + ranBefore + " statements of ")
                                + unit.describe() + " that had run, each by its inverse";
                    } else {
                        reason += "\n  Undoing the statements of the step that ran, newest first, failed at the "
                                + "inverse of statement " + partial + " (" + databaseName + " said: "
                                + e.getSuppressed()[e.getSuppressed().length - 1].getMessage() + ")";
                    }
                }
                Undo undo = undo(c, step, applied, unit, partial, partUndone, e);
                String where = "Migration " + step.label() + " (" + step.file().fileName() + ") failed at statement "
                        + (offset + ran + 1) + " of " + step.statements().size() + (step.upgrade() ? "" : " of its "
                        + "downgrade") + ", in " + unit.describe() + ":\n    " + statements.get(ran) + "\n  " + reason
                        + "\n";
                if (LockBlockers.isLockTimeout(e)) {
                    throw LockTimeoutFailure.of(c, step, offset + ran, reason, e, undo.report());
                }
                throw new MigrationException(where + undo.report(), e);
            }
            applied.add(unit);
            offset += statements.size();
        }
    }

    /** Whether {@code unit} runs several statements outside a transaction, each with its own inverse. */
    static boolean byStatement(Unit unit) {
        return unit.inverses() != null && !unit.transactional() && unit.after() != null;
    }

    private void execute(Connection c, SqliteDependents dependents, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (dependents != null) {
                dependents.before(c, sql);
            }
            s.execute(sql);
        }
        if (dependents != null) {
            dependents.after(c, sql);
        }
    }

    /**
     * What undoing found: the units undone (newest first), the one it stopped at (and why), and the failing
     * unit's statements that ran and stay.
     */
    record Undo(Step step, Unit failing, int partial, String partUndone, List<Unit> undone, List<Unit> stayed,
                int stayedPartly, String stoppedBecause, boolean transactionalDdl, boolean outOfSpace) {

        /** What to do once the database is back as before the migration. */
        private String fix() {
            return outOfSpace ? OutOfSpace.whatToDo()
                    : "Fix the migration (or the data) and " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ".";
        }

        String report() {
            StringBuilder s = new StringBuilder();
            s.append(transactionalDdl || step.outsideTransaction() ? "It runs outside a transaction"
                    : "The database commits each DDL statement at once");
            if (undone.isEmpty() && stayed.isEmpty() && partial == 0 && partUndone == null) {
                s.append(", but nothing of it had been applied");
                if (failing.statements().size() > 1 && failing.transactional()) {
                    s.append(" (").append(failing.describe()).append(" ran in a transaction of its own, rolled back)");
                }
                return s.append(": ").append(asBefore()).append(" ").append(fix()).toString();
            }
            s.append(", so the runner undid the steps it had applied, newest first");
            List<String> all = new ArrayList<>();
            if (partUndone != null) {
                all.add(partUndone);
            }
            undone.forEach(u -> all.add(u.operation().describe()));
            s.append(all.isEmpty() ? ": none could be undone" : ": undone: " + String.join(", ", all));
            s.append(".");
            List<String> lost = undone.stream().filter(u -> u.operation().isDestructive()).map(Unit::describe).toList();
            if (!lost.isEmpty()) {
                s.append(" Undoing ").append(String.join(", ", lost)).append(" brought back its structure, not the "
                        + "values it removed.");
            }
            if (stayed.isEmpty() && partial == 0) {
                return s.append(" ").append(asBefore()).append(" ").append(fix()).toString();
            }
            s.append("\n").append(stayedReport());
            return s.toString();
        }

        private static String statements(int upTo) {
            return upTo == 1 ? "statement 1 of " : "statements 1 to " + upTo + " of ";
        }

        private String asBefore() {
            return step.upgrade() ? "The database is as before the migration and the version table does not record it."
                    : "The database is as before the downgrade: still at " + step.id() + ", which the version table "
                    + "still records.";
        }

        private String stayedReport() {
            StringBuilder s = new StringBuilder();
            if (stoppedBecause != null) {
                s.append("Undoing stopped at ").append(stayed.get(stayed.size() - 1).describe()).append(": ")
                        .append(stoppedBecause).append(".\n");
            }
            List<String> still = new ArrayList<>(stayed.stream().map(Unit::describe).toList());
            if (stayedPartly > 0) {
                still.set(stayed.size() - 1, statements(stayedPartly) + stayed.get(stayed.size() - 1).describe()
                        + " (its other statements were undone one by one)");
            }
            if (partial > 0) {
                still.add(statements(partial) + failing.describe() + (failing.inverses() != null
                        ? " (undoing them one by one failed, as said above)"
                        : " (a step run in part is not undone: its reverse is written for the whole step)"));
            }
            s.append(step.upgrade() ? "Still applied: " : "Still reverted: ").append(String.join(", ", still))
                    .append(step.upgrade() ? ". The version table does not record " : ". The version table still "
                    + "records ").append(step.id()).append(".");
            List<String> byHand = new ArrayList<>();
            for (int i = stayed.size() - 1; i >= 0; i--) {
                Unit u = stayed.get(i);
                if (i == stayed.size() - 1 && stayedPartly > 0) {
                    byHand.addAll(inversesByHand(u.inverses(), stayedPartly));
                } else if (u.undo() != null) {
                    u.undo().forEach(sql -> byHand.add(sql + ";"));
                }
            }
            if (!byHand.isEmpty()) {
                s.append(" Their generated undo, newest first:\n    ").append(String.join("\n    ", byHand));
            }
            String back = step.upgrade() ? "before " + step.id() : "at " + step.id();
            String done = step.upgrade() ? step.id() : step.file().migration().parent() == null ? "base"
                    : step.file().migration().parent();
            s.append("\nTo finish: either undo these by hand (the database is then ").append(back).append(") and ")
                    .append(Advice.current().phrase(Advice.Phrase.RUN_AGAIN)).append(", or do the migration's "
                    + "remaining steps by hand and record it with ")
                    .append(Advice.current().command(Advice.Goal.STAMP, Advice.target(done))).append(".");
            return s.toString();
        }
    }

    /**
     * Undoes {@code applied}, newest first, after {@code failing} failed with {@code partial} of its statements run
     * (and kept); the journal rows of the migration are removed once the outcome is known, as the error reports
     * it (a row is left only if the journal cannot be written: the next run then finishes the undoing).
     */
    private Undo undo(Connection c, Step step, List<Unit> applied, Unit failing, int partial, String partUndone,
                      SQLException cause) {
        List<Unit> undone = new ArrayList<>();
        String stopped = null;
        int stayedPartly = 0;
        int i = applied.size() - 1;
        try {
            if (partial == 0) {
                journal.remove(c, step.id(), failing.number());
            }
            for (; i >= 0; i--) {
                Unit u = applied.get(i);
                if (u.undo() == null) {
                    stopped = "it cannot be undone automatically (" + u.noUndo() + ")";
                    break;
                }
                try {
                    if (byStatement(u)) {
                        // Each statement by its own inverse, newest first: a kill meanwhile leaves the schema in
                        // one of the states recorded between them, which the next run finds and goes on from.
                        undoStatements(c, u, u.statements().size());
                        journal.remove(c, step.id(), u.number());
                    } else {
                        undoUnit(c, journal, step.id(), u.number(), u.undo(), u.undoTransactional());
                    }
                } catch (SQLException e) {
                    cause.addSuppressed(e);
                    if (e instanceof PartlyUndone part) {
                        stayedPartly = part.remaining;
                        stopped = "undoing its statements one by one, newest first, failed at the inverse of statement "
                                + part.remaining + " (" + databaseName + " said: " + part.getCause().getMessage() + ")";
                    } else {
                        stopped = "its undo failed (" + databaseName + " said: " + e.getMessage() + ")";
                    }
                    break;
                }
                undone.add(u);
            }
            journal.clear(c, step.id());
        } catch (SQLException e) {
            cause.addSuppressed(e);
            if (stopped == null) {
                stopped = "the undo journal could not be written (" + e.getMessage() + "); the next run finishes "
                        + "the undoing";
            }
        }
        List<Unit> stayed = i < 0 ? List.of() : List.copyOf(applied.subList(0, i + 1));
        return new Undo(step, failing, partial, partUndone, undone, stayed, stayedPartly, stopped,
                versions.kind().transactionalDdl(), OutOfSpace.is(cause));
    }

    /**
     * Undoes the first {@code ran} statements of {@code unit}, which ran outside a transaction before its next one
     * failed: each one's own inverse, newest first. The unit's journal row stays {@code started} meanwhile, so an
     * interruption here leaves the next run to compare the schema, as for any unit in flight.
     *
     * @return how many of its statements stay applied: 0, or those up to the one whose inverse failed (that failure
     *         is added to {@code cause})
     */
    private static int undoPart(Connection c, Unit unit, int ran, SQLException cause) {
        try {
            undoStatements(c, unit, ran);
            return 0;
        } catch (PartlyUndone failed) {
            cause.addSuppressed(failed.getCause());
            return failed.remaining;
        }
    }

    /**
     * The inverses of statements {@code upTo} down to 1 (of a unit with {@link Unit#inverses()}), each statement
     * ending in ';', as an error gives them to run by hand.
     */
    static List<String> inversesByHand(List<List<String>> inverses, int upTo) {
        List<String> byHand = new ArrayList<>();
        for (int n = upTo; n >= 1; n--) {
            inverses.get(n - 1).forEach(sql -> byHand.add(sql + ";"));
        }
        return byHand;
    }

    /** Runs the inverses of statements {@code ran} down to 1 of {@code unit}. */
    private static void undoStatements(Connection c, Unit unit, int ran) throws PartlyUndone {
        int remaining = ran;
        try (Statement s = c.createStatement()) {
            for (; remaining > 0; remaining--) {
                for (String sql : unit.inverses().get(remaining - 1)) {
                    s.execute(sql);
                }
            }
        } catch (SQLException failed) {
            throw new PartlyUndone(remaining, failed);
        }
    }

    /** An inverse failed: statements 1 to {@code remaining} of the unit stay applied. */
    private static final class PartlyUndone extends SQLException {
        final int remaining;

        PartlyUndone(int remaining, SQLException cause) {
            super("statement " + remaining + "'s inverse failed: " + cause.getMessage(), cause.getSQLState(),
                    cause.getErrorCode(), cause);
            this.remaining = remaining;
        }
    }

    /**
     * Runs one unit's undo statements: in one transaction with the removal of its journal row when they are data
     * statements only, else marking the row {@code undoing} first, so an interruption leaves it uncertain, never
     * wrong.
     */
    static void undoUnit(Connection c, UndoJournal journal, String migrationId, int unit, List<String> undo,
                         boolean transactional) throws SQLException {
        if (!transactional) {
            journal.mark(c, migrationId, unit, UndoJournal.UNDOING);
        }
        c.setAutoCommit(!transactional);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : undo) {
                    s.execute(sql);
                }
            }
            journal.remove(c, migrationId, unit);
            if (transactional) {
                c.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                rollBack(c, e);
            }
            throw e;
        } finally {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        }
    }

    private static void rollBack(Connection c, SQLException cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
