package io.github.entitymigrations.migrations;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.operations.IrreversibleOperationException;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code check}, {@code generate} and {@code merge} verify of a whole history, beyond reading each
 * file (which already refuses bad JSON, unknown types and empty names): every {@code upgrade} replays on the
 * schema before it, and every step of every {@code upgrade} and {@code downgrade} renders as SQL with each
 * supported dialect (pure: no database). A step that no dialect can run is an error; one that only some
 * cannot run (SQLite has no schemas) is only noted, since a project may use only the others: the runner
 * refuses it on such a database when planning, before anything runs.
 */
public final class ChainValidation {

    /** The dialects every history is rendered with. */
    static final List<Dialect> DIALECTS = List.of(new PostgresDialect(null), new SqliteDialect(),
            MariaDbDialect.mariadb(null), MariaDbDialect.mysql(null));

    /**
     * Further checks of each migration, each giving one line per problem, naming the file (as {@link MigrationSafety} does): the one
     * place where problems that need no replay are gathered (e.g. statements a {@code sql} step must not run).
     */
    static final List<Function<MigrationFile, List<String>>> VALIDATORS = List.of(MigrationSafety::problems);

    /**
     * @param schema   what the history produces (when it replays)
     * @param errors   problems that stop the goal, each naming the file and step
     * @param notes    steps only some databases cannot run, one line per such database
     */
    public record Result(Schema schema, List<String> errors, List<String> notes) {

        /** Throws with every error, if any. */
        public Result requireValid() {
            if (!errors.isEmpty()) {
                throw new MigrationException("The migrations cannot all run:\n  - " + String.join("\n  - ", errors));
            }
            return this;
        }
    }

    private final List<String> errors = new ArrayList<>();
    /** Per dialect, in the order first met: how many steps it cannot run, and the first of them. */
    private final Map<String, Unsupported> unsupported = new LinkedHashMap<>();

    /** The steps of a history that one dialect cannot run: how many, and the first (the one the note names). */
    record Unsupported(int count, String first) {

        Unsupported andOneMore() {
            return new Unsupported(count + 1, first);
        }
    }
    /** Steps replayed but not rendered yet: rendered together, in parallel ({@link #renderPending}). */
    private final List<Rendering> pending = new ArrayList<>();

    /** How many steps are rendered together: bounds the schemas kept for them. */
    private static final int RENDER_BATCH = 1024;

    /**
     * One step to render with every dialect, from the schema before it to the one after (both immutable), and where
     * in {@link #errors} its error goes, so the errors keep the order of the history.
     */
    private record Rendering(String step, Operation op, Schema before, Schema after, int errorAt) {

