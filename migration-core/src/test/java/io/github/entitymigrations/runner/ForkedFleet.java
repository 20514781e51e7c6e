package io.github.entitymigrations.runner;

import io.github.entitymigrations.fleet.Fleet;
import io.github.entitymigrations.fleet.FleetGoals;
import io.github.entitymigrations.fleet.FleetTargets;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import java.nio.file.Path;
import java.util.List;

/**
 * A fleet upgrade in a JVM of its own, for {@link FleetKillTest} to kill: upgrades every schema matching
 * {@code args[2]} of the database at {@code args[0]} to head with the migrations in {@code args[1]},
 * {@code args[3]} at a time.
 */
public final class ForkedFleet {

    private ForkedFleet() {
    }

    public static void main(String[] args) {
        MigrationChain chain = MigrationChain.loadForRunner(Path.of(args[1]));
        Fleet fleet = new Fleet(FleetTargets.resolve(new Database(args[0], null, null, null), List.of(args[2])),
                Console.SILENT).parallel(Integer.parseInt(args[3]));
        FleetGoals.upgrade(fleet, (db, console) -> new Migrator(db, chain, console), "head").requireSuccess();
    }

    static Process start(String url, Path migrations, String pattern, int parallel) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ForkedFleet.class.getName(),
                url, migrations.toString(), pattern, String.valueOf(parallel))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
