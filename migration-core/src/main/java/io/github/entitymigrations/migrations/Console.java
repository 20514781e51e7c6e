package io.github.entitymigrations.migrations;

/** Where the engine reports progress; the Maven goals pass their log. */
public interface Console {

    void info(String line);

    void warn(String line);

    /**
     * Detail for a closer look, such as where a run's time went; the Maven goals show it with {@code -X}, the
     * library's logger at {@code DEBUG}. Discarded by default.
     */
    default void debug(String line) {
    }

    /** Discards everything (tests, benchmarks). */
    Console SILENT = new Console() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };
}
