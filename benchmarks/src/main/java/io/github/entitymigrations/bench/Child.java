package io.github.entitymigrations.bench;

import io.github.entitymigrations.bench.apply.ApplyTasks;
import io.github.entitymigrations.bench.compile.ProcessorBenchmark;
import io.github.entitymigrations.bench.fleet.FleetTasks;
import io.github.entitymigrations.bench.generate.GenerateBenchmark;
import io.github.entitymigrations.bench.rebuild.RebuildBenchmark;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point of a measuring JVM started by {@link Measure#child}: runs one task, which returns the
 * milliseconds of its measured part (setup excluded), then prints them with the peak RSS.
 */
public final class Child {

    /** A measured task: does its setup, times its work, and returns the milliseconds. */
    @FunctionalInterface
    public interface Task {
        double run(List<String> args) throws Exception;
    }

    private static final Map<String, Task> TASKS = new TreeMap<>();

    static {
        // Every measured task of every benchmark, by name.
        TASKS.put(ApplyTasks.OURS, ApplyTasks::ours);
        TASKS.put(ApplyTasks.JDBC, ApplyTasks::jdbc);
        TASKS.put(ApplyTasks.FLYWAY, ApplyTasks::flyway);
        TASKS.put(ApplyTasks.LIQUIBASE, ApplyTasks::liquibase);
        TASKS.put(ApplyTasks.PROFILE_OURS, ApplyTasks::profileOurs);
        TASKS.put(ApplyTasks.PROFILE_JDBC, ApplyTasks::profileJdbc);
        TASKS.put(ProcessorBenchmark.TASK, ProcessorBenchmark::compileTask);
        TASKS.put(ProcessorBenchmark.INSIDE_TASK, ProcessorBenchmark::insideTask);
        TASKS.put(GenerateBenchmark.TASK, GenerateBenchmark::generateTask);
        TASKS.put(RebuildBenchmark.TASK, RebuildBenchmark::rebuildTask);
        TASKS.put(FleetTasks.SINGLE, FleetTasks::single);
        TASKS.put(FleetTasks.FLEET, FleetTasks::fleet);
        TASKS.put(FleetTasks.FLYWAY_LOOP, FleetTasks::flywayLoop);
        TASKS.put(FleetTasks.FLYWAY_ONE, FleetTasks::flywayOne);
    }

    private Child() {
    }

    public static void main(String[] args) throws Exception {
        Task task = TASKS.get(args[0]);
        if (task == null) {
            throw new IllegalArgumentException("Unknown task " + args[0] + "; known: " + TASKS.keySet());
        }
        double millis = task.run(Arrays.asList(args).subList(1, args.length));
        System.out.println(Measure.RESULT + millis + " " + Measure.peakRssKib());
        System.exit(0);
    }
}
