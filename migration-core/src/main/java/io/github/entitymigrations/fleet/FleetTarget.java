package io.github.entitymigrations.fleet;

import io.github.entitymigrations.runner.Database;

/**
 * One member of a fleet: a schema of the configured database (on MariaDB and MySQL a database of the server), or a
 * database of its own given by its URL.
 *
 * @param name     how progress lines and the summary name it: the schema, or the URL without credentials
 * @param database where the runner connects, with the schema for its tables, lock and version table
 */
public record FleetTarget(String name, Database database) {
}
