package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.introspect.DriftComparison;
import io.github.entitymigrations.introspect.ExpectedObjects;
import io.github.entitymigrations.introspect.LiveSchema;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Replay;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The live schema compared with the one the first {@code position} migrations produce (replayed from the
 * files, no database needed for that side). The version table is the tool's, not drift.
 */
final class SchemaDrift {

    private SchemaDrift() {
    }

    static List<Difference> differences(Connection c, MigrationChain chain, int position, Dialect dialect,
                                        VersionTable versions) throws SQLException {
        var expected = Replay.of(chain.migrations().subList(0, position));
        return DriftComparison.compare(ExpectedObjects.of(expected, dialect),
                LiveSchema.read(c, dialect, versions.schemaIdentifier(), expected, Set.of(VersionTable.NAME)));
    }
}
