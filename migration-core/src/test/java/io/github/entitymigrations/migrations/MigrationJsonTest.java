package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.BIGINT;
import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.operations.*;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration file format: lossless, byte-stable, sorted, and strict about what it reads. */
class MigrationJsonTest {

    private static final Column PRICE = column("price", ColumnType.numeric("NUMERIC", 10, 2), false);
    private static final Column RATIO = column("ratio", new ColumnType("FLOAT", null, 53, null), true);

    @TempDir
    Path dir;

    /** A table using every part a table can have, in a named schema and quoted. */
    private static Table invoices() {
        Column id = new Column("id", BIGINT, false, true, null, null, true, null);
        Column status = new Column("status", varchar(255), false, false, "'OPEN'", null, false, null);
        Column data = new Column("data", ColumnType.of("OTHER"), true, false, null, "jsonb", false, null);
        return new Table("billing", "invoices", true, null, List.of(), List.of(id, status, data, PRICE, RATIO),
                new PrimaryKey("pk_invoices", List.of("id")),
                List.of(new UniqueConstraint("uk_invoices_status", List.of("status", "price"))),
                List.of(new Index("ix_invoices_price", List.of("price"), false),
                        new Index("ux_invoices_data", List.of("data"), true)),
                List.of(CheckConstraint.in("ck_invoices_status", "status", List.of("OPEN", "PAID")),
                        CheckConstraint.between("ck_invoices_kind", "ratio", 0, 2),
                        CheckConstraint.expression("ck_invoices_price", null, "price >= 0")),
                List.of(new ForeignKey("fk_invoices_self", List.of("id"), "billing", "invoices", List.of("id"),
                        OnDelete.CASCADE)));
    }

    /** One operation of every kind, sql both reversible (per dialect) and irreversible with schema changes. */
    private static List<Operation> everyKind() {
        Table invoices = invoices();
        Column phone = column("phone", varchar(20), true);
        ForeignKey fk = new ForeignKey("fk_orders_users", List.of("user_id"), null, "users", List.of("id"), OnDelete.NO_ACTION);
        Sequence seq = new Sequence("billing", "invoice_seq", 1, 50);
        Map<String, List<String>> up = new LinkedHashMap<>();
        up.put("sqlite", List.of("update users set phone = ''"));
        up.put("*", List.of("update users set phone = 'n/a'", "analyze users"));
        up.put("postgresql", List.of("update users set phone = concat('', '')"));
        return List.of(
                new CreateTable(invoices),
                new DropTable(invoices),
                new RenameTable("billing", "bills", "invoices"),
                new AddColumn(null, "users", phone),
                new DropColumn(null, "users", phone),
                new AlterColumn(null, "users", PRICE, column("price", ColumnType.numeric("NUMERIC", 12, 2), true)),
                new RenameColumn(null, "users", "mobile", "phone"),
                new AddPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id"))),
                new DropPrimaryKey(null, "users", new PrimaryKey("pk_users", List.of("id"))),
                new AddUnique(null, "users", new UniqueConstraint("uk_users_phone", List.of("phone"))),
                new DropUnique(null, "users", new UniqueConstraint("uk_users_phone", List.of("phone"))),
                new CreateIndex(null, "users", new Index("ix_users_phone", List.of("phone"), true)),
                new DropIndex(null, "users", new Index("ix_users_phone", List.of("phone"), false)),
                new AddCheck(null, "users", CheckConstraint.in("ck_users_kind", "kind", List.of("A", "B"))),
                new DropCheck(null, "users", CheckConstraint.expression("ck_users_age", null, "age > 0")),
                new AddForeignKey(null, "orders", fk),
                new DropForeignKey(null, "orders", fk),
                new CreateSequence(seq),
                new DropSequence(seq),
                new AlterSequence(seq, new Sequence("billing", "invoice_seq", 1, 1)),
                new CreateSequence(new Sequence(null, "Member_SEQ", 1, 50, true)),
                new Sql(up, Map.of("*", List.of("update users set phone = null")), false, List.of()),
                new Sql(Map.of("*", List.of("delete from users where phone is null")), null, true,
                        List.of(new AddColumn(null, "users", RATIO), new RenameTable(null, "people", "users"))));
    }

    private static Migration everything() {
        List<Operation> upgrade = everyKind();
        List<Operation> downgrade = Diff.reverse(upgrade.subList(0, upgrade.size() - 1));
        return new Migration("0042", "0041", "every kind of step", upgrade, downgrade,
                List.of(new Warning(1, Warning.DESTRUCTIVE, "drops table billing.invoices and all its rows"),
                        new Warning(5, Warning.DATA, "users.price becomes NOT NULL")));
    }

