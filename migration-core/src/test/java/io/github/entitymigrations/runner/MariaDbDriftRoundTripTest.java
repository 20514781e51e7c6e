package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No false drift on MariaDB and the MySQL flavour: the catalog model's history (type changes, enums, sequences,
 * keys, data steps) applied one migration at a time leaves a database drift finds identical to the migrations'
 * schema at every step, as {@code MigratorRoundTripTest} checks on PostgreSQL and SQLite; and the drift fixture
 * downgraded step by step as well. The catalog model runs up to {@link #RUNS_ON_MARIADB}: migration 0004 drops the
 * primary key of order_line, whose foreign key needs an index starting with order_id, which InnoDB refuses (errno
 * 150), and the downgrade of 0003 has a PostgreSQL/SQLite-only {@code sql} step; once the dialect and the fixture
 * handle those, this runs to the head and back.
 */
class MariaDbDriftRoundTripTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    /** The catalog model's migrations the MariaDB dialect applies today. */
    static final int RUNS_ON_MARIADB = 3;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void everyStepOfTheCatalogModelHasNoDrift(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory history = CatalogModel.write(tmp.resolve("migrations"));
        Migrator migrator = db.migrator(history.chain());
        assertNoDrift(migrator, "before anything");
        for (int i = 1; i <= RUNS_ON_MARIADB; i++) {
            migrator.upgrade("+1");
            assertNoDrift(migrator, "after upgrading to migration " + i);
        }
        assertEquals(RUNS_ON_MARIADB, db.appliedIds().size());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MARIADB", "MYSQL"})
    void theDriftFixtureDowngradedStepByStepHasNoDrift(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");
        assertNoDrift(migrator, "at head");
        migrator.downgrade("-1", true);
        assertNoDrift(migrator, "after downgrading to 0001");
        migrator.downgrade("base", true);
        assertNoDrift(migrator, "after downgrading to base");
        assertEquals(List.of(), db.appliedIds());
    }

    private static void assertNoDrift(Migrator migrator, String when) {
        assertEquals(List.of(), migrator.drift().differences().stream().map(Object::toString).toList(),
                "drift " + when);
    }
}
