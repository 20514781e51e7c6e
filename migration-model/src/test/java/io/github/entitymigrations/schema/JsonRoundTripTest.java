package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot format: lossless round trips, stable bytes, clear read errors, and JSON string escapes. */
class JsonRoundTripTest {

    /** A snapshot in canonical form, using every optional key. */
    private static final String CANONICAL = """
            {
              "format" : 1,
              "naming" : "spring",
              "sequences" : [ {
                "increment" : 1,
                "name" : "ticket_numbers",
                "schema" : "billing",
                "start" : 100
              }, {
                "increment" : 50,
                "name" : "invoice_seq",
                "start" : 1
              } ],
              "tables" : [ {
                "checks" : [ {
                  "column" : "kind",
                  "max" : 2,
                  "min" : 0,
                  "name" : "ck_invoice_kind"
                }, {
                  "column" : "status",
                  "name" : "ck_invoice_status",
                  "values" : [ "OPEN", "PAID" ]
                }, {
                  "expression" : "total >= 0",
                  "name" : "ck_invoice_total"
                } ],
                "columns" : [ {
                  "identity" : true,
                  "name" : "id",
                  "nullable" : false,
                  "type" : "BIGINT"
                }, {
                  "columnDefinition" : "jsonb",
                  "name" : "data",
                  "nullable" : true,
                  "type" : "OTHER"
                }, {
                  "name" : "kind",
                  "nullable" : true,
                  "type" : "TINYINT"
                }, {
                  "default" : "'OPEN'",
                  "defaultValue" : "'OPEN'",
                  "length" : 255,
                  "name" : "status",
                  "nullable" : false,
                  "quoted" : true,
                  "renamedFrom" : "state",
                  "type" : "VARCHAR"
                }, {
                  "name" : "total",
                  "nullable" : true,
                  "precision" : 10,
                  "scale" : 2,
                  "type" : "NUMERIC"
                } ],
                "foreignKeys" : [ {
                  "columns" : [ "id" ],
                  "name" : "fk_invoice_id",
                  "onDelete" : "CASCADE",
                  "referencedColumns" : [ "id" ],
                  "referencedSchema" : "core",
                  "referencedTable" : "document"
                } ],
                "indexes" : [ {
                  "columns" : [ "status", "total" ],
                  "name" : "ix_invoice_status_total",
                  "unique" : false
                } ],
                "name" : "invoice",
                "primaryKey" : {
                  "columns" : [ "id" ],
                  "name" : "pk_invoice"
                },
                "quoted" : true,
                "renamedFrom" : "bill",
                "schema" : "billing",
                "sources" : [ "com.example.Invoice" ],
                "uniques" : [ {
                  "columns" : [ "kind", "status" ],
                  "name" : "uk_invoice_kind_status"
                } ]
              }, {
                "name" : "empty"
              } ]
            }
            """;

    @Test
    void writeOfReadIsTheIdentityOnCanonicalText() {
        Schema schema = SchemaJson.read(CANONICAL);

        assertEquals(CANONICAL, SchemaJson.write(schema));
        assertEquals(schema, SchemaJson.read(SchemaJson.write(schema)));
    }

    @Test
    void theFollowedHibernateIsWrittenAndRead_aSnapshotWithoutItStillReads() {
        Schema schema = SchemaJson.read(CANONICAL);
        assertEquals(null, schema.hibernate(), "a snapshot of an earlier processor has no \"hibernate\" key");

        Schema following74 = new Schema(schema.naming(), schema.tables(), schema.sequences(), "7.4");
        String text = SchemaJson.write(following74);
        assertTrue(text.contains("\n  \"hibernate\" : \"7.4\",\n"), text);
        assertEquals(following74, SchemaJson.read(text));
    }

