package io.github.entitymigrations.migrations;

import io.github.entitymigrations.diff.Backfills;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.Operation;
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
        return generate(message, BackfillEntries.none());
    }

    /**
     * As {@link #generate(String)}, with backfills given besides (or over) the entities' {@code @Backfill}; an entry
     * that serves no column is refused before anything is written.
     */
    public Optional<Path> generate(String message, BackfillEntries backfills) {
        String text = requireMessage(message, Advice.Goal.GENERATE);
        MigrationChain chain = chain();
        Schema entities = backfills.applyTo(Snapshots.read(snapshot));
        Schema before = ChainValidation.of(chain).requireValid().schema();
        Diff diff = SchemaDiff.diff(before, entities);
        backfills.requireUsed(Backfills.candidates(diff.upgrade(), before.tables().stream()
                .map(t -> QualifiedName.key(t.schema(), t.name())).collect(java.util.stream.Collectors.toSet())));
        if (diff.isEmpty()) {
            console.info("No changes detected: the entities match the migrations"
                    + (chain.isEmpty() ? "" : " (head " + chain.head().fileName() + ")") + ". Nothing written.");
            return Optional.empty();
        }
        Path file = write(chain, text, diff.upgrade(), diff.downgrade(), diff.warnings());
        int steps = diff.upgrade().size();
        console.info("Wrote " + file + " (" + steps + (steps == 1 ? " step" : " steps") + "; "
                + Snapshots.followedHibernate(entities) + "):");
        for (int i = 0; i < diff.upgrade().size(); i++) {
            console.info("  " + (i + 1) + ". " + diff.upgrade().get(i).describe());
        }
        for (Warning w : diff.warnings()) {
            console.warn(w.toString());
        }
        console.info("Review it, then apply it with " + Advice.current().command(Advice.Goal.UPGRADE));
        return Optional.of(file);
    }

    /** Writes an empty migration to fill by hand. */
    public Path revision(String message) {
        String text = requireMessage(message, Advice.Goal.REVISION);
        Path file = write(chain(), text, List.of(), List.of(), List.of());
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

    private Path write(MigrationChain chain, String message, List<Operation> upgrade, List<Operation> downgrade,
                       List<Warning> warnings) {
        String id = chain.nextId();
        String parent = chain.isEmpty() ? null : chain.head().id();
        Migration migration = new Migration(id, parent, message, upgrade, downgrade, warnings);
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
