package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.entitymigrations.diff.Warning;
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
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a migration file with Jackson's streaming parser into the very {@link Migration} that databind
 * ({@link MigrationJson}'s mapper) builds, in one pass that also makes {@link MigrationReader}'s strict checks
 * (one object and nothing after it, no {@code null}, no blank name). Why: in a fresh JVM, loading databind
 * and building its deserializers costs about half a second, more than parsing a thousand files, and every
 * apply, no-op and generate run reads every file.
 *
 * <p>It reads the form {@link MigrationJson#write} gives and nothing more: each step's {@code "op"} first,
 * only the keys the records have, each value of exactly its JSON type. Anything else gives {@code null}, an
 * error as much as a key databind ignores or an {@code "op"} further down, and the caller reads the file as
 * before, with databind, which accepts it or says exactly what is wrong. So the messages of broken files are
 * databind's by construction, and this reader must only never accept what databind refuses nor build
 * something else: {@code MigrationJsonReaderTest} compares the two over valid files and mutations of them.
 */
final class MigrationJsonReader {

    private MigrationJsonReader() {
    }

    /** The migration in {@code text}, or {@code null} when it is not plainly valid (databind must say). */
    static Migration read(String text) {
        try (JsonParser p = StrictJson.DUPLICATES_CHECKED_BY_READER.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Migration migration = MIGRATION.fields(p);
            return p.nextToken() == null ? migration : null;
        } catch (IOException | RuntimeException e) {
            // A syntax error, a value of another type, a record refusing its values: databind says which.
            return null;
        }
    }

    /** The file is not read here: the caller reads it with databind. Thrown often, so without a stack trace. */
    private static final class Declined extends IOException {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Reads the value starting at the parser's current token, and leaves the parser on its last token. */
    @FunctionalInterface
    private interface Value<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The values of an object's keys, as read. */
    private static final class Fields {
        private final Map<String, Object> values = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(String key) {
            return (T) values.get(key);
        }

        /** A {@code boolean} component: {@code false} when left out, as databind gives it. */
        boolean flag(String key) {
            return Boolean.TRUE.equals(values.get(key));
        }
    }

    /**
     * An object: the reader of each key's value, the keys it must have, and the record built from them. A key
     * not listed (unknown, or one databind ignores) declines the file.
     */
    private record Shape<T>(Map<String, Value<?>> keys, Set<String> required, Function<Fields, T> build)
            implements Value<T> {

        @Override
        public T read(JsonParser p) throws IOException {
            expect(p, JsonToken.START_OBJECT);
            return fields(p);
        }

        /** The keys after the object's {@code {}} (or after its {@code "op"}), up to its closing brace. */
        T fields(JsonParser p) throws IOException {
            Fields fields = new Fields();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                Value<?> value = keys.get(key);
                if (value == null) {
                    throw new Declined();
                }
                p.nextToken();
                if (fields.values.put(key, value.read(p)) != null) {
                    throw new Declined(); // a key given twice (no value read here is null)
                }
            }
            if (t != JsonToken.END_OBJECT || !fields.values.keySet().containsAll(required)) {
                throw new Declined();
            }
            return build.apply(fields);
        }
    }

    private static <T> Shape<T> shape(Map<String, Value<?>> keys, Function<Fields, T> build) {
        return new Shape<>(keys, Set.of(), build);
    }

    private static void expect(JsonParser p, JsonToken token) throws Declined {
        if (!p.hasToken(token)) {
            throw new Declined();
        }
    }

    // Scalars: exactly one JSON type each, as the mapper (no coercion) takes them.

    /** A string; a blank one where a name is expected is {@link MigrationReader}'s to report. */
    private static String string(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_STRING);
        String s = p.getText();
        if (s.isBlank() && MigrationReader.isName(p)) {
            throw new Declined();
        }
        return s;
    }

    private static Boolean bool(JsonParser p) throws IOException {
        if (p.hasToken(JsonToken.VALUE_TRUE)) {
            return Boolean.TRUE;
        }
        expect(p, JsonToken.VALUE_FALSE);
        return Boolean.FALSE;
    }

    /** A whole number within an {@code int}: no fraction, no exponent, no larger number cut. */
    private static Integer integer(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw new Declined();
        }
        return p.getIntValue();
    }

    /** A whole number within a {@code long}. */
    private static Long whole(JsonParser p) throws IOException {
        expect(p, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw new Declined();
        }
        return p.getLongValue();
    }

    private static <T> Value<List<T>> listOf(Value<T> item) {
        return p -> {
            expect(p, JsonToken.START_ARRAY);
            List<T> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(item.read(p));
            }
            return items;
        };
    }

    private static final Value<String> STRING = MigrationJsonReader::string;
    private static final Value<Boolean> BOOLEAN = MigrationJsonReader::bool;
    private static final Value<List<String>> STRINGS = listOf(STRING);

    /** A sql step's statements by dialect; which dialects are allowed is {@link Sql}'s to check. */
    private static final Value<Map<String, List<String>>> STATEMENTS = p -> {
        expect(p, JsonToken.START_OBJECT);
        Map<String, List<String>> byDialect = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String dialect = p.currentName();
            p.nextToken();
            if (byDialect.put(dialect, STRINGS.read(p)) != null) {
                throw new Declined(); // a dialect given twice
            }
        }
        return byDialect;
    };

    // The values ModelValues reads from one string, by the model's own code; a refused value declines.
    private static final Value<ColumnType> COLUMN_TYPE = p -> ColumnType.parse(string(p));
    private static final Value<OnDelete> ON_DELETE = p -> OnDelete.fromJson(string(p));
    private static final Value<Warning.Kind> WARNING_KIND = p -> Warning.Kind.fromJson(string(p));

    // The schema records, with MigrationJson's mixins: "nullable" and "type" of a column and the numbers of
    // a sequence required; the hints databind ignores ("sources", "renamedFrom", "backfill") declined.

    private static final Shape<Column> COLUMN = new Shape<>(Map.of("name", STRING, "type", COLUMN_TYPE,
            "nullable", BOOLEAN, "identity", BOOLEAN, "defaultValue", STRING, "columnDefinition", STRING,
            "quoted", BOOLEAN), Set.of("nullable", "type"),
            f -> new Column(f.get("name"), f.get("type"), f.flag("nullable"), f.flag("identity"), f.get("defaultValue"),
                    f.get("columnDefinition"), f.flag("quoted"), null, null));

    private static final Shape<PrimaryKey> PRIMARY_KEY = shape(Map.of("name", STRING, "columns", STRINGS),
            f -> new PrimaryKey(f.get("name"), f.get("columns")));

    private static final Shape<UniqueConstraint> UNIQUE = shape(Map.of("name", STRING, "columns", STRINGS),
            f -> new UniqueConstraint(f.get("name"), f.get("columns")));

    private static final Shape<Index> INDEX = shape(Map.of("name", STRING, "columns", STRINGS, "unique", BOOLEAN),
            f -> new Index(f.get("name"), f.get("columns"), f.flag("unique")));

    private static final Shape<CheckConstraint> CHECK = shape(Map.of("name", STRING, "column", STRING,
            "values", STRINGS, "min", (Value<Long>) MigrationJsonReader::whole,
            "max", (Value<Long>) MigrationJsonReader::whole, "expression", STRING),
            f -> new CheckConstraint(f.get("name"), f.get("column"), f.get("values"), f.get("min"), f.get("max"),
                    f.get("expression")));

    private static final Shape<ForeignKey> FOREIGN_KEY = shape(Map.of("name", STRING, "columns", STRINGS,
            "referencedSchema", STRING, "referencedTable", STRING, "referencedColumns", STRINGS, "onDelete", ON_DELETE),
            f -> new ForeignKey(f.get("name"), f.get("columns"), f.get("referencedSchema"), f.get("referencedTable"),
                    f.get("referencedColumns"), f.get("onDelete")));

    private static final Shape<Table> TABLE = shape(Map.of("schema", STRING, "name", STRING, "quoted", BOOLEAN,
            "columns", listOf(COLUMN), "primaryKey", PRIMARY_KEY, "uniques", listOf(UNIQUE),
            "indexes", listOf(INDEX), "checks", listOf(CHECK), "foreignKeys", listOf(FOREIGN_KEY)),
            f -> new Table(f.get("schema"), f.get("name"), f.flag("quoted"), null, null, f.get("columns"),
                    f.get("primaryKey"), f.get("uniques"), f.get("indexes"), f.get("checks"), f.get("foreignKeys")));

    private static final Shape<Sequence> SEQUENCE = new Shape<>(Map.of("schema", STRING, "name", STRING,
            "start", (Value<Long>) MigrationJsonReader::whole, "increment", (Value<Long>) MigrationJsonReader::whole,
            "quoted", BOOLEAN), Set.of("start", "increment"),
            f -> new Sequence(f.get("schema"), f.get("name"), f.<Long>get("start"), f.<Long>get("increment"),
                    f.flag("quoted")));

    // The operations, by their "op" (Operation's @JsonSubTypes).

    private static final Value<Operation> OPERATION = MigrationJsonReader::operation;

    private static final Map<String, Shape<? extends Operation>> OPERATIONS = operations();

    private static Map<String, Shape<? extends Operation>> operations() {
        Map<String, Shape<? extends Operation>> ops = new HashMap<>();
        ops.put("create_table", shape(Map.of("table", TABLE), f -> new CreateTable(f.get("table"))));
        ops.put("drop_table", shape(Map.of("table", TABLE), f -> new DropTable(f.get("table"))));
        ops.put("rename_table", shape(Map.of("schema", STRING, "from", STRING, "to", STRING),
                f -> new RenameTable(f.get("schema"), f.get("from"), f.get("to"))));
        ops.put("add_column", shape(Map.of("schema", STRING, "table", STRING, "column", COLUMN),
                f -> new AddColumn(f.get("schema"), f.get("table"), f.get("column"))));
        ops.put("drop_column", shape(Map.of("schema", STRING, "table", STRING, "column", COLUMN),
                f -> new DropColumn(f.get("schema"), f.get("table"), f.get("column"))));
        ops.put("alter_column", shape(Map.of("schema", STRING, "table", STRING, "from", COLUMN, "to", COLUMN),
                f -> new AlterColumn(f.get("schema"), f.get("table"), f.get("from"), f.get("to"))));
        ops.put("rename_column", shape(Map.of("schema", STRING, "table", STRING, "from", STRING, "to", STRING),
                f -> new RenameColumn(f.get("schema"), f.get("table"), f.get("from"), f.get("to"))));
        ops.put("add_primary_key", shape(Map.of("schema", STRING, "table", STRING, "primaryKey", PRIMARY_KEY),
                f -> new AddPrimaryKey(f.get("schema"), f.get("table"), f.get("primaryKey"))));
        ops.put("drop_primary_key", shape(Map.of("schema", STRING, "table", STRING, "primaryKey", PRIMARY_KEY),
                f -> new DropPrimaryKey(f.get("schema"), f.get("table"), f.get("primaryKey"))));
        ops.put("add_unique", shape(Map.of("schema", STRING, "table", STRING, "unique", UNIQUE),
                f -> new AddUnique(f.get("schema"), f.get("table"), f.get("unique"))));
        ops.put("drop_unique", shape(Map.of("schema", STRING, "table", STRING, "unique", UNIQUE),
                f -> new DropUnique(f.get("schema"), f.get("table"), f.get("unique"))));
        ops.put("create_index", shape(Map.of("schema", STRING, "table", STRING, "index", INDEX,
                "concurrently", BOOLEAN),
                f -> new CreateIndex(f.get("schema"), f.get("table"), f.get("index"), f.flag("concurrently"))));
        ops.put("drop_index", shape(Map.of("schema", STRING, "table", STRING, "index", INDEX, "concurrently", BOOLEAN),
                f -> new DropIndex(f.get("schema"), f.get("table"), f.get("index"), f.flag("concurrently"))));
        ops.put("add_check", shape(Map.of("schema", STRING, "table", STRING, "check", CHECK, "notValid", BOOLEAN),
                f -> new AddCheck(f.get("schema"), f.get("table"), f.get("check"), f.flag("notValid"))));
        ops.put("drop_check", shape(Map.of("schema", STRING, "table", STRING, "check", CHECK),
                f -> new DropCheck(f.get("schema"), f.get("table"), f.get("check"))));
        ops.put("add_foreign_key", shape(Map.of("schema", STRING, "table", STRING, "foreignKey", FOREIGN_KEY,
                "notValid", BOOLEAN),
                f -> new AddForeignKey(f.get("schema"), f.get("table"), f.get("foreignKey"), f.flag("notValid"))));
        ops.put("drop_foreign_key", shape(Map.of("schema", STRING, "table", STRING, "foreignKey", FOREIGN_KEY),
                f -> new DropForeignKey(f.get("schema"), f.get("table"), f.get("foreignKey"))));
        ops.put("create_sequence", shape(Map.of("sequence", SEQUENCE), f -> new CreateSequence(f.get("sequence"))));
        ops.put("drop_sequence", shape(Map.of("sequence", SEQUENCE), f -> new DropSequence(f.get("sequence"))));
        ops.put("alter_sequence", shape(Map.of("from", SEQUENCE, "to", SEQUENCE),
                f -> new AlterSequence(f.get("from"), f.get("to"))));
        ops.put("sql", shape(Map.of("upgrade", STATEMENTS, "downgrade", STATEMENTS, "irreversible", BOOLEAN,
                "schemaChanges", listOf(OPERATION)),
                f -> new Sql(f.get("upgrade"), f.get("downgrade"), f.flag("irreversible"), f.get("schemaChanges"))));
        return Map.copyOf(ops);
    }

    /** A step: its {@code "op"} first, as written (databind, which looks further, reads any other order). */
    private static Operation operation(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("op")) {
            throw new Declined();
        }
        p.nextToken();
        Shape<? extends Operation> shape = OPERATIONS.get(string(p));
        if (shape == null) {
            throw new Declined();
        }
        return shape.fields(p);
    }

    // The migration and its parts.

    private static final Shape<Warning> WARNING = shape(Map.of("step", (Value<Integer>) MigrationJsonReader::integer,
            "kind", WARNING_KIND, "message", STRING),
            f -> new Warning(f.get("step") == null ? 0 : f.<Integer>get("step"), f.get("kind"), f.get("message")));

    private static final Shape<LintSection.Ignore> IGNORE = shape(Map.of("rule", STRING,
            "step", (Value<Integer>) MigrationJsonReader::integer, "reason", STRING),
            f -> new LintSection.Ignore(f.get("rule"), f.get("step"), f.get("reason")));

    private static final Shape<LintSection> LINT = shape(Map.of("ignore", listOf(IGNORE)),
            f -> new LintSection(f.get("ignore")));

    private static final Shape<Migration> MIGRATION = shape(Map.of("id", STRING, "parent", STRING, "message", STRING,
            "upgrade", listOf(OPERATION), "downgrade", listOf(OPERATION), "warnings", listOf(WARNING),
            "outsideTransaction", BOOLEAN, "lockTimeout", STRING, "lint", LINT),
            f -> new Migration(f.get("id"), f.get("parent"), f.get("message"), f.get("upgrade"), f.get("downgrade"),
                    f.get("warnings"), f.flag("outsideTransaction"), f.get("lockTimeout"), f.get("lint")));
}
