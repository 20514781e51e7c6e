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

    public Workspace(Path directory, Path snapshot, Console console) {
        this.directory = directory;
        this.snapshot = snapshot;
        this.console = console;
    }

    public MigrationChain chain() {
        return MigrationChain.load(directory);
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
        String text = requireMessage(message, Advice.Goal.GENERATE);
        MigrationChain chain = chain();
        BackfillEntries backfills = options.backfills();
        Schema entities = backfills.applyTo(Snapshots.read(snapshot));
        Schema before = ChainValidation.of(chain).requireValid().schema();
        Diff diff = SchemaDiff.diff(before, entities);
        backfills.requireUsed(Backfills.candidates(diff.upgrade(), before.tables().stream()
                .map(t -> QualifiedName.key(t.schema(), t.name())).collect(java.util.stream.Collectors.toSet())));
        if (diff.isEmpty()) {
            console.info("No changes detected: the entities match the migrations"
                    + (chain.isEmpty() ? "" : " (head " + chain.head().fileName() + ")") + ". Nothing written.");
            return List.of();
        }
        List<OnlinePart> parts = options.online() ? online(before, diff, options)
                : List.of(new OnlinePart(null, diff.upgrade(), diff.warnings(), false, null));
        List<Path> files = new ArrayList<>();
        for (OnlinePart part : parts) {
            // The chain read above for the first file (a long history is read once); the next part follows it.
            files.add(report(write(files.isEmpty() ? chain : chain(), part.message(text), part), part, entities));
        }
        console.info("Review " + (files.size() == 1 ? "it" : "them") + ", then apply "
                + (files.size() == 1 ? "it" : "them") + " with " + Advice.current().command(Advice.Goal.UPGRADE));
        return files;
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
        Path file = write(chain(), text, new OnlinePart(null, List.of(), List.of(), false, null));
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
        MigrationChain chain = chain();
        ChainValidation.Result validation = ChainValidation.of(chain).requireValid();
        Diff diff = SchemaDiff.diff(validation.schema(), Snapshots.read(snapshot));
        List<String> differences = new ArrayList<>();
        diff.upgrade().forEach(op -> differences.add(op.describe()));
        // Not a warning: a project that never uses that database has nothing to do about it.
        validation.notes().forEach(console::info);
        return differences;
    }

    /** Which Hibernate the entity snapshot follows, for {@code check}'s message: see {@link Snapshots#followedHibernate}. */
    public String followedHibernate() {
        return Snapshots.followedHibernate(Snapshots.read(snapshot));
    }

    private Path write(MigrationChain chain, String message, OnlinePart part) {
        String id = chain.nextId();
        String parent = chain.isEmpty() ? null : chain.head().id();
        Migration migration = new Migration(id, parent, message, part.upgrade(), Diff.reverse(part.upgrade()),
                part.warnings(), part.outsideTransaction(), part.lockTimeout(), null);
        Path file = directory.resolve(id + "_" + Slug.of(message) + ".json");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, MigrationJson.write(migration));
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String requireMessage(String message, Advice.Goal goal) {
        if (message == null || message.isBlank()) {
            throw new MigrationException("Say what the migration does: " + Advice.current().command(goal,
                    Advice.parameter(Advice.Setting.MESSAGE, "add phone to users")));
        }
        return message.strip();
    }
}
