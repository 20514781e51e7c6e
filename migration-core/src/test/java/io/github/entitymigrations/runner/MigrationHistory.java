package io.github.entitymigrations.runner;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationJson;
import io.github.entitymigrations.migrations.Replay;
import io.github.entitymigrations.migrations.Slug;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.operations.SchemaBuilder.TableBuilder;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a migrations directory the way {@code generate} and {@code revision} would: numbered files, each
 * following the one before, downgrade the exact reverse of upgrade. Keeps the replayed schema, so a step can
 * take the current definition of what it alters or drops.
 */
final class MigrationHistory {

    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    private final SchemaState state = SchemaState.empty();

    MigrationHistory(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Appends a migration whose downgrade reverses {@code upgrade}. */
    MigrationHistory add(String message, Operation... upgrade) {
        List<Operation> ops = List.of(upgrade);
        return add(message, ops, Diff.reverse(ops), false);
    }

    MigrationHistory add(String message, List<Operation> upgrade, List<Operation> downgrade, boolean outside) {
        return add(message, upgrade, downgrade, outside, null);
    }

    /** Appends a migration with its own {@code "lockTimeout"} ({@code null}: none). */
    MigrationHistory add(String message, List<Operation> upgrade, List<Operation> downgrade, boolean outside,
                         String lockTimeout) {
        String id = String.format("%04d", files.size() + 1);
        String parent = files.isEmpty() ? null : String.format("%04d", files.size());
        state.apply(upgrade);
        Migration m = new Migration(id, parent, message, upgrade, downgrade, List.of(), outside, lockTimeout, null);
        Path file = directory.resolve(id + "_" + Slug.of(message) + ".json");
        write(file, MigrationJson.write(m));
        files.add(file);
        return this;
    }

    /**
     * Two migrations in {@code directory}, as the differ writes them (each with its downgrade): one creating
     * {@code from}, one changing it into {@code to}.
     */
    static MigrationHistory createThenChange(Path directory, Schema from, Schema to) {
        MigrationHistory h = new MigrationHistory(directory);
        Diff create = SchemaDiff.diff(new Schema(NamingStrategy.JPA, List.of(), List.of()), from);
        Diff change = SchemaDiff.diff(from, to);
        h.add("create", create.upgrade(), create.downgrade(), false);
        h.add("change", change.upgrade(), change.downgrade(), false);
        return h;
    }

    List<Path> files() {
        return files;
    }

    MigrationChain chain() {
        return MigrationChain.loadForRunner(directory);
    }

    /** The schema the first {@code count} migrations produce. */
    Schema schemaAt(int count) {
        return Replay.of(chain().migrations().subList(0, count));
    }

    Table table(String name) {
        return state.table(null, name);
    }

    Column column(String table, String name) {
        return table(table).column(name);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table built with {@link SchemaBuilder}'s terse helpers. */
    static Table table(String name, Consumer<TableBuilder> body) {
        return SchemaBuilder.table(SchemaBuilder.schema(s -> s.table(name, body)), name);
    }

    static Column column(String name, ColumnType type, boolean nullable, String defaultValue) {
        return new Column(name, type, nullable, false, defaultValue, null, false, null);
    }

    /** The same column with another type, nullability or default. */
    static Column changed(Column c, ColumnType type, boolean nullable, String defaultValue) {
        return new Column(c.name(), type, nullable, c.identity(), defaultValue, c.columnDefinition(), c.quoted(), null);
    }

    /** A reversible data step: the same statements on every database. */
    static Sql sql(List<String> upgrade, List<String> downgrade) {
        return new Sql(Map.of(Sql.ANY_DIALECT, upgrade), Map.of(Sql.ANY_DIALECT, downgrade), false, List.of());
    }

    /** A data step with no way back. */
    static Sql irreversibleSql(String... upgrade) {
        return new Sql(Map.of(Sql.ANY_DIALECT, List.of(upgrade)), Map.of(), true, List.of());
    }
}
