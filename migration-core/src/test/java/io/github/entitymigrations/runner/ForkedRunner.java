package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import java.nio.file.Path;

/**
 * The runner in a JVM of its own, for {@link KillDuringMigrationTest} to kill: upgrades the database at
 * {@code args[0]} to head with the migrations in {@code args[1]}.
 */
public final class ForkedRunner {

    private ForkedRunner() {
    }

    public static void main(String[] args) {
        Database database = new Database(args[0], null, null, null);
        new Migrator(database, MigrationChain.loadForRunner(Path.of(args[1])), Console.SILENT).upgrade("head");
    }

    /** Starts one, with this JVM's class path (surefire's manifest jar included) and its output discarded. */
    static Process start(String url, Path migrations) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ForkedRunner.class.getName(),
                url, migrations.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
