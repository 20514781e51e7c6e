package io.github.entitymigrations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs measured work in fresh processes, so no run profits from another's warm JIT or caches, and each
 * process's peak memory is its own.
 *
 * <ul>
 *   <li>{@link #child}: a new JVM on this classpath runs one {@link Child} task, which times only its
 *       measured part and reports it with the JVM's peak resident set size.</li>
 *   <li>{@link #command}: an external command (mvn, sqlite3, javac), timed as a whole; its peak RSS comes
 *       from GNU time when installed.</li>
 * </ul>
 */
public final class Measure {

    static final String RESULT = "BENCH-RESULT ";
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final long TIMEOUT_MINUTES = 30;

    private Measure() {
    }

    /** Runs task {@code task} of {@link Child} in a new JVM with {@code args}; fails if the task fails. */
    public static Sample child(String task, List<String> jvmOptions, String... args) {
        Output out = run(childCommand(task, jvmOptions, args), null, Map.of());
        List<String> lines = out.stdout.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith(RESULT)) {
                String[] parts = line.substring(RESULT.length()).trim().split(" ");
                return new Sample(Double.parseDouble(parts[0]), Long.parseLong(parts[1]));
            }
        }
        throw new IllegalStateException("Task " + task + " " + List.of(args) + " printed no result:\n" + out.tail());
    }

    /** Runs task {@code task} of {@link Child} in a new JVM, as {@link #child}; returns all it printed. */
    public static String childOutput(String task, List<String> jvmOptions, String... args) {
        return run(childCommand(task, jvmOptions, args), null, Map.of()).stdout;
    }

    private static List<String> childCommand(String task, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Child.class.getName());
        cmd.add(task);
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static Sample child(String task, String... args) {
        return child(task, List.of(), args);
    }

    /** Runs {@code command} in {@code directory}, timing the whole process; fails on a non-zero exit. */
    public static Sample command(List<String> command, Path directory, Map<String, String> env) {
        List<String> cmd = new ArrayList<>();
        Path rss = null;
        try {
            if (Files.isExecutable(GNU_TIME)) {
                rss = Files.createTempFile("bench-rss", ".txt");
                cmd.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
            }
            cmd.addAll(command);
            long start = System.nanoTime();
            run(cmd, directory, env);
            double millis = (System.nanoTime() - start) / 1e6;
            long kib = -1;
            if (rss != null) {
                List<String> lines = Files.readAllLines(rss);
                kib = Long.parseLong(lines.get(lines.size() - 1).trim());
            }
            return new Sample(millis, kib);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (rss != null) {
                rss.toFile().delete();
            }
        }
    }

    /** Output of a finished process. */
    record Output(String stdout) {
        String tail() {
            List<String> lines = stdout.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    static Output run(List<String> cmd, Path directory, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (directory != null) {
                pb.directory(directory.toFile());
            }
            pb.environment().putAll(env);
            Path log = Files.createTempFile("bench-out", ".log");
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out after " + TIMEOUT_MINUTES + " min: " + cmd);
            }
            Output out = new Output(Files.readString(log, StandardCharsets.UTF_8));
            Files.delete(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + out.tail());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This process's peak resident set size in KiB (VmHWM), or -1 where /proc is not there. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
