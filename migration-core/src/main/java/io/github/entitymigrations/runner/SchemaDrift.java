package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.introspect.DriftComparison;
import io.github.entitymigrations.introspect.ExpectedObjects;
import io.github.entitymigrations.introspect.LiveSchema;
import io.github.entitymigrations.introspect.DriftReport;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
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

    /** The runner's own tables, which are no drift: the version table (and any other the runner keeps beside it). */
    static final Set<String> TOOL_TABLES = Set.of(VersionTable.NAME, UndoJournal.NAME);

    private SchemaDrift() {
    }

    static List<Difference> differences(Connection c, MigrationChain chain, int position, Dialect dialect,
                                        VersionTable versions) throws SQLException {
        var expected = Replay.of(chain.migrations().subList(0, position));
        return DriftComparison.compare(ExpectedObjects.of(expected, dialect),
                LiveSchema.read(c, dialect, versions.schemaIdentifier(), expected, TOOL_TABLES));
    }

    /** Fails, listing the differences, when the database differs from its {@code current} applied migrations. */
    static void refuse(Connection c, MigrationChain chain, int current, Dialect dialect, VersionTable versions,
                       String database, Console console) throws SQLException {
        List<Difference> differences = SchemaDrift.differences(c, chain, current, dialect, versions);
        if (!differences.isEmpty()) {
            throw new MigrationException(database + " does not match the schema its applied migrations "
                    + "produce (at " + Targets.label(chain, current) + "), so the upgrade was not started:\n"
                    + DriftReport.listed(differences) + "\n" + DriftReport.advice() + ". Nothing was run");
        }
        console.info("No drift: " + database + " matches its " + current + " applied migration(s).");
    }

    /** Before a stamp at {@code to}: refuses on differences, or with {@code unverified} warns listing them. */
    static void verifyStamp(Connection c, MigrationChain chain, int to, Dialect dialect, VersionTable versions,
                            String database, Console console, boolean unverified) throws SQLException {
        List<Difference> differences = SchemaDrift.differences(c, chain, to, dialect, versions);
        if (differences.isEmpty()) {
            console.info("Verified: the schema of " + database + " is the one the migrations up to "
                    + Targets.label(chain, to) + " produce.");
            return;
        }
        String listed = DriftReport.listed(differences);
        if (unverified) {
            console.warn("Stamping without a match: the schema of " + database + " differs from the one the "
                    + "migrations up to " + Targets.label(chain, to) + " produce:\n" + listed);
            return;
        }
        throw new MigrationException("Refusing to stamp " + database + " at " + Targets.label(chain, to)
                + ": its schema is not the one the migrations up to there produce:\n" + listed + "\nStamp the migration "
                + "whose schema the database has, or bring the database to that schema first; to record the stamp "
                + "anyway, " + Advice.current().setting(Advice.Setting.STAMP_UNVERIFIED, "true")
                + ". Nothing was recorded");
    }
}
