package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner in a JVM of its own, for {@link KillDuringMigrationTest} to kill: upgrades the database at
 * {@code args[0]} to head with the migrations in {@code args[1]}.
 */
public final class ForkedRunner {

    private ForkedRunner() {
    }

    /** A third argument: plan everything but the last step, and wait there for good (to be killed meanwhile). */
    static final String HOLD_LAST_STEP = "hold-last-step";
    /** A third argument starting so ({@code downgrade:0001}): downgrade to that migration instead of upgrading. */
    static final String DOWNGRADE = "downgrade:";

    public static void main(String[] args) {
        if (args.length > 2 && args[2].equals(HOLD_LAST_STEP)) {
            Migrator.shareFrom = 1; // a short run, sharing its transaction as a long one would
            PlanAhead.pause = (plan, step) -> {
                if (step == plan.count() - 1) {
                    Thread.sleep(Long.MAX_VALUE);
                }
            };
        }
        Database database = new Database(args[0], null, null, null);
        Migrator migrator = new Migrator(database, MigrationChain.loadForRunner(Path.of(args[1])), Console.SILENT);
        if (args.length > 2 && args[2].startsWith(DOWNGRADE)) {
            migrator.downgrade(args[2].substring(DOWNGRADE.length()), true);
        } else {
            migrator.upgrade("head");
        }
    }

    /** Starts one, with this JVM's class path (surefire's manifest jar included) and its output discarded. */
    static Process start(String url, Path migrations, String... more) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("java.class.path"), ForkedRunner.class.getName(), url, migrations.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
