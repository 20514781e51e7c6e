package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.schema.OnDelete;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that are one of a few (a foreign key's {@code onDelete}, a warning's {@code kind}) are typed when read:
 * every accepted string reads, anything else is refused naming the file, the key and the accepted values.
 */
class TypedValuesReadingTest {

    @TempDir
    Path dir;

    private static final String FILE = """
            {
              "id" : "0002",
              "message" : "orders to customers",
              "parent" : "0001",
              "upgrade" : [ {
                "op" : "add_foreign_key",
                "foreignKey" : {
                  "columns" : [ "customer_id" ],
                  "name" : "fk_orders_customer",
                  "onDelete" : "CASCADE",
                  "referencedColumns" : [ "id" ],
                  "referencedTable" : "customer"
                },
                "table" : "orders"
              } ],
              "downgrade" : [ ],
              "warnings" : [ {
                "kind" : "data",
                "message" : "fails if an order has no customer",
                "step" : 1
              } ]
            }
            """;

    private MigrationReader.Result read(String text) {
        writeText(dir.resolve("0002_orders_to_customers.json"), text);
        return MigrationReader.read(dir);
    }

    @Test
    void everyActionAndKindReadsAsItsConstant_andIsWrittenBackTheSame() {
        for (OnDelete action : OnDelete.values()) {
            for (Warning.Kind kind : Warning.Kind.values()) {
                String text = FILE.replace("\"CASCADE\"", "\"" + action.json() + "\"")
                        .replace("\"data\"", "\"" + kind.json() + "\"");
                MigrationReader.Result r = read(text);
                assertEquals(List.of(), r.problems());
                Migration m = r.files().get(0).migration();
                assertEquals(action, ((AddForeignKey) m.upgrade().get(0)).foreignKey().onDelete());
                assertEquals(kind, m.warnings().get(0).kind());
                String written = MigrationJson.write(m);
                assertTrue(written.contains("\"onDelete\" : \"" + action.json() + "\""), written);
                assertTrue(written.contains("\"kind\" : \"" + kind.json() + "\""), written);
            }
        }
    }

    @Test
    void anUnknownOnDeleteNamesTheFileTheKeyAndTheValues() {
        List<String> problems = read(FILE.replace("\"CASCADE\"", "\"cascade\"")).problems();

        assertEquals(List.of("0002_orders_to_customers.json: unknown onDelete \"cascade\"; the values are NO_ACTION, "
                + "CASCADE, SET_NULL, SET_DEFAULT, RESTRICT (at upgrade[0].foreignKey.onDelete, line 10, column 20)"),
                problems);
    }

    @Test
    void anUnknownWarningKindNamesTheFileTheKeyAndTheValues() {
        List<String> problems = read(FILE.replace("\"data\"", "\"risky\"")).problems();

        assertEquals(List.of("0002_orders_to_customers.json: unknown warning kind \"risky\"; the values are "
                + "destructive, data (at warnings[0].kind, line 18, column 14)"), problems);
    }

    @Test
    void anActionMustBeAString() {
        List<String> problems = read(FILE.replace("\"CASCADE\"", "1")).problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("0002_orders_to_customers.json: upgrade[0].foreignKey.onDelete must be "
                + "one of the strings NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT, RESTRICT"), problems.get(0));
    }

    @Test
    void aKindMustBeAString() {
        List<String> problems = read(FILE.replace("\"data\"", "true")).problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("0002_orders_to_customers.json: warnings[0].kind must be one of the "
                + "strings destructive, data"), problems.get(0));
    }
}
