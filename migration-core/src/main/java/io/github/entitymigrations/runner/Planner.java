package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.MigrationSafety;
import io.github.entitymigrations.operations.IrreversibleOperationException;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Works out every statement of a run before anything of it is committed: the dialect renders each operation
 * against the schema the migrations before it produce. An irreversible step on the way down, or an operation
 * the database cannot do, is found here, so nothing is half done. (An upgrade on a database with transactional
 * DDL is planned beside its first statements, uncommitted until the plan is complete: {@link PlanAhead}.)
 */
final class Planner {

    private Planner() {
    }

    /**
     * The steps from position {@code from} up to {@code to} (positions count applied migrations), for a database
     * with transactional DDL.
     */
    static List<Step> upgrade(MigrationChain chain, Dialect dialect, int from, int to) {
        return upgrade(chain, dialect, from, to, true);
    }

    /**
     * The steps from position {@code from} up to {@code to}; a step that cannot run in one transaction (see
     * {@link UnitKinds#atomic}) also gets the statements that undo each of its units.
     */
    static List<Step> upgrade(MigrationChain chain, Dialect dialect, int from, int to, boolean transactionalDdl) {
        return upgrade(chain, dialect, from, to, transactionalDdl, new RunTimes());
    }

    /** As {@link #upgrade(MigrationChain, Dialect, int, int, boolean)}, adding the time of each phase to {@code times}. */
    static List<Step> upgrade(MigrationChain chain, Dialect dialect, int from, int to, boolean transactionalDdl,
                              RunTimes times) {
        List<Step> steps = new ArrayList<>();
        List<MigrationFile> migrations = chain.migrations();
        long t = parse(migrations.subList(from, to), times, System.nanoTime());
        refuseUnsafe(migrations.subList(from, to), dialect);
        t = parse(migrations.subList(0, from), times, times.add(RunTimes.Phase.CHECKS, t));
        SchemaState state = stateAt(migrations, from);
        for (int i = from; i < to; i++) {
            MigrationFile f = migrations.get(i);
            steps.add(step(f, true, f.migration().upgrade(), dialect, state, transactionalDdl, times));
        }
        times.add(RunTimes.Phase.PLAN, t);
        return steps;
    }

    /**
     * The steps of {@link #upgrade(MigrationChain, Dialect, int, int, boolean, RunTimes)} for a database with
     * transactional DDL, worked out file by file: each migration is parsed, checked and planned before
     * the next file is parsed, so the first step is handed to {@code step} without waiting for the last file to be
     * read. When every file parses, passes its checks and plans, the steps are exactly those of the ordered planner
     * (parsing and planning are deterministic, and each step depends only on those before it). When one does not,
     * this stops and returns {@code false}, the steps handed over so far being good: the caller runs the ordered
     * planner for the error it reports (a later file's parse error or check comes before an earlier step's plan
     * there). {@code before} is called with each step's index before it is planned.
     */
    static boolean upgradeEach(MigrationChain chain, Dialect dialect, int from, int to, RunTimes times,
                               java.util.function.IntConsumer before, Consumer<Step> step) {
        List<MigrationFile> migrations = chain.migrations();
        SchemaState state;
        try {
            long t = parse(migrations.subList(0, from), times, System.nanoTime());
            state = stateAt(migrations, from);
            times.add(RunTimes.Phase.PLAN, t);
        } catch (RuntimeException e) {
            return false;
        }
        for (int i = from; i < to; i++) {
            MigrationFile f = migrations.get(i);
            long t = System.nanoTime();
            try {
                f.migration();
                t = times.add(RunTimes.Phase.PARSE, t);
                if (!MigrationSafety.problems(f, dialect.name()).isEmpty()) {
                    return false;
                }
                t = times.add(RunTimes.Phase.CHECKS, t);
            } catch (RuntimeException e) {
                return false;
            }
            before.accept(i - from);
            t = System.nanoTime(); // a test's pause is no phase's time
            Step planned;
            try {
                planned = step(f, true, f.migration().upgrade(), dialect, state, true, times);
            } catch (RuntimeException e) {
                return false;
            }
            step.accept(planned); // its checksum is counted apart, within this span
            times.add(RunTimes.Phase.PLAN, t);
        }
        return true;
    }

