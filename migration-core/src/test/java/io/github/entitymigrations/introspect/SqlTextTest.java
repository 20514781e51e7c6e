package io.github.entitymigrations.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the dialect writes and what the catalog reports come to one spelling; different things do not. */
class SqlTextTest {

    @Test
    void postgresTypesAreSpelledAsFormatTypeSpellsThem() {
        String[][] cases = {
            {"varchar(255)", "character varying(255)"}, {"VARCHAR (255)", "character varying(255)"},
            {"char(1)", "character(1)"}, {"bpchar(3)", "character(3)"}, {"int4", "integer"}, {"int", "integer"},
            {"int8", "bigint"}, {"bool", "boolean"}, {"float(53)", "double precision"}, {"float4", "real"},
            {"float(10)", "real"}, {"decimal(10, 2)", "numeric(10,2)"}, {"numeric(10)", "numeric(10,0)"},
            {"timestamp(6)", "timestamp(6) without time zone"}, {"timestamp", "timestamp without time zone"},
            {"timestamp(3) with time zone", "timestamp(3) with time zone"},
            {"timestamptz", "timestamp with time zone"}, {"time(6)", "time(6) without time zone"},
            {"varchar(20)[]", "character varying(20)[]"}, {"text", "text"}, {"jsonb", "jsonb"},
            {"serial", "integer"}, {"bit", "bit(1)"}, {"Bit", "bit(1)"}, {"bit(8)", "bit(8)"}, {"char", "character(1)"},
            {"character", "character(1)"}, {"varbit(8)", "bit varying(8)"}, {"bit varying", "bit varying"},
            {"varchar", "character varying"}};
        for (String[] c : cases) {
            assertEquals(c[1], SqlText.postgresType(c[0]), c[0]);
        }
        assertEquals("numeric(12,2)", SqlText.type("numeric(12, 2)"));
    }

    @Test
    void defaultsLoseCastsParenthesesAndCaseButNotTheirMeaning() {
        assertEquals("'NEW'", SqlText.defaultValue("'NEW'::character varying"));
        assertEquals("'It''s'", SqlText.defaultValue("('It''s'::text)"));
        assertEquals("current_timestamp", SqlText.defaultValue("now()"));
        assertEquals("current_timestamp", SqlText.defaultValue("CURRENT_TIMESTAMP"));
        assertEquals("-1", SqlText.defaultValue("'-1'::integer"));
        assertEquals("0", SqlText.defaultValue("(0)"));
        assertEquals("nextval('orders_seq')", SqlText.defaultValue("nextval('orders_seq'::regclass)"));
        assertEquals("(1) + (2)", SqlText.defaultValue("(1) + (2)"), "not one pair of outer parentheses");
        assertEquals("lower('ABC')", SqlText.defaultValue("LOWER('ABC')"), "case kept inside literals");
        // A type whose name is a keyword is quoted in the cast PostgreSQL prints (a column defined "bit default '0'").
        assertEquals(SqlText.defaultValue("'0'"), SqlText.defaultValue("'0'::\"bit\""));
        assertEquals(SqlText.defaultValue("B'101'"), SqlText.defaultValue("'101'::\"bit\""));
        assertEquals(SqlText.defaultValue("'x'"), SqlText.defaultValue("'x'::bpchar"));
        assertEquals("'b'", SqlText.defaultValue("'b'"), "a string holding a b is no bit string");
        assertNull(SqlText.defaultValue("NULL"));
        assertNull(SqlText.defaultValue(null));
    }

    @Test
    void aColumnDefinitionIsSplitIntoTypeDefaultAndNotNull() {
        assertEquals(new ColumnDefinition("numeric(12,2)", "0", true),
                ColumnDefinition.of("numeric(12,2) default 0 not null"));
        assertEquals(new ColumnDefinition("varchar(20)", "'a not null b'", false),
                ColumnDefinition.of("varchar(20) default 'a not null b'"));
        assertEquals(new ColumnDefinition("text[]", null, false), ColumnDefinition.of("text[]"));
        assertEquals(new ColumnDefinition("numeric(5, 2)", null, true), ColumnDefinition.of("numeric(5, 2) NOT NULL"));
    }
}
