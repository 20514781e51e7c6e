package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names that come back: a table renamed away keeps its key's, constraints' and indexes' names (the differ renames
 * no constraint for nothing), and PostgreSQL keeps index and key names per schema, SQLite index names, MySQL check
 * names, MariaDB and MySQL foreign key names. An entity that takes the old table name later, in the same migration
 * or in a later one, needs those names: the generated migration must give them up first. Also a table whose only
 * column is replaced. Each runs on every database with rows, up, down and up again, checked against what the
 * migrations say.
 */
class ReusedNamesTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /**
     * A table with a key, a unique constraint, an index, two checks (a STRING enum's, a native {@code enum} on
     * MariaDB and MySQL, and a range, a check there too: MySQL names checks per schema) and a foreign key to
     * {@code owner} (MariaDB and MySQL name foreign keys per schema), each named as the processor names them for
     * {@code name}.
     */
    private static void betaLike(SchemaBuilder s, String name, String renamedFrom) {
        s.table(name, t -> {
            t.renamedFrom(renamedFrom);
            t.id();
            t.col("code", varchar(20)).notNull();
            t.col("label", varchar(20));
            t.col("rank", INTEGER);
            t.col("owner_id", BIGINT);
            t.unique("uk_" + name + "_code", "code");
            t.index("ix_" + name + "_label", "label");
            t.checkIn("ck_" + name + "_label", "label", "A", "B");
            t.checkBetween("ck_" + name + "_rank", "rank", 0, 9);
            t.index("ix_" + name + "_owner_id", "owner_id");
            t.fk("fk_" + name + "_owner_id", "owner_id", "owner");
        });
    }

    /** {@code beta}, {@code owner} it references, {@code gamma} referencing it. */
    private static Schema betaAndGamma() {
        return schema(s -> {
            s.table("owner", t -> t.id());
            betaLike(s, "beta", null);
            s.table("gamma", t -> {
                t.id();
                t.col("beta_id", BIGINT);
                t.index("ix_gamma_beta_id", "beta_id");
                t.fk("fk_gamma_beta_id", "beta_id", "beta");
            });
        });
    }

    /** {@code beta} renamed to {@code delta}, named as the processor names a new table; maybe a new {@code beta}. */
    private static Schema renamed(boolean newBeta) {
        return schema(s -> {
            s.table("owner", t -> t.id());
            betaLike(s, "delta", "beta");
            s.table("gamma", t -> {
                t.id();
                t.col("beta_id", BIGINT);
                t.index("ix_gamma_beta_id", "beta_id");
                t.fk("fk_gamma_beta_id", "beta_id", "delta");
            });
            if (newBeta) {
                betaLike(s, "beta", null);
            }
        });
    }

    private static final String[] ROWS = {
        "insert into beta (id, code, label) values (1, 'one', 'A'), (2, 'two', null)",
        "insert into gamma (id, beta_id) values (10, 1), (11, null)"};

    /** Runs every migration of {@code h} up with rows, down to the first and up again, checking each step. */
    private void run(Kind kind, MigrationHistory h) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        int count = h.files().size();
        migrator.upgrade("+1");
        db.execute(ROWS);
        List<String> rows = List.of("1|one|A", "2|two|null");
        for (int i = 0; i < 2; i++) {
            migrator.upgrade("head");
            LiveSchemaAssert.holds(db, migrator, h.schemaAt(count), "upgraded");
            assertEquals(rows, db.query("select id, code, label from delta order by id"), "rows of the renamed table");
            assertEquals(List.of("10|1", "11|null"), db.query("select id, beta_id from gamma order by id"));
            db.execute("insert into beta (id, code, label) values (5, 'one', 'B')"); // the new beta takes rows
            assertThrows(SQLException.class, () -> db.execute("insert into gamma (id, beta_id) values (12, 99)"),
                    "gamma's foreign key still holds");
            db.execute("delete from beta");
            if (i == 0) {
                migrator.downgrade("0001", true);
                LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "downgraded");
                assertEquals(rows, db.query("select id, code, label from beta order by id"), "rows back in beta");
            }
        }
    }

    /**
     * The same in one change is not a rename (the hint names a table an entity still maps, which README's pairing
     * rule ignores); renaming a table onto the name of one whose entity is gone is refused, as either reading
     * drops a table with its rows.
     */
    @Test
    void aTableRenamedOntoTheNameOfADroppedOneIsRefused() {
        Schema from = schema(s -> s
                .table("beta", t -> t.id().col("code", varchar(20)))
                .table("sigma", t -> t.id().col("label", varchar(20))));
        Schema to = schema(s -> s.table("beta", t -> {
            t.renamedFrom("sigma");
            t.id().col("label", varchar(20));
        }));
        MigrationException e = assertThrows(MigrationException.class, () -> SchemaDiff.diff(from, to));
        assertEquals("Table beta says @RenamedFrom(\"sigma\"), and the migrations have both beta and sigma, which no "
                + "entity maps any more: renaming sigma would first drop the beta they have, ignoring the hint would "
                + "drop sigma, each with its rows. Say which, in two migrations: to rename, map the entity to sigma "
                + "again for one generate (it drops the old beta), then back to beta (it renames); if the hint is left "
                + "over from a rename already made, remove @RenamedFrom(\"sigma\") (sigma is then dropped)",
                e.getMessage());
        Schema stale = schema(s -> s.table("beta", t -> {
            t.renamedFrom("sigma");
            t.id().col("code", varchar(20));
        }));
        assertEquals(List.of(), SchemaDiff.diff(schema(s -> s.table("beta", t -> t.id().col("code", varchar(20)))),
                stale).upgrade(), "a hint left over with nothing to rename is still ignored");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewTableTakesTheNameOfOneRenamedBefore(Kind kind) throws Exception {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        for (Schema entities : List.of(betaAndGamma(), renamed(false), renamed(true))) {
            // As generate diffs: against what the migrations so far produce (the renamed table keeps pk_beta)
            Diff d = SchemaDiff.diff(h.files().isEmpty() ? schema() : h.schemaAt(h.files().size()), entities);
            h.add("step", d.upgrade(), d.downgrade(), false);
        }
        run(kind, h);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTablesOnlyColumnIsReplaced(Kind kind) throws Exception {
        Schema from = schema(s -> s.table("tags", t -> {
            t.col("name", varchar(20)).notNull();
            t.pk("pk_tags", "name");
        }));
        Schema to = schema(s -> s.table("tags", t -> {
            t.col("label", varchar(40)).notNull();
            t.pk("pk_tags", "label");
        }));
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"), from, to);
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        LiveSchemaAssert.upAndDownTwice(db, db.migrator(h.chain()), h, "insert into tags (label) values ('x')",
                "delete from tags");
    }
}
