package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.introspect.DriftComparison;
import io.github.entitymigrations.introspect.ExpectedObjects;
import io.github.entitymigrations.introspect.LiveSchema;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Replay;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** The differences as an indented list, one a line. */
    static String listed(List<Difference> differences) {
        return differences.stream().map(d -> "  - " + d.message()).collect(Collectors.joining("\n"));
    }

    /** What to do about drift: generate for an intended change, revert a mistaken one; stamp fixes nothing. */
    static String advice() {
        Advice advice = Advice.current();
        return "For a change that is meant to stay, make the entities say so and generate a migration for it ("
                + advice.command(Advice.Goal.GENERATE, Advice.parameter(Advice.Setting.MESSAGE, "..."))
                + "), then apply it to the other databases; otherwise revert the hand change. Stamping ("
                + advice.goal(Advice.Goal.STAMP) + ") records history without changing the schema: it does not fix "
                + "drift";
    }
}
