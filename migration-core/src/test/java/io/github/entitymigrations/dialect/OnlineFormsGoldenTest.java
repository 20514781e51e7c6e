package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgScenario.named;
import static io.github.entitymigrations.dialect.PgTables.CUSTOMER;
import static io.github.entitymigrations.dialect.PgTables.ORDER;
import static io.github.entitymigrations.dialect.PgTables.USER;
import static io.github.entitymigrations.dialect.PgTables.create;
import static io.github.entitymigrations.dialect.SqliteFixtures.SCHEMA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The online forms' SQL: PostgreSQL builds and drops indexes {@code concurrently}, adds foreign keys and checks
 * {@code not valid}, and sets a migration's lock timeout; SQLite, which has none of these locks, renders exactly
 * what it renders without the flags.
 */
class OnlineFormsGoldenTest {

    @TestFactory
    Stream<DynamicTest> postgresRendersTheOnlineForms() {
        return Stream.of(
                named("create index concurrently").given(create(CUSTOMER))
                        .when(new CreateIndex(null, "customer", new Index("ix_customer_name", List.of("name"), false), true))
                        .expect("create index concurrently ix_customer_name on customer (name)"),
                named("create unique index concurrently on quoted columns").given(create(USER))
                        .when(new CreateIndex(null, "user", new Index("ux_user_select", List.of("Select", "group"), true),
                                true))
                        .expect("create unique index concurrently ux_user_select on \"user\" (\"Select\", \"group\")"),
                named("drop index concurrently in the default schema").defaultSchema("app")
                        .given(create(CUSTOMER), create(ORDER))
                        .when(new DropIndex(null, "PurchaseOrder", ORDER.indexes().get(0), true))
                        .expect("drop index concurrently app.ix_order_state"),
                named("add foreign key not valid").given(create(CUSTOMER), create(ORDER))
                        .when(new AddForeignKey(null, "PurchaseOrder", new ForeignKey("fk_order_customer2",
                                List.of("customer_id"), null, "customer", List.of("id"), OnDelete.CASCADE), true))
                        .expect("alter table purchaseorder add constraint fk_order_customer2 foreign key (customer_id) "
                                + "references customer (id) on delete cascade not valid"),
                named("add check not valid").given(create(CUSTOMER))
                        .when(new AddCheck(null, "customer", CheckConstraint.expression("customer_name_not_null", "name",
                                "name is not null"), true))
                        .expect("alter table customer add constraint customer_name_not_null check (name is not null) "
                                + "not valid"))
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> assertEquals(s.expected(), s.render(), s.name())));
    }

    @Test
    void postgresLockTimeoutIsLocalInATransactionAndASessionSettingOutsideOne() {
        PostgresDialect pg = new PostgresDialect(null);
        assertEquals(List.of("set local lock_timeout = '5s'"), pg.lockTimeout("5s", true));
        assertEquals(List.of("set lock_timeout = '500ms'"), pg.lockTimeout("500ms", false));
    }

    @Test
    void sqliteIgnoresConcurrentlyNotValidAndTheLockTimeout() {
        Index index = new Index("ix_users_status", List.of("status", "birth_year"), true);
        Index name = new Index("ix_users_name", List.of("name"), false);
        CheckConstraint check = CheckConstraint.expression("users_name_not_null", "name", "name is not null");
        ForeignKey fk = new ForeignKey("fk_users_manager2", List.of("manager_id"), null, "users", List.of("id"),
                OnDelete.NO_ACTION);
        sameSql(new CreateIndex(null, "users", index, true), new CreateIndex(null, "users", index), SCHEMA);
        sameSql(new DropIndex(null, "users", name, true), new DropIndex(null, "users", name), SCHEMA);
        sameSql(new AddCheck(null, "users", check, true), new AddCheck(null, "users", check), SCHEMA);
        sameSql(new AddForeignKey(null, "users", fk, true), new AddForeignKey(null, "users", fk), SCHEMA);
        assertEquals(List.of(), new SqliteDialect().lockTimeout("5s", true));
        assertEquals(List.of(), new SqliteDialect().lockTimeout("5s", false));
    }

    private static void sameSql(Operation online, Operation simple, Schema before) {
        SqliteDialect sqlite = new SqliteDialect();
        List<String> expected = sqlite.render(simple, before);
        assertEquals(expected, sqlite.render(online, before), online.describe());
        assertEquals(false, expected.isEmpty());
    }
}
