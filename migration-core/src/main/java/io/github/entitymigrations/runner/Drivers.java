package io.github.entitymigrations.runner;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Opens a connection with the driver a database kind names before asking {@link DriverManager}.
 *
 * <p>{@code DriverManager}'s first connection loads and initializes every driver on the class path (the Maven
 * plugin carries four; MySQL Connector/J's alone parses its annotations and builds proxies): about a tenth of a
 * second of a cold run before the first byte goes to the server. The kind's own driver, loaded by the class loader
 * that loaded this engine (the one {@code DriverManager} would require the driver to be visible to), is all a
 * connection needs. When that class is not there, or it declines the URL, {@code DriverManager} is asked as before,
 * so another driver for the same URL (MariaDB's for {@code jdbc:mysql:}, a driver registered by hand) still serves
 * it, with {@code DriverManager}'s own error when none does.
 */
final class Drivers {

    /** Driver instances by class name; empty when the class is not on this engine's class path. */
    private static final ConcurrentMap<String, Optional<Driver>> LOADED = new ConcurrentHashMap<>();

    private Drivers() {
    }

    static Connection connect(String driverClass, String url, Properties properties) throws SQLException {
        Optional<Driver> driver = LOADED.computeIfAbsent(driverClass, Drivers::load);
        if (driver.isPresent()) {
            Connection c = driver.get().connect(url, properties);
            if (c != null) {
                return c;
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The driver, or empty when its class cannot be loaded or made (DriverManager is asked then). */
    static Optional<Driver> load(String driverClass) {
        try {
            Class<?> type = Class.forName(driverClass, true, Drivers.class.getClassLoader());
            return Driver.class.isAssignableFrom(type)
                    ? Optional.of((Driver) type.getDeclaredConstructor().newInstance())
                    : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
