package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checks the processor writes for a SINGLE_TABLE hierarchy under Hibernate 7.2+ name their columns in the
 * expression, in double quotes when the mapping quotes them (global quoting, a keyword-named discriminator):
 * {@code "kind" in (1,2)}, {@code "kind" <> 1 or ("seats" is not null)}. MariaDB and MySQL read a double-quoted text
 * as a string literal, so such a check compared the text {@code 'kind'} with 1 and refused every row ("Truncated
 * incorrect DECIMAL value: 'kind'"), or held for every row. Each database must enforce exactly what the check says,
 * on a table created with it and on one it is added to later, with rows already there.
 */
class QuotedNamesInChecksTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static Schema vehicles(boolean checks) {
        return schema(s -> s.table("vehicle", t -> {
            t.id();
            t.col("kind", INTEGER).notNull().quoted();
            t.col("seats", INTEGER).quoted();
            t.col("cargoClass", varchar(20)).quoted();
            if (checks) {
                t.checkExpression("ck_vehicle_kind", "\"kind\" in (1,2)");
                t.checkExpression("ck_vehicle_Car", "\"kind\" <> 1 or (\"seats\" is not null)");
                t.checkExpression("ck_vehicle_Truck", "\"kind\" <> 2 or (\"cargoClass\" is not null and "
                        + "\"cargoClass\" <> 'none')");
            }
        }));
    }

    private static final List<String> REFUSED = List.of("(5, 1, null, null)", "(6, 3, 1, 'bulk')",
            "(7, 2, 1, null)", "(8, 2, null, 'none')");

    /** The checks added to a table whose rows meet them, then enforced; gone again after the downgrade. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void checksAddedLaterAreEnforcedAsWritten(Kind kind) throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"), vehicles(false),
                vehicles(true));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");
        String insert = insert(kind);
        db.execute(insert + "(1, 1, 4, null)", insert + "(2, 2, null, 'bulk')");
        migrator.upgrade("head");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(2), "upgraded");
        assertEnforced(db, insert);
        migrator.downgrade("0001", true);
        db.execute(insert + REFUSED.get(0)); // no check any more
    }

    /** The checks in the table's {@code create table}. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void checksCreatedWithTheTableAreEnforcedAsWritten(Kind kind) throws Exception {
        MigrationHistory h = new MigrationHistory(tmp.resolve("migrations"));
        Diff create = SchemaDiff.diff(schema(), vehicles(true));
        h.add("create", create.upgrade(), create.downgrade(), false);
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("head");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "upgraded");
        String insert = insert(kind);
        db.execute(insert + "(1, 1, 4, null)", insert + "(2, 2, null, 'bulk')");
        assertEnforced(db, insert);
    }

    private static String insert(Kind kind) {
        return kind.isMariaDb() ? "insert into vehicle (id, `kind`, `seats`, `cargoClass`) values "
                : "insert into vehicle (id, \"kind\", \"seats\", \"cargoClass\") values ";
    }

    /** Rows 1 and 2 there; 3 and 4 meet the checks; each of {@link #REFUSED} breaks one. */
    private static void assertEnforced(TestDatabase db, String insert) throws SQLException {
        db.execute(insert + "(3, 1, 2, null)", insert + "(4, 2, null, 'liquid')");
        for (String refused : REFUSED) {
            assertThrows(SQLException.class, () -> db.execute(insert + refused), refused + " meets the checks");
        }
        assertEquals(List.of("1", "2", "3", "4"), db.query("select id from vehicle order by id"));
    }
}
