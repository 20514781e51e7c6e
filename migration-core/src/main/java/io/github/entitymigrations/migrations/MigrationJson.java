package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Jackson configuration for migration files: properties sorted (type and identity first),
 * empty lists and defaults left out, types written as {@code "VARCHAR(255)"}, 2-space indentation and a
 * final newline, so a file changes only where its content does.
 */
public final class MigrationJson {

    /** The largest migration file read: far beyond any real one, small enough to hold in memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Deeper than any migration (sql steps nest their schema changes), shallow enough for any stack. */
    static final int MAX_NESTING = 200;
    /** The longest string: a sql statement of 16 million characters is not a migration but a dump. */
    static final int MAX_STRING = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING).maxDocumentLength(MAX_FILE_BYTES).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Reading is strict: a value of the wrong JSON type is an error, never converted. (A null anywhere
            // is refused before binding, by MigrationReader: Jackson cannot tell an explicit null from a key left
            // out of a record.)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
            .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .withCoercionConfigDefaults(c -> {
                c.setAcceptBlankAsEmpty(false);
                for (CoercionInputShape shape : CoercionInputShape.values()) {
                    c.setCoercion(shape, CoercionAction.Fail);
                }
            })
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .addModule(ColumnTypes.module())
            .addMixIn(Column.class, ColumnMixin.class)
            .addMixIn(Table.class, TableMixin.class)
            .addMixIn(Sequence.class, SequenceMixin.class)
            .build();

    private MigrationJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    /** {@code "VARCHAR(255)"}, {@code "NUMERIC(10,2)"}, {@code "FLOAT(53)"}, {@code "BIGINT"}. */
    static final class ColumnTypes {
        private static final Pattern FORM = Pattern.compile("([A-Z0-9_]+)(?:\\((\\d{1,9})(?:,\\s*(\\d{1,9}))?\\))?");
        private static final Set<String> SIZED_BY_LENGTH = Set.of("CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "BINARY",
                "VARBINARY", "LONGVARCHAR", "LONGVARBINARY", "LONGNVARCHAR");

        private ColumnTypes() {
        }

        static SimpleModule module() {
            SimpleModule module = new SimpleModule("column-types");
            module.addSerializer(ColumnType.class, new ToStringSerializer(ColumnType.class));
            module.addDeserializer(ColumnType.class, new StdScalarDeserializer<>(ColumnType.class) {
                @Override
                public ColumnType deserialize(JsonParser p, DeserializationContext context) throws IOException {
                    if (!p.hasToken(JsonToken.VALUE_STRING)) {
                        // Only a string: a number is not converted to a type name.
                        return (ColumnType) context.handleUnexpectedToken(ColumnType.class, p);
                    }
                    try {
                        return parse(p.getText());
                    } catch (IllegalArgumentException e) {
                        throw (IOException) context.weirdStringException(p.getText(), ColumnType.class, e.getMessage())
                                .initCause(e);
                    }
                }
            });
            return module;
        }

        static ColumnType parse(String text) {
            Matcher m = FORM.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a column type: \"" + text
                        + "\" (expected a type name with an optional size, e.g. VARCHAR(255) or NUMERIC(10,2))");
            }
            String name = m.group(1);
            if (!ColumnType.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown column type \"" + name + "\" in \"" + text + "\"; the types "
                        + "are " + new java.util.TreeSet<>(ColumnType.NAMES) + " (for a database-specific type, write "
                        + "\"OTHER\" with a \"columnDefinition\")");
            }
            Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
            if (first != null && SIZED_BY_LENGTH.contains(name)) {
                return new ColumnType(name, first, null, null);
            }
            return new ColumnType(name, null, first, second);
        }
    }

    /** {@code identity} and {@code quoted} only when true; the rename hint never. */
    @JsonIgnoreProperties(value = {"renamedFrom"}, allowGetters = false)
    abstract static class ColumnMixin {
        /** Never left to a default: NOT NULL by omission would be a nasty surprise. */
        @JsonProperty(required = true)
        abstract boolean nullable();

        @JsonProperty(required = true)
        abstract ColumnType type();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean identity();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean quoted();
    }

    /** A sequence's numbers are never left to a default; {@code quoted} only when true. */
    abstract static class SequenceMixin {
        @JsonProperty(required = true)
        abstract long start();

        @JsonProperty(required = true)
        abstract long increment();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean quoted();
    }

    /** A table as a database holds it: no Java sources, no rename hint. */
    @JsonIgnoreProperties(value = {"sources", "renamedFrom"})
    abstract static class TableMixin {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean quoted();
    }
}