    @Test
    void everyOperationKindRoundTripsExactly() throws Exception {
        Migration original = everything();
        String text = MigrationJson.write(original);

        Migration back = MigrationJson.mapper().readValue(text, Migration.class);

        assertEquals(original, back);
        assertEquals(text, MigrationJson.write(back));
        Set<String> written = new HashSet<>();
        MigrationJson.mapper().readTree(text).get("upgrade").forEach(op -> written.add(op.get("op").asText()));
        assertEquals(new HashSet<>(Operations.NAMES), written, "the fixture uses every operation kind");

        Path file = Fixtures.writeText(dir.resolve("0042_every_kind_of_step.json"), text);
        MigrationReader.Result read = MigrationReader.read(dir);
        assertEquals(List.of(), read.problems());
        assertEquals(List.of(new MigrationFile(file, original)), read.files());
    }

    @Test
    void theSameMigrationGivesTheSameBytes() {
        Migration m = everything();
        assertEquals(MigrationJson.write(m), MigrationJson.write(m));
        assertEquals(MigrationJson.write(m), MigrationJson.write(everything()));

        // Map insertion order and table part order do not show in the bytes.
        Map<String, List<String>> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(Map.of("sqlite", List.of("a"), "*", List.of("b"), "postgresql", List.of("c")));
        Sql sorted = new Sql(new TreeMap<>(reversed), Map.of("*", List.of("d")), false, null);
        Sql shuffled = new Sql(reversed, Map.of("*", List.of("d")), false, null);
        assertEquals(MigrationJson.write(sorted), MigrationJson.write(shuffled));
        String text = MigrationJson.write(m);
        assertTrue(text.endsWith("}\n"), "ends with one newline");
        assertFalse(text.contains("\r") || text.contains("\t"));
        assertTrue(text.contains("\n  \"upgrade\" : [ {\n    \"op\" : \"create_table\""), "two-space indentation:\n" + text);
    }

    @Test
    void topLevelKeysComeInReadingOrderAndEveryOtherObjectIsSortedWithOpFirst() throws Exception {
        JsonNode root = MigrationJson.mapper().readTree(MigrationJson.write(everything()));

        assertEquals(List.of("id", "parent", "message", "upgrade", "downgrade", "warnings"), names(root));
        List<String> problems = new ArrayList<>();
        for (String key : List.of("upgrade", "downgrade", "warnings")) {
            root.get(key).forEach(child -> checkSorted(child, key, problems));
        }
        assertEquals(List.of(), problems);
        root.get("upgrade").forEach(op -> assertEquals("op", names(op).get(0)));
    }

    /** Collects every object whose keys are not sorted (with "op" allowed first). */
    private static void checkSorted(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            List<String> keys = names(node);
            List<String> rest = keys.get(0).equals("op") ? keys.subList(1, keys.size()) : keys;
            if (!rest.equals(rest.stream().sorted().toList()) || rest.contains("op")) {
                problems.add(path + ": " + keys);
            }
            node.fields().forEachRemaining(e -> checkSorted(e.getValue(), path + "." + e.getKey(), problems));
        } else if (node.isArray()) {
            node.forEach(child -> checkSorted(child, path + "[]", problems));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> result = new ArrayList<>();
        node.fieldNames().forEachRemaining(result::add);
        return result;
    }

    @Test
    void aSmallMigrationIsWrittenExactlyLikeThis() {
        Column phone = column("phone", varchar(20), true);
        Column price = column("price", ColumnType.numeric("NUMERIC", 12, 2), false);
        List<Operation> upgrade = List.of(new AddColumn(null, "users", phone),
                new AlterColumn(null, "users", PRICE, price), new AlterColumn(null, "users", RATIO,
                        new Column("ratio", ColumnType.of("DOUBLE"), true, true, null, null, true, null)));
        Migration m = new Migration("0002", null, "add phone", upgrade, List.of(), List.of());

        assertEquals("""
                {
                  "id" : "0002",
                  "message" : "add phone",
                  "upgrade" : [ {
                    "op" : "add_column",
                    "column" : {
                      "name" : "phone",
                      "nullable" : true,
                      "type" : "VARCHAR(20)"
                    },
                    "table" : "users"
                  }, {
                    "op" : "alter_column",
                    "from" : {
                      "name" : "price",
                      "nullable" : false,
                      "type" : "NUMERIC(10,2)"
                    },
                    "table" : "users",
                    "to" : {
                      "name" : "price",
                      "nullable" : false,
                      "type" : "NUMERIC(12,2)"
                    }
                  }, {
                    "op" : "alter_column",
                    "from" : {
                      "name" : "ratio",
                      "nullable" : true,
                      "type" : "FLOAT(53)"
                    },
                    "table" : "users",
                    "to" : {
                      "identity" : true,
                      "name" : "ratio",
                      "nullable" : true,
                      "quoted" : true,
                      "type" : "DOUBLE"
                    }
                  } ],
                  "downgrade" : [ ]
                }
                """, MigrationJson.write(m), "upgrade and downgrade are always written; warnings only when there are some");
    }