    @Test
    void readGivesTheRecordsWithEveryField() {
        Schema schema = SchemaJson.read(CANONICAL);

        assertEquals(NamingStrategy.SPRING, schema.naming());
        assertEquals(new Sequence("billing", "ticket_numbers", 100, 1), schema.sequences().get(0), "sorted by schema then name");
        Table invoice = schema.tables().get(0);
        assertEquals("billing.invoice", invoice.qualifiedName(), "tables sorted by schema then name");
        assertEquals(new Column("status", ColumnType.ofLength("VARCHAR", 255), false, false, "'OPEN'", null, true,
                "state"), invoice.column("status"));
        assertEquals(new Column("id", ColumnType.of("BIGINT"), false, true, null, null, false, null), invoice.column("id"));
        assertEquals(List.of(CheckConstraint.between("ck_invoice_kind", "kind", 0, 2),
                CheckConstraint.in("ck_invoice_status", "status", List.of("OPEN", "PAID")),
                CheckConstraint.expression("ck_invoice_total", null, "total >= 0")), invoice.checks());
        assertEquals(new ForeignKey("fk_invoice_id", List.of("id"), "core", "document", List.of("id"), OnDelete.CASCADE),
                invoice.foreignKeys().get(0));
        assertEquals(new PrimaryKey("pk_invoice", List.of("id")), invoice.primaryKey());
        assertTrue(invoice.quoted());
        assertEquals("bill", invoice.renamedFrom());
    }

