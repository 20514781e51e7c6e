package io.github.entitymigrations.diff;

import static io.github.entitymigrations.diff.DiffAssertions.assertRoundTrips;
import static io.github.entitymigrations.operations.SchemaBuilder.BIGINT;
import static io.github.entitymigrations.operations.SchemaBuilder.CLOB;
import static io.github.entitymigrations.operations.SchemaBuilder.INTEGER;
import static io.github.entitymigrations.operations.SchemaBuilder.numeric;
import static io.github.entitymigrations.operations.SchemaBuilder.schema;
import static io.github.entitymigrations.operations.SchemaBuilder.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.SchemaBuilder;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Destructive and data-dependent steps are flagged on the step they concern, and only on existing tables. */
class DiffWarningsTest {

    private static final Consumer<SchemaBuilder> USERS = s -> s.table("users", t -> {
        t.id();
        t.col("name", varchar(100));
    });

    /** Each warning as {@code <step>:<kind>}, steps counted from 1 as {@link Warning#toString()} does. */
    private static List<String> kinds(Diff diff) {
        return diff.warnings().stream().map(w -> w.step() + ":" + w.kind()).toList();
    }

    private static Diff diff(Schema from, Schema to) {
        return assertRoundTrips(from, to);
    }

    @Test
    void droppingATableIsDestructive() {
        Diff diff = diff(schema(USERS), schema());
        assertEquals(List.of("1:destructive"), kinds(diff));
        assertEquals("step 1 (destructive): drops table users and all its rows", diff.warnings().get(0).toString());
    }

    @Test
    void droppingAColumnIsDestructiveAndSuggestsRenamedFrom() {
        Diff diff = diff(schema(USERS), schema(s -> s.table("users", t -> t.id())));
        assertEquals(List.of("1:destructive"), kinds(diff));
        assertTrue(diff.warnings().get(0).message().contains("drops column users.name"), diff.warnings()::toString);
        assertTrue(diff.warnings().get(0).message().contains("@RenamedFrom(\"name\")"), diff.warnings()::toString);
    }

