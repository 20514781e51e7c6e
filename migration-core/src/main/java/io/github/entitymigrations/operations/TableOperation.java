package io.github.entitymigrations.operations;

/** An operation on one existing table, named by schema and table name. */
public interface TableOperation {

    /** The table's schema, or {@code null} for the default one. */
    String schema();

    /** The table's name. */
    String table();
}
