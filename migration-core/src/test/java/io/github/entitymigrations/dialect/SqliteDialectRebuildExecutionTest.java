package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rebuilds on a real SQLite database: {@code users} (identity key, unique, check, index, a self-reference)
 * is referenced by {@code orders} (on delete cascade) and {@code reviews}. After each rebuild every row is
 * there, the tables look exactly as if created from the new definition, and with foreign keys enforced
 * again every key, constraint and foreign key still rejects what it should.
 */
class SqliteDialectRebuildExecutionTest {

    @TempDir
    Path dir;

    private SqliteTestDatabase db;

    @BeforeEach
    void createAndFill() throws SQLException {
        db = new SqliteTestDatabase(dir.resolve("app.db")).create(SCHEMA);
        db.run(List.of(
                "insert into users (id, code, manager_id, name, status, birth_year) values (1, 'ada', null, 'Ada', 'NEW', 1815)",
                "insert into users (id, code, manager_id, name, status, birth_year) values (2, 'bob', 1, 'Bob', 'DONE', 1990)",
                "insert into users (id, code, manager_id, name, status, birth_year) values (3, 'cy', 2, null, 'NEW', null)",
                "insert into orders (id, user_id, total) values (1, 1, 10.5), (2, 2, 3), (3, 2, null)",
                "insert into reviews (id, user_id, stars) values (1, 1, 5), (2, 3, 1), (3, null, 3)"));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    static Stream<Operation> rebuildsOfUsers() {
        Column code = column(SCHEMA, "users", "code");
        Column name = column(SCHEMA, "users", "name");
        return Stream.of(
                new AlterColumn(null, "users", code, col("code", varchar(40)).notNull().build()),
                new AlterColumn(null, "users", name, col("name", varchar(100)).defaultValue("'?'").build()),
                new AddUnique(null, "users", new UniqueConstraint("uk_users_name", List.of("name", "birth_year"))),
                new AddCheck(null, "users", CheckConstraint.between("ck_users_birth_year", "birth_year", 1000, 3000)),
                new AddColumn(null, "users", col("rank", INTEGER).defaultValue("abs(-1)").build()),
                new DropForeignKey(null, "users", table(SCHEMA, "users").foreignKeys().get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rebuildsOfUsers")
    void rebuildKeepsRowsKeysConstraintsIndexesAndForeignKeysBothWays(Operation op) throws SQLException {
        List<TreeMap<String, Object>> users = db.table("users", "id");
        List<TreeMap<String, Object>> orders = db.table("orders", "id");
        db.migrate(op);
        Schema after = db.schema();

        List<TreeMap<String, Object>> now = db.table("users", "id");
        now.forEach(row -> row.remove("rank"));
        assertEquals(users, now, "every row and value of the rebuilt table");
        assertEquals(orders, db.table("orders", "id"), "the referencing table is untouched");
        try (SqliteTestDatabase fresh = new SqliteTestDatabase(dir.resolve("fresh.db")).create(after)) {
            for (String t : List.of("users", "orders", "reviews")) {
                assertEquals(fresh.shape(t), db.shape(t), t + ": columns, keys, indexes and foreign keys");
                assertEquals(definition(fresh, t), definition(db, t), t + ": the definition, checks included");
            }
        }
        assertEquals(List.of(), db.rows("PRAGMA foreign_key_check"));
        assertConstraintsEnforced(after.tables().stream().filter(t -> t.name().equals("users")).findFirst()
                .orElseThrow().foreignKeys().isEmpty());
    }

    /** What follows the table's name in its {@code create table} (a rename re-quotes the name itself). */
    private static String definition(SqliteTestDatabase database, String table) throws SQLException {
        String sql = (String) database.rows("select sql from sqlite_master where type = 'table' and name = '"
                + table + "'").get(0).get(0);
        return sql.substring(sql.indexOf('('));
    }

    /** Run with enforcement back on, as {@code afterMigration()} leaves the connection. */
    private void assertConstraintsEnforced(boolean selfReferenceDropped) throws SQLException {
        assertTrue(db.failing("insert into users (id, code, status) values (1, 'new', 'NEW')")
                .contains("UNIQUE constraint failed: users.id"), "primary key");
        assertTrue(db.failing("insert into users (code, status) values ('ada', 'NEW')")
                .contains("UNIQUE constraint failed: users.code"), "unique");
        assertTrue(db.failing("insert into users (code, status) values ('new', 'BAD')")
                .contains("CHECK constraint failed: ck_users_status"), "check");
        assertTrue(db.failing("insert into orders (id, user_id) values (9, 99)").contains("FOREIGN KEY"), "orders");
        assertTrue(db.failing("insert into reviews (id, user_id, stars) values (9, 99, 1)").contains("FOREIGN KEY"),
                "reviews");
        if (!selfReferenceDropped) {
            assertTrue(db.failing("insert into users (code, status, manager_id) values ('new', 'NEW', 99)")
                    .contains("FOREIGN KEY"), "self-reference");
        }
        // The identity column still aliases the rowid, and on delete cascade still reaches orders.
        db.run("insert into users (code, status) values ('dee', 'NEW')");
        assertEquals(List.of(List.of(4)), db.rows("select id from users where code = 'dee'"));
        db.run(List.of("update users set manager_id = null", "delete from reviews", "delete from users where id = 2"));
        assertEquals(List.of(List.of(1)), db.rows("select id from orders"));
    }

    @Test
    void birthYearGoesFromIntegerToTextAndBackThroughRebuilds() throws SQLException {
        Column year = column(SCHEMA, "users", "birth_year");
        Column text = col("birth_year", varchar(4)).build();
        db.migrate(new AlterColumn(null, "users", year, text));
        assertEquals(List.of(List.of(1, "1815", "text"), List.of(2, "1990", "text"), Arrays.asList(3, null, "null")),
                db.rows("select id, birth_year, typeof(birth_year) from users order by id"));
        db.run("update users set birth_year = '2001' where id = 3");
        db.migrate(new AlterColumn(null, "users", text, year));
        assertEquals(List.of(List.of(1, 1815, "integer"), List.of(2, 1990, "integer"), List.of(3, 2001, "integer")),
                db.rows("select id, birth_year, typeof(birth_year) from users order by id"));
    }

    @Test
    void aColumnThatBecomesIdentityGeneratesTheNextKey() throws SQLException {
        Column id = column(SCHEMA, "orders", "id");
        db.migrate(new AlterColumn(null, "orders", id, col("id", BIGINT).notNull().identity().build()));
        db.run("insert into orders (user_id, total) values (1, 2)");
        assertEquals(List.of(List.of(4, 2)), db.rows("select id, total from orders where id > 3"));
    }

    @Test
    void rebuildOfAReferencingTableKeepsItsForeignKeyAndTheOthers() throws SQLException {
        db.migrate(new AddCheck(null, "orders", CheckConstraint.expression("ck_orders_total", null, "total >= 0")));
        assertTrue(db.failing("insert into orders (id, user_id, total) values (9, 1, -1)")
                .contains("CHECK constraint failed: ck_orders_total"));
        assertTrue(db.failing("insert into orders (id, user_id, total) values (9, 99, 1)").contains("FOREIGN KEY"));
        assertTrue(db.shape("orders").contains("index ix_orders_user_id unique=0 origin=c [user_id]"));
        assertTrue(db.failing("delete from users where id = 3").contains("FOREIGN KEY"), "reviews still references users");
    }

    @Test
    void droppingAndReAddingAUniqueAndAForeignKeyWorksWithRowsInPlace() throws SQLException {
        UniqueConstraint unique = new UniqueConstraint("uk_users_code", List.of("code"));
        ForeignKey fk = table(SCHEMA, "reviews").foreignKeys().get(0);
        db.migrate(new DropUnique(null, "users", unique), new DropForeignKey(null, "reviews", fk));
        db.run(List.of("insert into users (id, code, status) values (7, 'ada', 'NEW')",
                "insert into reviews (id, user_id, stars) values (7, 99, 2)"));
        db.run(List.of("delete from users where id = 7", "delete from reviews where id = 7"));
        db.migrate(new AddUnique(null, "users", unique), new AddForeignKey(null, "reviews", fk));
        assertTrue(db.failing("insert into users (id, code, status) values (7, 'ada', 'NEW')").contains("UNIQUE"));
        assertTrue(db.failing("insert into reviews (id, user_id, stars) values (7, 99, 2)").contains("FOREIGN KEY"));
    }
}
