package io.github.entitymigrations.runner;

import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * Under Hibernate 7.2+ the processor writes a SINGLE_TABLE discriminator's check as the expression Hibernate writes
 * ({@code DTYPE in ('Car','Truck')}), which keeps the column a {@code varchar} on MariaDB and MySQL as in Hibernate's
 * DDL. Before, it wrote the allowed values, the form of a STRING enum's check, which MariaDB and MySQL make a native
 * {@code enum} column. A database migrated with the earlier form gets, from the next {@code generate}, a migration
 * from one form to the other: it must keep the rows, give the column its {@code varchar} back, enforce the check, and
 * its downgrade must restore the earlier form.
 */
class DiscriminatorCheckFormTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    private static Schema vehicles(boolean expression) {
        return schema(s -> s.table("Vehicle", t -> {
            t.id();
            t.col("DTYPE", varchar(31)).notNull();
            t.col("plate", varchar(20));
            if (expression) {
                t.checkExpression("ck_Vehicle_DTYPE", "DTYPE", "DTYPE in ('Car','Truck')");
            } else {
                t.checkIn("ck_Vehicle_DTYPE", "DTYPE", "Car", "Truck");
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theEarlierValuesFormBecomesTheExpressionWithItsRows(Kind kind) throws Exception {
        MigrationHistory h = MigrationHistory.createThenChange(tmp.resolve("migrations"), vehicles(false),
                vehicles(true));
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(h.chain());
        migrator.upgrade("+1");
        String insert = "insert into Vehicle (id, DTYPE, plate) values ";
        db.execute(insert + "(1, 'Car', 'A-1')", insert + "(2, 'Truck', 'B-2')");
        if (kind.isMariaDb()) {
            assertEquals(List.of("enum"), columnType(db), "the earlier form is a native enum there");
        }

        migrator.upgrade("head");
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(2), "upgraded");
        if (kind.isMariaDb()) {
            assertEquals(List.of("varchar"), columnType(db), "as Hibernate 7 creates the discriminator");
        }
        assertEquals(List.of("1|Car|A-1", "2|Truck|B-2"), rows(db));
        db.execute(insert + "(3, 'Car', null)");
        assertThrows(SQLException.class, () -> db.execute(insert + "(4, 'Bus', null)"), "Bus is no subclass");

        migrator.downgrade("0001", true);
        LiveSchemaAssert.holds(db, migrator, h.schemaAt(1), "downgraded");
        assertEquals(List.of("1|Car|A-1", "2|Truck|B-2", "3|Car|null"), rows(db));
        assertThrows(SQLException.class, () -> db.execute(insert + "(4, 'Bus', null)"), "Bus is no subclass");
    }

    private static List<String> columnType(TestDatabase db) throws SQLException {
        return db.query("select data_type from information_schema.columns where table_schema = database() "
                + "and table_name = 'Vehicle' and column_name = 'DTYPE'");
    }

    private static List<String> rows(TestDatabase db) throws SQLException {
        return db.query("select id, DTYPE, plate from Vehicle order by id");
    }
}
