package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.type;
import static io.github.entitymigrations.dialect.PgModel.varchar;
import static io.github.entitymigrations.dialect.PgTables.BIGINT;
import static io.github.entitymigrations.dialect.PgTables.CUSTOMER;
import static io.github.entitymigrations.dialect.PgTables.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact SQL of every operation, type, quoting rule and schema qualification on PostgreSQL. */
class PostgresDialectGoldenTest {

    private static final PostgresDialect DIALECT = new PostgresDialect(null);

    @TestFactory
    Stream<DynamicTest> everyScenarioRendersItsGoldenSql() {
        return PgScenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.name(),
                () -> assertEquals(s.expected(), s.render(), s.name())));
    }

    @Test
    void everyOperationTypeHasAScenario() {
        Set<String> covered = PgScenarios.all().stream().map(s -> s.when().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, covered);
    }

    @Test
    void nameIsPostgresql() {
        assertEquals("postgresql", DIALECT.name());
    }

    @ParameterizedTest(name = "{0} (quoted: {1}) -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "customer        | false | customer",
        "AppSetting      | false | appsetting",
        "created_at      | false | created_at",
        "_private        | false | _private",
        "price$          | false | price$",
        "user            | false | \"user\"",
        "Order           | false | \"order\"",
        "GROUP           | false | \"group\"",
        "value           | false | value",
        "time            | false | \"time\"",
        "json            | false | \"json\"",
        "2fa             | false | \"2fa\"",
        "$x              | false | \"$x\"",
        "e-mail          | false | \"e-mail\"",
        "first name      | false | \"first name\"",
        "Ärger           | false | \"Ärger\"",
        "ärger           | false | \"ärger\"",
        "has\"quote      | false | \"has\"\"quote\"",
        "AppSetting      | true  | \"AppSetting\"",
        "customer        | true  | \"customer\"",
        "user            | true  | \"user\"",
        "has\"quote      | true  | \"has\"\"quote\"",
    })
    void identifiers(String name, boolean quoted, String expected) {
        assertEquals(expected, DIALECT.identifier(name, quoted));
    }

    @Test
    void emptyIdentifierIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DIALECT.identifier("", false));
    }

    @Test
    void stringLiteralsDoubleTheirQuotes() {
        assertEquals("'it''s'", Dialect.literal("it's"));
        assertEquals("'back\\slash'", Dialect.literal("back\\slash"));
    }

    @Test
    void downgradesRenderTheReverseConversion() {
        assertEquals(List.of("alter table item alter column active type boolean using active <> 0"),
                reverse(col("active", type("BOOLEAN")), col("active", PgTables.INTEGER)));
        assertEquals(List.of("alter table item alter column body type varchar(100) "
                        + "using convert_from(lo_get(body), 'UTF8')"),
                reverse(col("body", varchar(100)), col("body", type("CLOB"))));
        assertEquals(List.of("alter table item alter column data type bytea using lo_get(data)"),
                reverse(col("data", type("VARBINARY")), col("data", type("BLOB"))));
        assertEquals(List.of("alter table item alter column took type numeric(21,0) "
                        + "using extract(epoch from took) * 1000000000"),
                reverse(col("took", PgModel.numeric(21, 0)), col("took", type("INTERVAL_SECOND"))));
        assertEquals(List.of("alter table item alter column seq drop identity",
                        "alter table item alter column seq drop not null"),
                reverse(col("seq", BIGINT), col("seq", BIGINT).identity()));
    }

    /** The SQL of the downgrade of {@code item.col: from -> to}. */
    private static List<String> reverse(PgModel.Col from, PgModel.Col to) {
        AlterColumn up = new AlterColumn(null, "item", from.build(), to.build());
        Schema after = SchemaState.empty().apply(List.of(create(PgTables.item(from)), up)).toSchema();
        return DIALECT.render(up.reverse(), after);
    }

    @Test
    void aColumnCannotHaveBothIdentityAndADefault() {
        AddColumn op = new AddColumn(null, "customer", col("n", BIGINT).identity().defaultValue("1").build());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> DIALECT.render(op, schemaWithCustomer()));
        assertEquals("column n has both a default (1) and identity, which PostgreSQL does not allow; keep one of them",
                e.getMessage());
    }

    @Test
    void aTypeWithoutAPostgresqlTypeNeedsAColumnDefinition() {
        AddColumn op = new AddColumn(null, "customer", col("tags", type("ARRAY")).build());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> DIALECT.render(op, schemaWithCustomer()));
        assertTrue(e.getMessage().startsWith("column tags has type ARRAY, which has no PostgreSQL type of its own; "
                + "give its mapping a columnDefinition"), e.getMessage());
    }

    @Test
    void aValuesCheckWithoutAColumnIsRefused() {
        CreateTable op = create(PgModel.table("t").id().check(CheckConstraint.in("ck", null, List.of("A"))).build());
        assertThrows(IllegalArgumentException.class, () -> DIALECT.render(op, null));
    }

    @Test
    void withoutTheSchemaBeforeNamesAreTakenAsUnquoted() {
        AddColumn op = new AddColumn(null, "AppSetting", col("Order", type("INTEGER")).build());
        assertEquals(List.of("alter table appsetting add column \"order\" integer"), DIALECT.render(op, null));
    }

    /** Hibernate's quoting settings quote sequences too ({@code "Member_SEQ"}), keeping their case. */
    @Test
    void aQuotedSequenceKeepsItsCase() {
        Sequence quoted = new Sequence(null, "Member_SEQ", 1, 50, true);
        assertEquals(List.of("create sequence \"Member_SEQ\" start with 1 increment by 50"),
                DIALECT.render(new CreateSequence(quoted), null));
        assertEquals(List.of("drop sequence \"Member_SEQ\""), DIALECT.render(new DropSequence(quoted), null));
        assertEquals(List.of("create sequence member_seq start with 1 increment by 50"),
                DIALECT.render(new CreateSequence(new Sequence(null, "Member_SEQ", 1, 50)), null));
    }

    @Test
    void aBlankDefaultSchemaMeansTheSearchPath() {
        assertEquals(List.of(PgTables.CUSTOMER_SQL), new PostgresDialect(" ").render(create(CUSTOMER), null));
    }

    @Test
    void aMixedCaseDefaultSchemaIsFoldedLikeAnyUnquotedName() {
        assertEquals(List.of("drop table app.customer"),
                new PostgresDialect("App").render(new DropTable(CUSTOMER),
                        schemaWithCustomer()));
    }

    private static Schema schemaWithCustomer() {
        return SchemaState.empty().apply(List.of(create(CUSTOMER))).toSchema();
    }
}