    /** Below this many files, parsing them one after the other costs less than spreading them over threads. */
    private static final int PARALLEL_PARSE = 16;

    /**
     * Parses the steps of {@code files} (each file's are parsed when first used): in parallel, as the files were
     * read, then in order, so the first file that cannot be parsed is the one reported, as before; returns when it
     * was done.
     */
    private static long parse(List<MigrationFile> files, RunTimes times, long since) {
        if (files.size() >= PARALLEL_PARSE) {
            files.parallelStream().forEach(Planner::parseIfPossible);
        }
        files.forEach(MigrationFile::migration);
        return times.add(RunTimes.Phase.PARSE, since);
    }

    private static void parseIfPossible(MigrationFile f) {
        try {
            f.migration();
        } catch (RuntimeException e) {
            // Not cached: the ordered pass parses the file again and reports it, after any earlier file's problem.
            return;
        }
    }

    /** The steps from position {@code from} down to {@code to}, newest first, for a database with transactional DDL. */
    static List<Step> downgrade(MigrationChain chain, Dialect dialect, int from, int to) {
        return downgrade(chain, dialect, from, to, true);
    }

    /** The steps from position {@code from} down to {@code to}, newest first. */
    static List<Step> downgrade(MigrationChain chain, Dialect dialect, int from, int to, boolean transactionalDdl) {
        return downgrade(chain, dialect, from, to, transactionalDdl, new RunTimes());
    }

    /** As {@link #downgrade(MigrationChain, Dialect, int, int, boolean)}, adding the time of each phase to {@code times}. */
    static List<Step> downgrade(MigrationChain chain, Dialect dialect, int from, int to, boolean transactionalDdl,
                                RunTimes times) {
        List<MigrationFile> migrations = chain.migrations();
        long t = parse(migrations.subList(to, from), times, System.nanoTime());
        refuseUnsafe(migrations.subList(to, from), dialect);
        for (int i = from - 1; i >= to; i--) {
            MigrationFile f = migrations.get(i);
            for (Operation op : concat(f.migration().upgrade(), f.migration().downgrade())) {
                if (op instanceof Sql sql && sql.irreversible()) {
                    String stop = i == from - 1 ? "It is the current migration, so nothing can be reverted: restore "
                            + "the data from a backup if you must go back"
                            : "Stop just after it with "
                            + Advice.current().parameter(Advice.Goal.DOWNGRADE, Advice.target(f.id()))
                            + ", or restore the data from a backup";
                    throw new MigrationException("Cannot downgrade past " + f.id() + " (" + f.fileName() + "): its step \""
                            + op.describe() + "\" is marked irreversible. Nothing was run. " + stop);
                }
            }
        }
        t = parse(migrations.subList(0, to), times, times.add(RunTimes.Phase.CHECKS, t));
        SchemaState state = stateAt(migrations, from);
        List<Step> steps = new ArrayList<>();
        for (int i = from - 1; i >= to; i--) {
            MigrationFile f = migrations.get(i);
            steps.add(step(f, false, f.migration().revert(), dialect, state, transactionalDdl, times));
        }
        times.add(RunTimes.Phase.PLAN, t);
        return steps;
    }

    /** Statements that would escape the migration's transaction, and the like: {@link MigrationSafety}. */
    private static void refuseUnsafe(List<MigrationFile> migrations, Dialect dialect) {
        List<String> problems = new ArrayList<>();
        migrations.forEach(f -> problems.addAll(MigrationSafety.problems(f, dialect.name())));
        if (!problems.isEmpty()) {
            throw new MigrationException("Refused before running anything on " + dialect.name() + ":\n  - "
                    + String.join("\n  - ", problems) + "\nNothing was run.");
        }
    }

