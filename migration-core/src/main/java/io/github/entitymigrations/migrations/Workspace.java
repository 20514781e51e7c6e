package io.github.entitymigrations.migrations;

import io.github.entitymigrations.diff.Backfills;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.online.OnlineForm;
import io.github.entitymigrations.online.OnlinePart;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrations directory and the entity snapshot: what {@code generate}, {@code revision} and
 * {@code check} work on. Needs no database.
 */
public final class Workspace {

    private final Path directory;
    private final Path snapshot;
    private final Console console;
    /** Where the last validation of the history is kept between runs, or {@code null}: see {@link #withHistoryCache}. */
    private final HistoryCache cache;

    public Workspace(Path directory, Path snapshot, Console console) {
        this(directory, snapshot, console, null);
    }

    private Workspace(Path directory, Path snapshot, Console console, HistoryCache cache) {
        this.directory = directory;
        this.snapshot = snapshot;
        this.console = console;
        this.cache = cache;
    }

    /**
     * This workspace keeping what validating the history found in {@code file} (under the build directory; a clean
     * removes it), so that {@code generate} and {@code check} then validate only the migrations added or changed
     * since: a long history is not replayed and rendered again on every run. The cache is used only where it
     * provably applies (the same files, byte for byte, and the same engine build); anything else validates in full.
     */
    public Workspace withHistoryCache(Path file) {
        return new Workspace(directory, snapshot, console, HistoryCache.at(file));
    }

    /** Test seam: a cache written for the engine build named {@code engine}. */
    Workspace withHistoryCache(Path file, String engine) {
        return new Workspace(directory, snapshot, console, new HistoryCache(file, engine));
    }

    public MigrationChain chain() {
        return MigrationChain.load(directory);
    }

    /**
     * The history, checked and validated ({@link ChainValidation}): with a cache, read lazily (the files the cache
     * vouches for are only hashed: neither their steps nor their headers are parsed), falling back to reading it all eagerly when a file to validate
     * cannot be parsed, so that every broken file is reported at once, as without a cache.
     */
    private Validated validated() {
        if (cache != null) {
            MigrationChain lazy;
            try {
                lazy = MigrationChain.loadForRunner(directory, cache.knownFiles());
            } catch (MigrationChain.ChainException e) {
                lazy = null; // read eagerly below, which also reports the files whose steps are broken
            }
            ChainValidation.Result result = lazy == null ? null : ChainValidation.of(lazy, cache);
            if (result != null) {
                return new Validated(lazy, result.requireValid());
            }
        }
        MigrationChain chain = chain();
        return new Validated(chain, validate(chain));
    }

    private record Validated(MigrationChain chain, ChainValidation.Result result) {
    }

    /** {@code chain} validated, through the cache when there is one. */
    private ChainValidation.Result validate(MigrationChain chain) {
        ChainValidation.Result result = cache == null ? null : ChainValidation.of(chain, cache);
        return (result != null ? result : ChainValidation.of(chain)).requireValid();
    }

    /** Writes the next migration if the entities changed; empty when nothing did. */
    public Optional<Path> generate(String message) {
        return generate(message, GenerateOptions.defaults()).stream().findFirst();
    }

    /**
     * As {@link #generate(String)}, with backfills given besides (or over) the entities' {@code @Backfill}; an entry
     * that serves no column is refused before anything is written.
     */
    public Optional<Path> generate(String message, BackfillEntries backfills) {
        return generate(message, GenerateOptions.defaults().backfills(backfills)).stream().findFirst();
    }

    /**
     * Writes the next migration(s) if the entities changed: one in the simple form, or, with
     * {@link GenerateOptions#online()}, up to three in the online-safe form ({@link OnlineForm}). Empty when nothing
     * changed. A backfill entry of the options that serves no column is refused before anything is written.
     */
    public List<Path> generate(String message, GenerateOptions options) {
        return generation(message, options).files();
    }

    /**
     * What {@link #generate(String, GenerateOptions)} did: the files written (none when nothing changed), the history
     * with them, and the schema the history produced before them. A front end that goes on with the new files (to
     * lint them) takes these instead of reading and replaying the whole history again.
     */
    public record Generation(List<Path> files, MigrationChain chain, Schema before) {

        /** The migrations written, oldest first. */
        public List<MigrationFile> written() {
            List<MigrationFile> all = chain.migrations();
            return all.subList(all.size() - files.size(), all.size());
        }
    }

