package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.introspect.DriftComparison;
import io.github.entitymigrations.introspect.ExpectedObjects;
import io.github.entitymigrations.introspect.LiveSchema;
import io.github.entitymigrations.introspect.SchemaObject;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does first, under the migration lock, when an earlier run was interrupted (kill -9, a lost
 * connection, a crashed server) in a migration that runs unit by unit: the {@link UndoJournal} still has rows.
 * Their units are undone, newest first, so the database is back where it was before that migration. The one unit
 * that was in flight ({@code started}, or {@code undoing}) may or may not have taken effect: one that ran in a
 * transaction of its own did not; for any other the live schema is compared with the schemas just before and just
 * after it. When that cannot tell (a {@code sql} step that changes no schema object, a changed migration file,
 * drift), the run refuses, naming the unit and how to settle it by hand. A unit of several DDL statements run one by
 * one ({@link UndoJournal.Entry#byStatement()}) is undone statement by statement, from the state the live schema
 * is in among those recorded between them, each undone statement checked against the state before it.
 */
final class Recovery {

    private final Dialect dialect;
    private final VersionTable versions;
    private final UndoJournal journal;
    private final MigrationChain chain;
    private final Console console;
    private final String database;

    Recovery(Dialect dialect, VersionTable versions, UndoJournal journal, MigrationChain chain, Console console,
             String database) {
        this.dialect = dialect;
        this.versions = versions;
        this.journal = journal;
        this.chain = chain;
        this.console = console;
        this.database = database;
    }

    /** Undoes what an interrupted run left; does nothing when none was. */
    void run(Connection c) throws SQLException {
        if (!versions.exists(c) || !journal.exists(c)) {
            return;
        }
        List<UndoJournal.Entry> entries = journal.read(c);
        if (entries.isEmpty()) {
            return;
        }
        c.setAutoCommit(true);
        String id = entries.get(0).migrationId();
        boolean upgrade = entries.get(0).upgrade();
        console.warn("An earlier run was interrupted (killed, or its connection lost) while it "
                + (upgrade ? "applied" : "reverted") + " migration " + id + ", which runs step by step: undoing the "
                + entries.stream().filter(e -> e.migrationId().equals(id)).count() + " step(s) it recorded, newest "
                + "first, so that " + database + " is back " + target(entries.get(0)) + ".");
        List<String> undone = new ArrayList<>();
        for (UndoJournal.Entry e : entries) {
            if (!e.migrationId().equals(id)) {
                continue; // one migration is ever in flight; rows of another would be from a stamp-less hand fix
            }
            if (e.byStatement()) {
                int statements = undoByStatement(c, e, undone);
                if (statements > 0) {
                    undone.add((statements == 1 ? "the statement of " : "the " + statements + " statements of ")
                            + e.describe() + " that had run, each by its inverse");
                }
                continue;
            }
            boolean applied = switch (e.state()) {
                case UndoJournal.APPLIED -> true;
                case UndoJournal.STARTED -> !e.transactional() && landed(c, e, undone);
                default -> landed(c, e, undone); // undoing: the undo may or may not have taken effect
            };
            if (!applied) {
                journal.remove(c, id, e.unit());
                continue;
            }
            if (e.undo() == null) {
                throw refuse(e, undone, e.describe() + " was applied and cannot be undone automatically (it has no "
                        + "reverse on " + dialect.name() + ")", false);
            }
            try {
                UnitRun.undoUnit(c, journal, id, e.unit(), e.undo(), e.undoTransactional());
            } catch (SQLException failed) {
                throw refuse(e, undone, "undoing " + e.describe() + " failed: " + failed.getMessage(), false);
            }
            undone.add(e.operation());
        }
        journal.clear(c, id);
        journal.dropIfEmpty(c);
        console.warn("Recovered: " + database + " is back " + target(entries.get(0))
                + (undone.isEmpty() ? " (none of its steps had taken effect)"
                        : "; undone: " + String.join(", ", undone))
                + ". The run goes on from there.");
    }

    /**
     * Undoes the statements of {@code e} (a unit run statement by statement) that are in effect, newest first, each
     * by its inverse: the live schema says how many (its digest is the one recorded after that statement; matching
     * none, the statement that was running took effect too), and after each inverse it must be the state recorded
     * before that statement. Refuses when it is not. Removes the unit's row once done.
     *
     * @return how many statements were undone
     */
    private int undoByStatement(Connection c, UndoJournal.Entry e, List<String> undone) throws SQLException {
        List<String> states = e.states();
        int known = Math.min(e.ran(), states.size() - 1);
        Schema after = schemasAround(e, why -> refuseByStatement(e, undone, known, why + ", so its states cannot be "
                + "read as they were recorded"))[1];
        int at = states.lastIndexOf(liveState(c, e, undone, after, known));
        int count = 0;
        if (at < 0) {
            if (known >= e.inverses().size()) {
                throw refuseByStatement(e, undone, known, "the schema matches none of the states recorded between "
                        + "its statements");
            }
            // The statement that was running took effect (the server finished it, or the run was killed before it
            // recorded the state after it).
            undoStatement(c, e, undone, known + 1, states.get(known), after, "the schema matched none of the states "
                    + "recorded between its statements, so statement " + (known + 1) + ", running when the run was "
                    + "interrupted, was taken to have run; ");
            count++;
            at = known;
        }
        for (int n = at; n >= 1; n--) {
            undoStatement(c, e, undone, n, states.get(n - 1), after, "");
            count++;
        }
        journal.remove(c, e.migrationId(), e.unit());
        return count;
    }

    /**
     * Runs the inverse of statement {@code n} of {@code e}, which is in effect; the live schema must then be
     * {@code before}.
     *
     * @param why what led to it, for a refusal (empty, or ending in "; ")
     */
    private void undoStatement(Connection c, UndoJournal.Entry e, List<String> undone, int n, String before,
                               Schema after, String why) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            for (String sql : e.inverses().get(n - 1)) {
                s.execute(sql);
            }
        } catch (SQLException failed) {
            throw refuseByStatement(e, undone, n, why + "undoing statement " + n + " by its inverse failed ("
                    + database + " said: " + failed.getMessage() + ")");
        }
        if (!liveState(c, e, undone, after, n - 1).equals(before)) {
            throw refuseByStatement(e, undone, n - 1, why + "the inverse of statement " + n + " ran, and the schema "
                    + "is then not the one recorded before that statement");
        }
    }

    private String liveState(Connection c, UndoJournal.Entry e, List<String> undone, Schema after, int inEffect) {
        try {
            return LiveState.of(c, dialect, versions, after);
        } catch (SQLException | RuntimeException unreadable) {
            throw refuseByStatement(e, undone, inEffect, "the schema of " + database + " could not be read to tell ("
                    + unreadable.getMessage() + ")");
        }
    }

    /**
     * Refuses to go on with {@code e}, a unit run statement by statement of which statements 1 to {@code inEffect}
     * are in effect as far as the journal and this run's undoing tell: the inverses to run by hand are theirs,
     * newest first.
     */
    private MigrationException refuseByStatement(UndoJournal.Entry e, List<String> undone, int inEffect,
                                                 String why) {
        List<String> byHand = UnitRun.inversesByHand(e.inverses(), inEffect);
        String head = interrupted(e) + ", in the middle of " + e.describe() + ", whose " + e.inverses().size()
                + " statements are each committed at once; restoring " + database + " to where it was " + target(e)
                + " stopped there: " + why + "."
                + (undone.isEmpty() ? "" : " Undone before: " + String.join(", ", undone) + ".")
                + "\nThe version table does not record " + e.migrationId() + ", and " + journal.qualifiedName()
                + " still lists the steps to undo.";
        return new MigrationException(head + toFinish(e, byHand.isEmpty() ? "check the schema against the migrations "
                + "(the drift check shows the differences) and put it back as it was before the step, then"
                : "of these inverses of its statements " + (inEffect == 1 ? "1" : "1 to " + inEffect) + ", newest "
                + "first, run those whose statement is in the database (the drift check shows the differences):\n"
                + "    " + String.join("\n    ", byHand) + "\n  then", "the step"));
    }

    /** Whether the in-flight unit {@code e} took effect, from the live schema; refuses when that cannot tell. */
    private boolean landed(Connection c, UndoJournal.Entry e, List<String> undone) throws SQLException {
        Schema[] around = schemasAround(e, why -> refuse(e, undone, why + ", so its schema cannot be compared",
                true));
        Schema before = around[0];
        Schema after = around[1];
        List<SchemaObject> without = ExpectedObjects.of(before, dialect);
        List<SchemaObject> with = ExpectedObjects.of(after, dialect);
        if (DriftComparison.compare(without, with).isEmpty()) {
            throw refuse(e, undone, "it changes no table, column, key, index or sequence, so the schema cannot tell",
                    true);
        }
        List<SchemaObject> live;
        try {
            live = LiveSchema.read(c, dialect, versions.schemaIdentifier(), after, SchemaDrift.TOOL_TABLES);
        } catch (SQLException | RuntimeException unreadable) {
            throw refuse(e, undone, "the schema of " + database + " could not be read to tell ("
                    + unreadable.getMessage() + ")", true);
        }
        if (DriftComparison.compare(with, live).isEmpty()) {
            return true;
        }
        if (DriftComparison.compare(without, live).isEmpty()) {
            return false;
        }
        throw refuse(e, undone, "the schema matches neither the one before it nor the one after it (run the drift "
                + "check to see the differences)", true);
    }

    /**
     * The schemas just before and just after the unit of {@code e}, replayed from the migration files; refuses with
     * {@code refusal} when its file is gone or has changed.
     */
    private Schema[] schemasAround(UndoJournal.Entry e,
                                   java.util.function.Function<String, MigrationException> refusal) {
        MigrationFile f = chain.migrations().stream().filter(m -> m.id().equals(e.migrationId())).findFirst()
                .orElse(null);
        if (f == null) {
            throw refusal.apply("its migration file is gone");
        }
        if (!Checksums.of(f.migration()).equals(e.checksum())) {
            throw refusal.apply(f.fileName() + " has changed since");
        }
        int index = chain.migrations().indexOf(f);
        List<Operation> ops = e.upgrade() ? f.migration().upgrade() : f.migration().revert();
        SchemaState state = Planner.stateAt(chain.migrations(), e.upgrade() ? index : index + 1);
        for (int i = 0; i < e.unit() - 1; i++) {
            ops.get(i).applyTo(state);
        }
        Schema before = state.toSchema();
        ops.get(e.unit() - 1).applyTo(state);
        return new Schema[] {before, state.toSchema()};
    }

    private MigrationException refuse(UndoJournal.Entry e, List<String> undone, String why, boolean uncertain) {
        String undo = e.undo() == null ? "undo it by hand" : "undo it by hand:\n    " + String.join(";\n    ", e.undo())
                + ";\n  ";
        String head = interrupted(e) + ", and restoring " + database + " to where it was " + target(e) + " stopped: "
                + (uncertain ? e.describe() + " was running when it was interrupted, and whether it took effect "
                + "cannot be told: " : "") + why + "."
                + (undone.isEmpty() ? "" : " Undone so far: " + String.join(", ", undone) + ".")
                + "\nNothing else was run; the version table does not record " + e.migrationId() + ", and "
                + journal.qualifiedName() + " still lists the steps to undo.";
        return new MigrationException(head + toFinish(e, uncertain ? "check whether " + e.describe() + " is in the "
                + "database; if it is, " + undo + " then either way" : undo + " then", "it"));
    }

    /** How a refusal starts: the interrupted run and its migration. */
    private static String interrupted(UndoJournal.Entry e) {
        return "An earlier run was interrupted while it " + (e.upgrade() ? "applied" : "reverted") + " migration "
                + e.migrationId() + " step by step";
    }

    /** Where the recovery brings the database: before the migration an upgrade applied, at the one a downgrade left. */
    private static String target(UndoJournal.Entry e) {
        return (e.upgrade() ? "before " : "at ") + e.migrationId();
    }

    /**
     * How a refusal ends: what to do by hand first ({@code byHand}, ending in "then"), the journal row to delete once
     * {@code settled} (the unit) is, and the run or stamp after it.
     */
    private String toFinish(UndoJournal.Entry e, String byHand, String settled) {
        return "\nTo finish: " + byHand + " mark " + settled + " settled with\n    delete from "
                + journal.qualifiedName() + " where migration_id = '" + e.migrationId() + "' and unit = " + e.unit()
                + ";\nand " + Advice.current().phrase(Advice.Phrase.RUN_AGAIN) + ": the run undoes the remaining "
                + "steps. Or bring the database to a migration's schema by hand and record it with "
                + Advice.current().command(Advice.Goal.STAMP, Advice.target("<id>")) + ", which clears the list.";
    }
}
