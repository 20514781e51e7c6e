package io.github.entitymigrations.migrations;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Table;
import java.util.List;

/**
 * Builds {@link MigrationJson}'s mapper and the serializers of the usual steps on a daemon thread, while the caller
 * goes on (generate reads and validates the history and diffs first): in a fresh JVM that is a few hundred
 * milliseconds of class loading and introspection taken off the one write that follows. A class of its own, so
 * that starting it does not initialise {@link MigrationJson} (which builds the mapper) on the caller's thread.
 * Nothing is written anywhere.
 */
final class JsonWarmUp {

    private JsonWarmUp() {
    }

    static void start() {
        Thread warm = new Thread(JsonWarmUp::run, "entity-migrations-json-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    private static void run() {
        try {
            Column id = new Column("id", ColumnType.of("BIGINT"), false, false, null, null, false, null);
            Table t = new Table(null, "warm_up", false, null, List.of(), List.of(id),
                    new PrimaryKey("pk_warm_up", List.of("id")), List.of(), List.of(), List.of(), List.of());
            List<Operation> up = List.of(new CreateTable(t), new AddColumn(null, "warm_up", id));
            MigrationJson.write(new Migration("0001", null, "warm up", up, List.of(new DropTable(t)), List.of()));
        } catch (RuntimeException | LinkageError e) {
            // Only a warm-up: the real write reports any problem.
        }
    }
}