    @Test
    void typesAreReadFromTheirSqlText() throws Exception {
        assertEquals(varchar(255), type("VARCHAR(255)"));
        assertEquals(ColumnType.ofLength("CHAR", 1), type("CHAR(1)"));
        assertEquals(ColumnType.ofLength("VARBINARY", 16), type("VARBINARY(16)"));
        assertEquals(ColumnType.numeric("NUMERIC", 10, 2), type("NUMERIC(10,2)"));
        assertEquals(ColumnType.numeric("NUMERIC", 10, 2), type("NUMERIC(10, 2)"));
        assertEquals(new ColumnType("FLOAT", null, 53, null), type("FLOAT(53)"));
        assertEquals(new ColumnType("TIMESTAMP_UTC", null, 6, null), type("TIMESTAMP_UTC(6)"));
        assertEquals(BIGINT, type("BIGINT"));
    }

    @Test
    void aTypeThatIsNotSqlTextIsRejected() {
        Exception e = assertThrows(Exception.class, () -> type("varchar(x"));
        assertTrue(e.getMessage().contains("not a column type: \"varchar(x\""), e.getMessage());
    }

    private static ColumnType type(String text) throws Exception {
        String json = "{ \"name\" : \"c\", \"nullable\" : true, \"type\" : \"" + text + "\" }";
        return MigrationJson.mapper().readValue(json, Column.class).type();
    }

    @Test
    void aColumnWithoutNullableIsRejected() {
        String json = "{ \"name\" : \"c\", \"type\" : \"INTEGER\" }";
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> MigrationJson.mapper().readValue(json, Column.class));
        assertTrue(e.getOriginalMessage().contains("'nullable'"), e.getOriginalMessage());

        Fixtures.writeText(dir.resolve("0001_add_c.json"), """
                {
                  "id" : "0001",
                  "upgrade" : [ { "op" : "add_column", "table" : "t", "column" : { "name" : "c", "type" : "INTEGER" } } ]
                }
                """);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("0001_add_c.json: \"nullable\" is required but missing (at "
                + "upgrade[0].column.nullable, line 3, column "), problems.get(0));
    }

    @Test
    void anUnknownOperationIsNamedWithTheKnownOnes() {
        Fixtures.writeText(dir.resolve("0001_view.json"), """
                {
                  "id" : "0001",
                  "upgrade" : [ { "op" : "create_view", "name" : "v" } ]
                }
                """);
        assertEquals(List.of("0001_view.json: unknown operation \"create_view\" (at upgrade[0], line 3, column 26); the operations are "
                + Operations.NAMES), MigrationReader.read(dir).problems());
    }

    /**
     * Read for the runner, a file's steps are parsed on first use: its header is there at once, and a problem
     * in its steps is the same message, thrown when the steps are needed. A broken header is reported at once.
     */
    @Test
    void stepsReadLazilyGiveTheSameProblemWhenUsed() {
        Fixtures.writeText(dir.resolve("0001_view.json"), """
                {
                  "id" : "0001",
                  "message" : "a view",
                  "upgrade" : [ { "op" : "create_view", "name" : "v" } ]
                }
                """);
        Fixtures.writeText(dir.resolve("0002_typo.json"), """
                {
                  "id" : "0002",
                  "parent" : "0001",
                  "mesage" : "typo"
                }
                """);
        List<String> eager = MigrationReader.read(dir).problems();
        assertEquals(2, eager.size(), eager.toString());
        assertTrue(eager.get(1).startsWith("0002_typo.json: unknown property \"mesage\""), eager.get(1));
        MigrationReader.Result lazy = MigrationReader.read(dir, true);
        assertEquals(List.of(eager.get(1)), lazy.problems());
        assertEquals(1, lazy.files().size());
        MigrationFile view = lazy.files().get(0);
        assertEquals("0001", view.id());
        assertEquals("a view", view.message());
        assertEquals(null, view.parent());
        MigrationException e = assertThrows(MigrationException.class, view::migration);
        assertEquals(eager.get(0), e.getMessage());
    }

    @Test
    void anUnknownPropertyIsNamed() {
        Fixtures.writeText(dir.resolve("0001_typo.json"), """
                {
                  "id" : "0001",
                  "mesage" : "typo"
                }
                """);
        Fixtures.writeText(dir.resolve("0002_typo.json"), """
                {
                  "id" : "0002",
                  "parent" : "0001",
                  "upgrade" : [ { "op" : "rename_table", "form" : "a", "to" : "b" } ]
                }
                """);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("0001_typo.json: unknown property \"mesage\" (at mesage, line "), problems.get(0));
        // The misspelt "from" is named, not the "from" the record then lacks.
        assertTrue(problems.get(1).startsWith("0002_typo.json: unknown property \"form\" (at upgrade[0].form, in the "
                + "object at line "), problems.get(1));
    }

    /** A step without "op" should say so, not call the operation "null". */
    @Test
    void anOperationWithoutOpSaysItIsMissing() {
        Fixtures.writeText(dir.resolve("0001_no_op.json"), """
                {
                  "id" : "0001",
                  "upgrade" : [ { "table" : "t" } ]
                }
                """);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("\"op\"") && !problems.get(0).contains("\"null\""), problems.get(0));
        assertTrue(problems.get(0).contains(Operations.NAMES.toString()), problems.get(0));
    }
}