    /** As {@link #generate(String, GenerateOptions)}, saying what it did: see {@link Generation}. */
    public Generation generation(String message, GenerateOptions options) {
        String text = requireMessage(message, Advice.Goal.GENERATE);
        // Read side by side with the history; a broken history is still reported first.
        Background<Schema> snapshotRead = readSnapshot();
        Validated history = validated();
        MigrationChain chain = history.chain();
        BackfillEntries backfills = options.backfills();
        Schema entities = backfills.applyTo(snapshotRead.join());
        Schema before = history.result().schema();
        Diff diff = SchemaDiff.diff(before, entities);
        backfills.requireUsed(Backfills.candidates(diff.upgrade(), before.tables().stream()
                .map(t -> QualifiedName.key(t.schema(), t.name())).collect(java.util.stream.Collectors.toSet())));
        if (diff.isEmpty()) {
            console.info("No changes detected: the entities match the migrations"
                    + (chain.isEmpty() ? "" : " (head " + chain.head().fileName() + ")") + ". Nothing written.");
            return new Generation(List.of(), chain, before);
        }
        List<OnlinePart> parts = options.online() ? online(before, diff, options)
                : List.of(new OnlinePart(null, diff.upgrade(), diff.warnings(), false, null));
        List<Path> files = new ArrayList<>();
        for (OnlinePart part : parts) {
            // The history is read once (a long one is thousands of files): each part follows the one before.
            MigrationFile written = write(chain, part.message(text), part);
            chain = chain.followedBy(written);
            files.add(report(written.path(), part, entities));
        }
        console.info("Review " + (files.size() == 1 ? "it" : "them") + ", then apply "
                + (files.size() == 1 ? "it" : "them") + " with " + Advice.current().command(Advice.Goal.UPGRADE));
        return new Generation(List.copyOf(files), chain, before);
    }

    private static List<OnlinePart> online(Schema before, Diff diff, GenerateOptions options) {
        try {
            return OnlineForm.of(before, diff.upgrade(), diff.warnings(), options.onlineLockTimeout());
        } catch (IllegalStateException e) {
            throw new MigrationException("Internal error: the online form of this change does not end at the entities' "
                    + "schema (" + e.getMessage() + "), so nothing was written. Generate the simple form (without the "
                    + "online option) and report this with the entities involved", e);
        }
    }

    private Path report(Path file, OnlinePart part, Schema entities) {
        int steps = part.upgrade().size();
        console.info("Wrote " + file + " (" + steps + (steps == 1 ? " step" : " steps") + "; "
                + Snapshots.followedHibernate(entities) + (part.outsideTransaction() ? "; outside a transaction" : "")
                + (part.lockTimeout() == null ? "" : "; lock timeout " + part.lockTimeout()) + "):");
        for (int i = 0; i < steps; i++) {
            console.info("  " + (i + 1) + ". " + part.upgrade().get(i).describe());
        }
        for (Warning w : part.warnings()) {
            console.warn(w.toString());
        }
        return file;
    }

    /** Writes an empty migration to fill by hand. */
    public Path revision(String message) {
        String text = requireMessage(message, Advice.Goal.REVISION);
        Path file = write(chain(), text, new OnlinePart(null, List.of(), List.of(), false, null)).path();
        console.info("Wrote " + file + ": an empty migration. Fill \"upgrade\" and \"downgrade\", e.g. with sql "
                + "steps: { \"op\" : \"sql\", \"upgrade\" : { \"*\" : [ \"...\" ] }, \"downgrade\" : { \"*\" : [ \"...\" ] } }");
        return file;
    }

    /**
     * Every difference between the entities and the migrations, as one line each; empty when they agree.
     * A broken history throws, listing its problems; so does a file that would not run as written on some
     * database ({@link MigrationSafety}).
     */
    public List<String> check() {
        return check(chain());
    }

    /** As {@link #check()}, on a history already read by {@link #chain()} (a front end that goes on with it). */
    public List<String> check(MigrationChain chain) {
        Background<Schema> snapshotRead = readSnapshot();
        ChainValidation.Result validation = validate(chain);
        Diff diff = SchemaDiff.diff(validation.schema(), snapshotRead.join());
        List<String> differences = new ArrayList<>();
        diff.upgrade().forEach(op -> differences.add(op.describe()));
        // Not a warning: a project that never uses that database has nothing to do about it.
        validation.notes().forEach(console::info);
        return differences;
    }

    /** The entity snapshot, read on a thread of its own: see {@link Background}. */
    private Background<Schema> readSnapshot() {
        return Background.start("entity-migrations: entity snapshot", () -> Snapshots.read(snapshot));
    }

    /** Which Hibernate the entity snapshot follows, for {@code check}'s message: see {@link Snapshots#followedHibernate}. */
    public String followedHibernate() {
        return Snapshots.followedHibernate(Snapshots.read(snapshot));
    }

    /** Writes the next migration of {@code chain}; returns it as read back (its checksum that of the text written). */
    private MigrationFile write(MigrationChain chain, String message, OnlinePart part) {
        String id = chain.nextId();
        String parent = chain.isEmpty() ? null : chain.head().id();
        Migration migration = new Migration(id, parent, message, part.upgrade(), Diff.reverse(part.upgrade()),
                part.warnings(), part.outsideTransaction(), part.lockTimeout(), null);
        Path file = directory.resolve(id + "_" + Slug.of(message) + ".json");
        String json = MigrationJson.write(migration);
        try {
            Files.createDirectories(directory);
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        // Its checksum when asked for, from these bytes (the file's): most runs never ask.
        return MigrationFile.read(file, migration, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String requireMessage(String message, Advice.Goal goal) {
        if (message == null || message.isBlank()) {
            throw new MigrationException("Say what the migration does: " + Advice.current().command(goal,
                    Advice.parameter(Advice.Setting.MESSAGE, "add phone to users")));
        }
        return message.strip();
    }
}
