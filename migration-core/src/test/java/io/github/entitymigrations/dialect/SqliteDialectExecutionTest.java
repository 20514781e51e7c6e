package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.TIMESTAMP;
import static io.github.entitymigrations.operations.SchemaBuilder.col;
import static io.github.entitymigrations.operations.SchemaBuilder.column;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.table;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQLite dialect's SQL on a real SQLite database (sqlite-jdbc), with rows in every table. */
class SqliteDialectExecutionTest {

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
                "insert into reviews (id, user_id, stars) values (1, 1, 5), (2, 3, 1), (3, null, 3)",
                "insert into log (line, level) values ('started', 1), ('stopped', null)"));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** Every operation on the filled fixture, then its reverse; each pair must run and leave everything as it was. */
    static Stream<Arguments> everyOperation() {
        Column email = col("email", varchar(200)).notNull().defaultValue("''").build();
        Column note = col("note", varchar(20)).build();
        Column stamped = col("stamped", TIMESTAMP).defaultValue("CURRENT_TIMESTAMP").build();
        Column year = column(SCHEMA, "users", "birth_year");
        Column code = column(SCHEMA, "users", "code");
        ForeignKey logUser = new ForeignKey("fk_log_level", List.of("level"), null, "users", List.of("id"), OnDelete.SET_NULL);
        Sequence seq = new Sequence(null, "users_SEQ", 1, 50);
        Schema extra = schema(s -> s.table("tags", t -> {
            t.id();
            t.col("user_id", BIGINT);
            t.col("label", varchar(30)).notNull();
            t.unique("uk_tags_label", "label");
            t.index("ix_tags_user_id", "user_id");
            t.fk("fk_tags_user_id", "user_id", "users");
        }));
        return Stream.of(
                Arguments.of(new CreateTable(table(extra, "tags"))),
                Arguments.of(new RenameTable(null, "users", "accounts")),
                Arguments.of(new RenameTable(null, "users", "Users")),
                Arguments.of(new AddColumn(null, "users", email)),
                Arguments.of(new AddColumn(null, "users", note)),
                Arguments.of(new AddColumn(null, "users", stamped)),
                Arguments.of(new DropColumn(null, "users", year)),
                Arguments.of(new AlterColumn(null, "users", year, col("birth_year", varchar(4)).build())),
                Arguments.of(new AlterColumn(null, "users", code, col("code", varchar(40)).notNull().build())),
                Arguments.of(new RenameColumn(null, "users", "id", "user_id")),
                Arguments.of(new RenameColumn(null, "users", "name", "full_name")),
                Arguments.of(new AddPrimaryKey(null, "log", new PrimaryKey("pk_log", List.of("line")))),
                Arguments.of(new DropUnique(null, "users", new UniqueConstraint("uk_users_code", List.of("code")))),
                Arguments.of(new AddUnique(null, "users", new UniqueConstraint("uk_users_name", List.of("name", "code")))),
                Arguments.of(new CreateIndex(null, "users", new Index("ix_users_status", List.of("status", "code"), true))),
                Arguments.of(new DropIndex(null, "orders", new Index("ix_orders_user_id", List.of("user_id"), false))),
                Arguments.of(new AddCheck(null, "log", CheckConstraint.expression("ck_log_line", null, "length(line) > 1"))),
                Arguments.of(new DropCheck(null, "users", CheckConstraint.in("ck_users_status", "status", List.of("NEW", "DONE")))),
                Arguments.of(new AddForeignKey(null, "log", logUser)),
                Arguments.of(new DropForeignKey(null, "users", table(SCHEMA, "users").foreignKeys().get(0))),
                Arguments.of(new DropForeignKey(null, "orders", table(SCHEMA, "orders").foreignKeys().get(0))),
                Arguments.of(new CreateSequence(seq)),
                Arguments.of(new Sql(Map.of("sqlite", List.of("update log set level = 2 where level is null")),
                        Map.of("sqlite", List.of("update log set level = null where level = 2")), false, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void everyOperationRunsAndItsReverseRestoresTablesAndRows(Operation op) throws SQLException {
        if (op instanceof DropColumn drop) {
            // Its values are gone for good; only the column comes back.
            db.run("update " + drop.table() + " set " + drop.column().name() + " = null");
        }
        Map<String, Object> before = snapshot();
        db.migrate(op);
        db.migrate(op.reverse());
        assertEquals(before, snapshot());
    }

    /** Shape and rows of every fixture table. */
    private Map<String, Object> snapshot() throws SQLException {
        Map<String, Object> all = new TreeMap<>();
        for (String t : List.of("users", "orders", "reviews")) {
            all.put(t + " shape", db.shape(t));
            all.put(t + " rows", db.table(t, "id"));
        }
        all.put("log shape", db.shape("log"));
        all.put("log rows", db.table("log", "line"));
        all.put("objects", db.rows("select type, lower(name) from sqlite_master order by 1, 2"));
        return all;
    }

    @Test
    void alterSequenceChangesNothingAndTheSequenceTableHoldsItsNextValue() throws SQLException {
        Sequence seq = new Sequence(null, "users_SEQ", 100, 50);
        db.migrate(new CreateSequence(seq));
        db.migrate(new AlterSequence(seq, new Sequence(null, "users_SEQ", 100, 1)));
        assertEquals(List.of(List.of(100)), db.rows("select next_val from \"users_SEQ\""));
    }

    @Test
    void renamingAReferencedTableOrColumnRewritesTheForeignKeysThatNameIt() throws SQLException {
        db.migrate(new RenameTable(null, "users", "accounts"), new RenameColumn(null, "accounts", "id", "account_id"));
        assertEquals(List.of("fk user_id -> accounts.account_id on delete CASCADE"), fks("orders"));
        assertEquals(List.of("fk user_id -> accounts.account_id on delete NO ACTION"), fks("reviews"));
        assertEquals(List.of("fk manager_id -> accounts.account_id on delete NO ACTION"), fks("accounts"));
        db.run("PRAGMA foreign_keys = ON");
        assertTrue(db.failing("insert into orders (id, user_id) values (9, 99)").contains("FOREIGN KEY"));
    }

    private List<String> fks(String table) throws SQLException {
        return db.shape(table).stream().filter(s -> s.startsWith("fk ")).toList();
    }

    @Test
    void aNewNotNullColumnWithoutDefaultCannotBeAddedToATableWithRows() throws SQLException {
        Map<String, Object> before = snapshot();
        SQLException e = assertThrows(SQLException.class,
                () -> db.migrate(new AddColumn(null, "users", col("email", varchar(200)).notNull().build())));
        assertTrue(e.getMessage().contains("NOT NULL constraint failed: _em_new_users.email"), e.getMessage());
        assertEquals(before, snapshot());
        db.run("delete from log");
        db.migrate(new AddColumn(null, "log", col("host", varchar(20)).notNull().build()));
        assertTrue(db.shape("log").contains("column host varchar(20) notnull=1 default=null pk=0"));
    }

    @Test
    void aNewColumnWithAnExpressionDefaultGetsItInEveryExistingRow() throws SQLException {
        db.migrate(new AddColumn(null, "log", col("at", TIMESTAMP).notNull().defaultValue("datetime('now')").build()));
        assertEquals(List.of(List.of(2, 0)), db.rows("select count(*), sum(at is null) from log"));
    }

    @Test
    void aRebuildThatBreaksAForeignKeyIsRolledBack() throws SQLException {
        Map<String, Object> before = snapshot();
        db.run("insert into log (line, level) values ('orphan', 42)");
        Map<String, Object> withOrphan = snapshot();
        ForeignKey fk = new ForeignKey("fk_log_level", List.of("level"), null, "users", List.of("id"), null);
        SQLException e = assertThrows(SQLException.class, () -> db.migrate(new AddForeignKey(null, "log", fk)));
        assertTrue(e.getMessage().startsWith("foreign key check failed: [[log, "), e.getMessage());
        assertEquals(withOrphan, snapshot());
        db.run("delete from log where line = 'orphan'");
        assertEquals(before, snapshot());
    }
}
