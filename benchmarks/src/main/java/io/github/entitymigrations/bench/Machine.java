package io.github.entitymigrations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

/** The machine and software versions the numbers were taken with, one fact per line. */
final class Machine {

    private Machine() {
    }

    static String describe(Postgres postgres) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("CPU: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available\n");
        b.append("Memory: ").append(memory()).append('\n');
        b.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        b.append("Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        b.append("Maven: ").append(firstLine(List.of("mvn", "-v"))).append('\n');
        b.append("Database: ").append(postgres.describe()).append('\n');
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet r = c.createStatement().executeQuery("select sqlite_version()")) {
            r.next();
            b.append("SQLite: ").append(r.getString(1)).append(" (sqlite-jdbc), sqlite3 shell ")
                    .append(firstLine(List.of("sqlite3", "-version")).split(" ")[0]).append('\n');
        }
        return b.toString();
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown";
    }

    private static String firstLine(List<String> command) {
        try {
            String out = Measure.run(command, null, Map.of("MAVEN_OPTS", "")).stdout();
            return out.lines().findFirst().orElse("").replaceAll("\u001b\\[[0-9;]*m", "").trim();
        } catch (RuntimeException e) {
            return "not found";
        }
    }
}