        /**
         * Whether {@code d} vouches for rendering it without writing its SQL (most of a long history's steps are
         * {@code create_table}s, whose statements are the largest): the rest are rendered. A check that throws
         * vouches for nothing.
         */
        private boolean certainlyRenders(Dialect d) {
            try {
                return d.certainlyRenders(op, before, after);
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** The dialects that cannot render it, with their reasons, in {@link #DIALECTS} order. */
        Map<String, String> failures(Advice advice) {
            Map<String, String> failures = new LinkedHashMap<>();
            try (Advice.InUse ignored = advice.use()) { // the caller's wording, on whichever thread renders
                for (Dialect d : DIALECTS) {
                    if (certainlyRenders(d)) {
                        continue;
                    }
                    try {
                        d.render(op, before, after);
                    } catch (RuntimeException e) {
                        failures.put(d.name(), e.getMessage());
                    }
                }
            }
            return failures;
        }
    }

    private ChainValidation() {
    }

    public static Result of(MigrationChain chain) {
        ChainValidation v = new ChainValidation();
        Schema schema = v.run(chain.migrations(), SchemaState.empty());
        v.renderPending();
        return v.result(schema);
    }

    /**
     * As {@link #of(MigrationChain)}, validating only the files after those {@code cache} vouches for (when the
     * history starts with them), and keeping there what the whole history produces and what it produces without its
     * newest file, when valid. The newest file is the one most often edited, deleted or generated again while a
     * change is reviewed: with both kept, an unchanged history is not validated at all, and one whose newest file
     * changed validates only that file. {@code null} when a file to validate cannot be parsed (a lazily read chain):
     * the caller then reads the history eagerly, which reports every such file at once.
     */
    static Result of(MigrationChain chain, HistoryCache cache) {
        List<MigrationFile> files = chain.migrations();
        HistoryCache.Entry known = cache.longestPrefixOf(files).orElse(null);
        int from = known == null ? 0 : known.files().size();
        for (MigrationFile f : files.subList(from, files.size())) {
            try {
                f.migration();
            } catch (MigrationException e) {
                return null;
            }
        }
        ChainValidation v = new ChainValidation();
        Schema schema = known == null ? SchemaState.empty().toSchema() : known.schema();
        if (known != null) {
            v.unsupported.putAll(known.unsupported());
        }
        // What to keep: the history without its newest file, then the whole history, as far as each is valid.
        List<HistoryCache.Entry> keep = new ArrayList<>();
        int last = files.size() - 1;
        if (known != null && from == last) {
            keep.add(known);
        }
        for (int end : new int[] {last, files.size()}) {
            if (schema == null || from >= end) {
                continue;
            }
            schema = v.run(files.subList(from, end), new SchemaState(schema));
            v.renderPending();
            if (schema != null && v.errors.isEmpty()) {
                keep.add(new HistoryCache.Entry(HistoryCache.validated(files.subList(0, end)), schema,
                        v.unsupported));
            }
            from = end;
        }
        if (!keep.isEmpty() && keep.get(keep.size() - 1) != known) {
            cache.write(keep);
        }
        return v.result(schema);
    }

    private Result result(Schema schema) {
        List<String> notes = new ArrayList<>();
        unsupported.forEach((dialect, steps) -> notes.add(steps.count() + " step(s) cannot run on " + dialect
                + ", which is fine if these migrations never run there (the first: " + steps.first() + ")"));
        return new Result(schema, List.copyOf(errors), notes);
    }

    /** Validates {@code files} in order, from {@code state} (the schema the files before them produce). */
    private Schema run(List<MigrationFile> files, SchemaState state) {
        Schema start = state.toSchema();
        for (MigrationFile f : files) {
            for (Function<MigrationFile, List<String>> validator : VALIDATORS) {
                errors.addAll(validator.apply(f));
            }
            List<Operation> up = f.migration().upgrade();
            Schema end = replay(f, "upgrade", up, state, start, true);
            if (end == null) {
                return null; // the schema after a step that does not fit is unknown: stop here
            }
            List<Operation> down = downgradeOf(f.migration());
            if (down != null && !down.isEmpty()) {
                // Downgrade in place, then upgrade again: cheaper than copying the whole schema each time. When
                // the downgrade does not lead back to the start, the schema after the upgrade is taken afresh.
                Schema reverted = replay(f, "downgrade", down, state, end, false);
                if (start.equals(reverted)) {
                    state.apply(up);
                } else {
                    state = new SchemaState(end);
                }
            }
            start = end;
        }
        return start;
    }

    /**
     * Applies and renders each step, starting from {@code before} (the state's schema now); returns the schema
     * after the last step, or {@code null} when one does not fit the schema before it.
     */
    private Schema replay(MigrationFile f, String list, List<Operation> ops, SchemaState state, Schema before,
                          boolean upgrade) {
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            String step = "Migration " + f.id() + " (" + f.fileName() + "), " + list + " step " + (i + 1) + " ("
                    + op.describe() + ")";
            try {
                op.applyTo(state);
            } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
                errors.add(step + " does not fit the schema " + (upgrade ? "the migrations before it produce"
                        : "its upgrade produces") + ": " + e.getMessage() + ". Fix that step, or if it is a sql step "
                        + "declare what it changes in \"schemaChanges\"");
                return null;
            }
            Schema after = state.toSchema();
            pending.add(new Rendering(step, op, before, after, errors.size()));
            if (pending.size() >= RENDER_BATCH) {
                renderPending();
            }
            before = after;
        }
        return before;
    }

    /**
     * Renders the pending steps, in parallel (each is pure: a dialect and two immutable schemas), and records what
     * failed in the history's order: each step's error where it would have been had it been rendered at once.
     */
    private void renderPending() {
        Advice advice = Advice.current();
        List<Map<String, String>> failures = (pending.size() > 1 ? pending.parallelStream() : pending.stream())
                .map(r -> r.failures(advice)).toList();
        for (int i = pending.size() - 1; i >= 0; i--) {
            Map<String, String> f = failures.get(i);
            if (f.size() == DIALECTS.size()) {
                List<String> reasons = new ArrayList<>();
                f.forEach((d, m) -> reasons.add(d + ": " + m));
                errors.add(pending.get(i).errorAt(), pending.get(i).step() + " cannot run on any database: "
                        + String.join("; ", reasons));
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            String step = pending.get(i).step();
            Map<String, String> f = failures.get(i);
            if (f.size() < DIALECTS.size()) {
                f.forEach((d, m) -> unsupported.merge(d, new Unsupported(1, step + ": " + m),
                        (known, one) -> known.andOneMore()));
            }
        }
        pending.clear();
    }

    /** As the runner downgrades ({@link Migration#revert()}); null when irreversible. */
    private static List<Operation> downgradeOf(Migration m) {
        try {
            return m.revert();
        } catch (IrreversibleOperationException e) {
            return null;
        }
    }
}
