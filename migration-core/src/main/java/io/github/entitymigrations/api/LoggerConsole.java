package io.github.entitymigrations.api;

import io.github.entitymigrations.migrations.Console;

/** The default console: the platform logger {@value #NAME} (JUL, or whatever the application routes it to). */
final class LoggerConsole implements Console {

    static final String NAME = "io.github.entitymigrations";

    private final System.Logger logger = System.getLogger(NAME);

    @Override
    public void info(String line) {
        logger.log(System.Logger.Level.INFO, line);
    }

    @Override
    public void warn(String line) {
        logger.log(System.Logger.Level.WARNING, line);
    }

    @Override
    public void debug(String line) {
        logger.log(System.Logger.Level.DEBUG, line);
    }
}
