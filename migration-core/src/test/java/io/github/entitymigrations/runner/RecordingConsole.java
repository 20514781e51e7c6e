package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Console;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A console that keeps every line it is told, info and warnings alike, and the debug lines apart (safe to share
 * between threads).
 */
final class RecordingConsole implements Console {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARNING: " + line);
    }

    @Override
    public void debug(String line) {
        debug.add(line);
    }

    /** The debug lines, apart from {@link #lines()}. */
    List<String> debugLines() {
        synchronized (debug) {
            return List.copyOf(debug);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** How many lines contain {@code text}. */
    long count(String text) {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
