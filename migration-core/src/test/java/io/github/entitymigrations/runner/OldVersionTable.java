package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A version table of the first form, exactly as versions before the {@code stamped} column created and
 * wrote it: {@code applied_at varchar(40)} holding ISO-8601 text, a stamp marked by {@code " (stamp)"} after
 * {@code applied_by}. The texts are the shapes those versions wrote: {@code Instant.toString()} (as many
 * fraction digits as needed, none for a whole second) and the sql script's six digits.
 */
final class OldVersionTable {

    /** The DDL of the first form. */
    static final String DDL = "create table entity_migrations_history (id varchar(32) not null, message "
            + "varchar(1000), checksum varchar(64) not null, applied_at varchar(40) not null, applied_by varchar(128), "
            + "execution_ms bigint not null, constraint pk_entity_migrations_history primary key (id))";

    private static final List<String> TIMES = List.of("2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:01Z",
            "2024-05-01T12:00:02.5Z", "2024-05-02T08:30:00.000001Z", "2024-05-02T08:30:00.999Z",
            "2024-05-03T23:59:59.100200Z", "2024-05-04T00:00:00.010Z");

    private OldVersionTable() {
    }

    /**
     * Replaces the version table of {@code db} (at head of {@code chain}) by one of the first form: the first
     * {@code applied} migrations applied by alice, the rest stamped by bob; returns the rows as the current
     * form must read them.
     */
    static List<Applied> replace(TestDatabase db, MigrationChain chain, int applied) throws SQLException {
        return replace(db, null, chain, applied);
    }

    /** As {@link #replace(TestDatabase, MigrationChain, int)}, in {@code schema} (PostgreSQL) when not null. */
    static List<Applied> replace(TestDatabase db, String schema, MigrationChain chain, int applied)
            throws SQLException {
        List<Applied> expected = new ArrayList<>();
        String table = (schema == null ? "" : schema + ".") + "entity_migrations_history";
        try (Connection c = db.connect()) {
            c.createStatement().execute("drop table " + table);
            c.createStatement().execute(DDL.replace("table entity_migrations_history", "table " + table));
            try (PreparedStatement p = c.prepareStatement("insert into " + table + " (id, message, checksum, "
                    + "applied_at, applied_by, execution_ms) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < chain.migrations().size(); i++) {
                    MigrationFile f = chain.migrations().get(i);
                    boolean stamped = i >= applied;
                    String by = stamped ? "bob" : "alice";
                    String checksum = Checksums.of(f.migration());
                    String at = TIMES.get(i % TIMES.size());
                    p.setString(1, f.id());
                    p.setString(2, f.message());
                    p.setString(3, checksum);
                    p.setString(4, at);
                    p.setString(5, stamped ? by + " (stamp)" : by);
                    p.setLong(6, stamped ? 0 : 10 + i);
                    p.executeUpdate();
                    expected.add(new Applied(f.id(), f.message(), checksum, Instant.parse(at), by, stamped ? 0 : 10 + i,
                            stamped));
                }
            }
        }
        return expected;
    }

    /** The version table's columns and their declared types, as the runner reads them. */
    static List<String> columns(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return VersionTable.of(db.database()).kind().columns(c, VersionTable.of(db.database())).entrySet()
                    .stream().map(e -> e.getKey() + " " + e.getValue()).toList();
        }
    }
}