    static Stream<Arguments> narrowing() {
        return Stream.of(
                Arguments.of(varchar(100), varchar(50)),
                Arguments.of(numeric(10, 2), numeric(8, 2)),
                Arguments.of(numeric(10, 2), numeric(10, 1)),
                // Same precision, more scale: 8 integer digits become 6, so 12345678.00 no longer fits.
                Arguments.of(numeric(10, 2), numeric(10, 4)),
                Arguments.of(BIGINT, INTEGER),
                Arguments.of(INTEGER, ColumnType.of("SMALLINT")),
                Arguments.of(varchar(100), INTEGER),
                // A bigint needs up to 20 characters with its sign.
                Arguments.of(BIGINT, varchar(10)),
                Arguments.of(CLOB, varchar(4000)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("narrowing")
    void narrowingATypeIsDestructive(ColumnType before, ColumnType after) {
        Diff diff = diff(typed(before), typed(after));
        assertEquals(List.of("1:destructive"), kinds(diff));
        assertTrue(diff.warnings().get(0).message().contains("changes t.v from " + before + " to " + after),
                diff.warnings()::toString);
    }

    static Stream<Arguments> widening() {
        return Stream.of(
                Arguments.of(varchar(50), varchar(100)),
                Arguments.of(numeric(8, 2), numeric(10, 2)),
                Arguments.of(numeric(10, 2), numeric(12, 4)),
                Arguments.of(INTEGER, BIGINT),
                Arguments.of(ColumnType.of("SMALLINT"), INTEGER),
                Arguments.of(varchar(100), CLOB),
                Arguments.of(INTEGER, numeric(19, 0)),
                Arguments.of(INTEGER, varchar(255)),
                Arguments.of(BIGINT, varchar(20)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("widening")
    void wideningATypeIsNotFlagged(ColumnType before, ColumnType after) {
        assertEquals(List.of(), kinds(diff(typed(before), typed(after))));
    }

    private static Schema typed(ColumnType type) {
        return schema(s -> s.table("t", t -> t.col("v", type)));
    }

    @Test
    void notNullColumnWithoutDefaultOnExistingTableDependsOnData() {
        Diff diff = diff(schema(USERS), schema(USERS, s -> s.table("users", t -> t.col("email", varchar(100))
                .notNull())));
        assertEquals(List.of("1:data"), kinds(diff));
        assertTrue(diff.warnings().get(0).message().startsWith("adds NOT NULL column users.email without a default"),
                diff.warnings()::toString);
    }

    @Test
    void nullableOrDefaultedOrIdentityColumnIsNotFlagged() {
        Schema to = schema(USERS, s -> s.table("users", t -> {
            t.col("a", varchar(100));
            t.col("b", varchar(100)).notNull().defaultValue("''");
            t.col("c", BIGINT).notNull().identity();
        }));
        assertEquals(List.of(), kinds(diff(schema(USERS), to)));
    }

    @Test
    void nullableToNotNullDependsOnDataAndTheReverseIsNotFlagged() {
        Schema notNull = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", varchar(100)).notNull();
        }));
        Diff diff = diff(schema(USERS), notNull);
        assertEquals(List.of("1:data"), kinds(diff));
        assertTrue(diff.warnings().get(0).message().startsWith("users.name becomes NOT NULL"),
                diff.warnings()::toString);
        assertEquals(List.of(), kinds(diff(notNull, schema(USERS))));
    }

    @Test
    void uniqueAndCheckOnExistingTableDependOnData() {
        Schema to = schema(USERS, s -> s.table("users", t -> {
            t.unique("uk_users_name", "name");
            t.uniqueIndex("ix_users_name_u", "name", "id");
            t.index("ix_users_name", "name");
            t.checkIn("ck_users_name", "name", "a", "b");
        }));
        Diff diff = diff(schema(USERS), to);
        assertEquals(List.of("add unique constraint uk_users_name on users (name)",
                "create index ix_users_name on users (name)",
                "create unique index ix_users_name_u on users (name, id)",
                "add check constraint ck_users_name on users (name in ('a', 'b'))"),
                DiffAssertions.describe(diff.upgrade()));
        assertEquals(List.of("1:data", "3:data", "4:data"), kinds(diff));
    }

    @Test
    void foreignKeyOnExistingTableDependsOnData() {
        Consumer<SchemaBuilder> both = s -> {
            s.table("teams", t -> t.id());
            s.table("users", t -> {
                t.id();
                t.col("team_id", BIGINT);
            });
        };
        Diff diff = diff(schema(both), schema(both, s -> s.table("users", t -> t.fk("fk_users_team_id", "team_id", "teams"))));
        assertEquals(List.of("1:data"), kinds(diff));
        assertTrue(diff.warnings().get(0).message().startsWith("adds foreign key fk_users_team_id: it fails if existing "
                + "rows of users reference rows teams does not have"), diff.warnings()::toString);
    }

    /**
     * A key that gives its name up to a new table is dropped and added again, the foreign key on it around it: none
     * of them can fail on rows, so nothing is flagged.
     */
    @Test
    void aKeyAddedAgainUnderItsNewNameIsNotFlagged() {
        Schema from = schema(s -> {
            s.table("delta", t -> t.pk("pk_beta", "id").col("id", BIGINT).notNull());
            s.table("gamma", t -> {
                t.id();
                t.col("delta_id", BIGINT);
                t.fk("fk_gamma_delta_id", "delta_id", "delta");
            });
        });
        Schema to = schema(s -> {
            s.table("delta", t -> t.id());
            s.table("gamma", t -> {
                t.id();
                t.col("delta_id", BIGINT);
                t.fk("fk_gamma_delta_id", "delta_id", "delta");
            });
            s.table("beta", t -> t.id());
        });
        Diff diff = diff(from, to);
        assertEquals(List.of("drop foreign key fk_gamma_delta_id on gamma", "drop primary key pk_beta on delta",
                "add primary key pk_delta on delta (id)", "create table beta (1 columns)",
                "add foreign key fk_gamma_delta_id on gamma (delta_id) -> delta (id)"),
                DiffAssertions.describe(diff.upgrade()));
        assertEquals(List.of(), kinds(diff));
    }

    @Test
    void nothingIsFlaggedForATableCreatedInTheSameDiff() {
        Schema to = schema(s -> {
            s.table("a", t -> {
                t.id();
                t.col("name", varchar(10)).notNull();
                t.col("b_id", BIGINT).notNull();
                t.unique("uk_a_name", "name");
                t.uniqueIndex("ix_a_b_id", "b_id");
                t.checkIn("ck_a_name", "name", "x", "y");
                t.fk("fk_a_b_id", "b_id", "b");
            });
            s.table("b", t -> {
                t.id();
                t.col("a_id", BIGINT).notNull();
                t.fk("fk_b_a_id", "a_id", "a");
            });
        });
        Diff diff = diff(schema(), to);
        assertEquals(3, diff.upgrade().size(), () -> DiffAssertions.describe(diff.upgrade()).toString());
        assertEquals(List.of(), kinds(diff));
    }

    @Test
    void renamedTableStillCountsAsExisting() {
        Schema to = schema(s -> s.table("people", t -> {
            t.id();
            t.renamedFrom("users");
            t.col("name", varchar(100));
            t.col("email", varchar(100)).notNull();
        }));
        Diff diff = diff(schema(USERS), to);
        assertEquals(List.of("rename table users to people", "add column people.email VARCHAR(100) not null"),
                DiffAssertions.describe(diff.upgrade()));
        assertEquals(List.of("2:data"), kinds(diff));
    }

    @Test
    void stepsPointAtTheirOperation() {
        Schema from = schema(USERS, s -> s.table("logs", t -> t.id()));
        Schema to = schema(s -> s.table("users", t -> {
            t.id();
            t.col("name", varchar(50));
            t.col("email", varchar(100)).notNull();
        }));
        Diff diff = diff(from, to);
        assertEquals(List.of("drop table logs", "alter column users.name: VARCHAR(100) -> VARCHAR(50)",
                "add column users.email VARCHAR(100) not null"), DiffAssertions.describe(diff.upgrade()));
        assertEquals(List.of("1:destructive", "2:destructive", "3:data"), kinds(diff));
    }
}