    private static List<Operation> concat(List<Operation> a, List<Operation> b) {
        List<Operation> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The schema the first {@code position} migrations produce. */
    static SchemaState stateAt(List<MigrationFile> migrations, int position) {
        SchemaState state = SchemaState.empty();
        for (int i = 0; i < position; i++) {
            apply(migrations.get(i), migrations.get(i).migration().upgrade(), state, null, null);
        }
        return state;
    }

    private static Step step(MigrationFile f, boolean upgrade, List<Operation> ops, Dialect dialect, SchemaState state,
                             boolean transactionalDdl, RunTimes times) {
        boolean atomic = UnitKinds.atomic(ops, dialect.name(), transactionalDdl, f.migration().outsideTransaction());
        List<Unit> units = new ArrayList<>();
        Schema after = apply(f, ops, state, dialect, new Rendering(units, !atomic, transactionalDdl, times));
        return new Step(f, upgrade, units, atomic, integrityChecks(dialect, ops, after));
    }

    /**
     * The checks that close the step: none where the database enforces foreign keys while it runs (no
     * {@link Dialect#integrityCheck()}), so the scope is worked out only where it is used.
     */
    private static List<String> integrityChecks(Dialect dialect, List<Operation> ops, Schema after) {
        String full = dialect.integrityCheck();
        if (full == null) {
            return List.of();
        }
        List<Table> scope = IntegrityScope.of(ops, after);
        return scope == null ? List.of(full) : dialect.integrityCheck(scope);
    }

    /**
     * Where the rendered units go, whether each gets its undo statements too (only a non-atomic step needs them), and
     * the times the rendering is counted in (as render, not plan).
     */
    private record Rendering(List<Unit> units, boolean withUndo, boolean transactionalDdl, RunTimes times) {

        /**
         * Operations {@code first} on that the dialect renders as one change. Should that fail, each is rendered
         * on its own first, so the error names the operation at fault when one is.
         */
        void addBatch(MigrationFile f, int first, List<Operation> batch, Dialect dialect, List<Schema> schemas) {
            List<String> statements;
            try {
                statements = dialect.render(batch, schemas.get(first), schemas.get(first + batch.size()));
            } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException e) {
                for (int i = first; i < first + batch.size(); i++) {
                    try {
                        dialect.render(batch.get(i - first), schemas.get(i), schemas.get(i + 1));
                    } catch (UnsupportedOperationException u) {
                        throw cannot(f, i, batch.get(i - first), u);
                    }
                }
                throw new MigrationException("Migration " + f.id() + " (" + f.fileName() + "), steps " + (first + 1)
                        + " to " + (first + batch.size()) + ", rendered as one change on " + dialect.name() + ": "
                        + e.getMessage() + ". Nothing was run", e);
            }
            units.add(Unit.batch(first + 1, batch, statements));
        }

        void add(int number, Operation op, Dialect dialect, Schema before, Schema after) {
            long started = System.nanoTime();
            try {
                addRendered(number, op, dialect, before, after);
            } finally {
                times.addWithin(RunTimes.Phase.PLAN, RunTimes.Phase.RENDER, started);
            }
        }

        private void addRendered(int number, Operation op, Dialect dialect, Schema before, Schema after) {
            List<String> statements = dialect.render(op, before, after);
            if (!withUndo) {
                // An atomic step runs every unit inside its own one transaction: whether a unit could run as a
                // transaction of its own is asked (its statements lexed) only in a step that is not atomic.
                units.add(new Unit(number, op, statements, null, null, true, false));
                return;
            }
            boolean transactional = UnitKinds.transactional(op, statements, dialect.name(), transactionalDdl);
            Operation reverse;
            List<String> undo;
            try {
                reverse = op.reverse();
                undo = dialect.render(reverse, after, before);
            } catch (IrreversibleOperationException e) {
                units.add(new Unit(number, op, statements, null, "it is a sql step marked irreversible",
                        transactional, false));
                return;
            } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException e) {
                units.add(new Unit(number, op, statements, null, "its reverse cannot run on " + dialect.name() + ": "
                        + e.getMessage(), transactional, false));
                return;
            }
            // Several statements outside a transaction: each one's own undo, should the unit stop in its middle.
            List<List<String>> inverses = statements.size() > 1 && !transactional
                    ? dialect.inverses(op, before, after) : null;
            units.add(new Unit(number, op, statements, undo, null, transactional,
                    UnitKinds.transactional(reverse, undo, dialect.name(), transactionalDdl), List.of(), inverses,
                    inverses == null ? null : after));
        }
    }

    /**
     * Replays {@code ops} on {@code state}, then renders each against the schema before it (and after it; one
     * schema copy per operation, not several); returns the schema after the last ({@code null} without a
     * dialect). Where the dialect renders consecutive operations as one change ({@link Dialect#together}), they
     * become one unit, unless the step needs each unit's own undo.
     */
    private static Schema apply(MigrationFile f, List<Operation> ops, SchemaState state, Dialect dialect,
                                Rendering rendering) {
        if (dialect == null) {
            for (int i = 0; i < ops.size(); i++) {
                try {
                    ops.get(i).applyTo(state);
                } catch (UnsupportedOperationException e) {
                    throw cannot(f, i, ops.get(i), e);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw doesNotFit(f, i, ops.get(i), e);
                }
            }
            return null;
        }
        List<Schema> schemas = new ArrayList<>(ops.size() + 1);
        schemas.add(state.toSchema());
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            try {
                op.applyTo(state);
            } catch (UnsupportedOperationException e) {
                throw cannot(f, i, op, e);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // An operation the database cannot do says so first, as always: those before it, then this one.
                for (int j = 0; j <= i; j++) {
                    try {
                        if (j < i) {
                            dialect.render(ops.get(j), schemas.get(j), schemas.get(j + 1));
                        } else {
                            dialect.render(op, schemas.get(i));
                        }
                    } catch (UnsupportedOperationException u) {
                        throw cannot(f, j, ops.get(j), u);
                    } catch (IllegalStateException | IllegalArgumentException ignored) {
                        // the replay's own error below says what is wrong
                    }
                }
                throw doesNotFit(f, i, op, e);
            }
            schemas.add(state.toSchema());
        }
        for (int i = 0; i < ops.size(); ) {
            int n = rendering.withUndo() ? 1 : Math.max(1, dialect.together(ops, schemas, i));
            if (n == 1) {
                try {
                    rendering.add(i + 1, ops.get(i), dialect, schemas.get(i), schemas.get(i + 1));
                } catch (UnsupportedOperationException e) {
                    throw cannot(f, i, ops.get(i), e);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw doesNotFit(f, i, ops.get(i), e);
                }
            } else {
                rendering.addBatch(f, i, ops.subList(i, i + n), dialect, schemas);
            }
            i += n;
        }
        return schemas.get(ops.size());
    }

    private static MigrationException cannot(MigrationFile f, int i, Operation op, RuntimeException e) {
        return new MigrationException("Migration " + f.id() + " (" + f.fileName() + "), step " + (i + 1) + " ("
                + op.describe() + "): " + e.getMessage() + ". Nothing was run");
    }

    private static MigrationException doesNotFit(MigrationFile f, int i, Operation op, RuntimeException e) {
        return new MigrationException("Migration " + f.id() + " (" + f.fileName() + "), step " + (i + 1) + " ("
                + op.describe() + ") does not fit the schema before it: " + e.getMessage() + ". Nothing was run");
    }
}
