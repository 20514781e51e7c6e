package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Basic array columns ({@code String[]} and the like, as Hibernate 6.6 and 7 map them) through the runner on every
 * database: created as Hibernate creates them (PostgreSQL {@code varchar(40) array}; MariaDB and MySQL {@code json},
 * or Hibernate 6.6's {@code varbinary(n)} for {@code ARRAY(n)}; SQLite {@code blob}), read back by drift as the same,
 * widened with the rows kept, and the downgrade back. On PostgreSQL a hand-made change of the element type is
 * drift.
 */
class ArrayColumnsTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void arrayColumnsAreCreatedWidenedAndReadBackAsCreated(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory history = new MigrationHistory(tmp.resolve("migrations"));
        history.add("create readings", new CreateTable(MigrationHistory.table("readings", t -> {
            t.id();
            t.pk("pk_readings", "id");
            t.col("labels", ColumnType.parse("VARCHAR(40) ARRAY"));
            t.col("counts", ColumnType.parse("INTEGER ARRAY")).notNull();
            t.col("taken", ColumnType.parse("TIMESTAMP_UTC ARRAY"));
            t.col("amounts", ColumnType.parse("NUMERIC(10,3) ARRAY"));
            t.col("legacy", ColumnType.parse("UUID ARRAY(40)"));
        })));
        Column labels = history.column("readings", "labels");
        history.add("widen labels", new AlterColumn(null, "readings", labels,
                MigrationHistory.changed(labels, ColumnType.parse("VARCHAR(80) ARRAY"), true, null)));
        Migrator migrator = db.migrator(history.chain());
        migrator.upgrade("0001");

        String declared = switch (kind) {
            case POSTGRESQL -> "character varying(40)[]";
            case SQLITE -> "blob";
            case MARIADB, MYSQL -> "longtext"; // json is MariaDB's alias of longtext with a json_valid check
        };
        assertEquals(declared, type(db, kind, "labels"));
        if (kind.isMariaDb()) {
            assertEquals("varbinary(40)", type(db, kind, "legacy"));
        }
        String row = switch (kind) {
            case POSTGRESQL -> "insert into readings (id, labels, counts) values (1, array['a', 'b'], array[1, 2])";
            case SQLITE -> "insert into readings (id, labels, counts) values (1, x'01', x'02')";
            case MARIADB, MYSQL -> "insert into readings (id, labels, counts) values (1, '[\"a\",\"b\"]', '[1,2]')";
        };
        db.execute(row);
        assertEquals(List.of(), messages(migrator));

        migrator.upgrade("head");
        assertEquals(kind == Kind.POSTGRESQL ? "character varying(80)[]" : declared, type(db, kind, "labels"));
        assertEquals(List.of(), messages(migrator));
        assertEquals(List.of("1"), db.query("select count(*) from readings where labels is not null"));
        migrator.downgrade("-1");
        assertEquals(declared, type(db, kind, "labels"));
        assertEquals(List.of(), messages(migrator));

        if (kind == Kind.POSTGRESQL) {
            db.execute("alter table readings alter column counts type bigint[]");
            List<String> drift = messages(migrator);
            assertEquals(1, drift.size(), drift.toString());
            assertTrue(drift.get(0).contains("counts") && drift.get(0).contains("integer[]"), drift.get(0));
        }
    }

    private static List<String> messages(Migrator migrator) {
        return migrator.drift().differences().stream().map(Difference::message).toList();
    }

    private static String type(TestDatabase db, Kind kind, String column) throws Exception {
        return switch (kind) {
            case POSTGRESQL -> db.query("select format_type(atttypid, atttypmod) from pg_attribute where attrelid = "
                    + "'readings'::regclass and attname = '" + column + "'").get(0);
            case SQLITE -> db.query("select lower(type) from pragma_table_info('readings') where name = '" + column
                    + "'").get(0);
            case MARIADB, MYSQL -> db.query("select column_type from information_schema.columns where table_schema = "
                    + "database() and table_name = 'readings' and column_name = '" + column + "'").get(0);
        };
    }
}