    @Test
    void writeSortsTablesColumnsAndConstraintsWhateverTheInputOrder() {
        Column b = new Column("b", ColumnType.of("DATE"), true, false, null, null, false, null);
        Column a = new Column("a", ColumnType.of("DATE"), true, false, null, null, false, null);
        Column id = new Column("id", ColumnType.of("BIGINT"), false, false, null, null, false, null);
        Table t2 = new Table(null, "t2", false, null, List.of(), List.of(b, id, a), new PrimaryKey("pk_t2", List.of("id")),
                List.of(new UniqueConstraint("uk_2", List.of("b")), new UniqueConstraint("uk_1", List.of("a"))),
                List.of(), List.of(), List.of());
        Table t1 = new Table(null, "t1", false, null, List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
        Schema shuffled = new Schema(NamingStrategy.JPA, List.of(t2, t1), List.of(new Sequence(null, "z", 1, 50),
                new Sequence(null, "a", 1, 50)));
        Schema sorted = new Schema(NamingStrategy.JPA, List.of(t1, t2), List.of(new Sequence(null, "a", 1, 50),
                new Sequence(null, "z", 1, 50)));

        assertEquals(SchemaJson.write(sorted), SchemaJson.write(shuffled));
        Table written = SchemaJson.read(SchemaJson.write(shuffled)).tables().get(1);
        assertEquals(List.of("id", "a", "b"), written.columns().stream().map(Column::name).toList(),
                "primary key first, then by name");
        assertEquals(List.of("uk_1", "uk_2"), written.uniques().stream().map(UniqueConstraint::name).toList());
    }

    @Test
    void badJsonFailsWithTheOffset() {
        assertReadError("{ \"format\" : ", "invalid JSON at offset 13: unexpected end of input");
        assertReadError("{ \"format\" : 1 } x", "invalid JSON at offset 17: unexpected trailing content");
        assertReadError("{ \"format\" 1 }", "invalid JSON at offset 11: expected ':'");
        assertReadError("{ \"naming\" : \"jpa }", "invalid JSON at offset 19: unterminated string");
        assertReadError("{ \"format\" : tru }", "invalid JSON at offset 13: unexpected character");
        assertReadError("[ 1, 2 ]", "expected a JSON object for snapshot");
    }

    @Test
    void anUnknownFormatIsRefusedSayingWhatToDo() {
        assertReadError("{ \"format\" : 2, \"naming\" : \"jpa\", \"tables\" : [ ], \"sequences\" : [ ] }",
                "unsupported snapshot format 2 (this version reads 1); recompile the entities with the matching "
                        + "migration-processor");
        assertReadError("{ \"naming\" : \"jpa\", \"tables\" : [ ] }", "unsupported snapshot format null");
    }

    @Test
    void aWrongShapeIsAClearErrorNotAClassCastException() {
        assertReadError("{ \"format\" : 1, \"naming\" : \"jpa\", \"tables\" : { }, \"sequences\" : [ ] }", "tables");
        assertReadError("{ \"format\" : 1, \"naming\" : \"jpa\", \"tables\" : [ 7 ], \"sequences\" : [ ] }",
                "expected a JSON object for table");
    }

    @Test
    void aSnapshotOfAnEarlierProcessorStillReads_itsDefaultKeyIsTheDefaultValue() {
        String old = CANONICAL.replace("  \"defaultValue\" : \"'OPEN'\",\n", "").replace("""
                  }, {
                    "name" : "empty"
                  } ]""", """
                  }, {
                    "checks" : [ ],
                    "columns" : [ ],
                    "foreignKeys" : [ ],
                    "indexes" : [ ],
                    "name" : "empty",
                    "sources" : [ ],
                    "uniques" : [ ]
                  } ]""");

        Schema schema = SchemaJson.read(old);

        assertEquals(SchemaJson.read(CANONICAL), schema);
        assertEquals("'OPEN'", schema.tables().get(0).column("status").defaultValue());
        assertEquals(CANONICAL, SchemaJson.write(schema), "written again in the one form");
    }

    @Test
    void theCompatibilityKeyForTheDefaultMustAgreeWithTheDefaultValue() {
        String differing = CANONICAL.replace("\"default\" : \"'OPEN'\",", "\"default\" : \"'PAID'\",");
        assertReadError(differing, "column status has a \"defaultValue\" and a different \"default\"; keep "
                + "\"defaultValue\" only");
        String onlyTheOneForm = CANONICAL.replace("\"default\" : \"'OPEN'\",", "");
        assertEquals(SchemaJson.read(CANONICAL), SchemaJson.read(onlyTheOneForm));
    }

    @Test
    void anUnknownOnDeleteOrNamingIsRefusedNamingTheFieldAndTheValues() {
        assertReadError(CANONICAL.replace("\"CASCADE\"", "\"cascade\""), "foreign key fk_invoice_id: unknown "
                + "onDelete \"cascade\"; the values are NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT, RESTRICT");
        assertReadError(CANONICAL.replace("\"spring\"", "\"hibernate\""),
                "unknown naming \"hibernate\"; the values are jpa, spring");
    }

    @Test
    void aNameListHoldingAnythingButNamesIsRefusedSayingWhatItFound() {
        String pk = "(\"columns\" : \\[ )\"id\"( \\],\\s*\"name\" : \"pk_invoice\")";
        String seven = CANONICAL.replaceFirst(pk, "$17$2");
        assertNotEquals(CANONICAL, seven, "the fixture's primary key");
        assertReadError(seven, "expected a name (a JSON string) in a list of names, found 7");
        assertReadError(CANONICAL.replaceFirst(pk, "$1null$2"),
                "expected a name (a JSON string) in a list of names, found null");
    }

    private static void assertReadError(String text, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemaJson.read(text));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                "message \"" + e.getMessage() + "\" should contain \"" + expectedMessagePart + "\"");
    }

    @Test
    void stringsAreEscapedAndReadBack() {
        String nasty = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 nul \u0000 é ✓ /";

        String written = Json.write(nasty);

        assertEquals("\"quote \\\" backslash \\\\ newline \\n return \\r tab \\t bell \\u0007 nul \\u0000 é ✓ /\"\n",
                written);
        assertEquals(nasty, Json.read(written));
        assertEquals("\b\f/é", Json.read("\"\\b\\f\\/\\u00e9\""), "every JSON escape reads");
    }

    @Test
    void objectsHaveSortedKeysAndNoNullMembers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", List.of(1L, "two", true));
        map.put("alpha", null);
        map.put("mid", Map.of());
        map.put("empty", List.of());

        assertEquals("{\n  \"empty\" : [ ],\n  \"mid\" : { },\n  \"zeta\" : [ 1, \"two\", true ]\n}\n", Json.write(map));
        assertEquals(Map.of("a", -12L, "b", List.of()), Json.read("{\"a\":-12,\"b\":[]}"));
    }
}
