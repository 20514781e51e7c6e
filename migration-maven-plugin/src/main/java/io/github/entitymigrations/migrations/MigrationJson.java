package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one Jackson configuration for migration files: properties sorted (type and identity first),
 * empty lists and defaults left out, types written as {@code "VARCHAR(255)"}, 2-space indentation and a
 * final newline, so a file changes only where its content does.
 */
public final class MigrationJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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
        private static final Pattern FORM = Pattern.compile("([A-Z0-9_]+)(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");
        private static final Set<String> SIZED_BY_LENGTH = Set.of("CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "BINARY",
                "VARBINARY", "LONGVARCHAR", "LONGVARBINARY", "LONGNVARCHAR");

        private ColumnTypes() {
        }

        static SimpleModule module() {
            SimpleModule module = new SimpleModule("column-types");
            module.addSerializer(ColumnType.class, new ToStringSerializer(ColumnType.class));
            module.addDeserializer(ColumnType.class, new FromStringDeserializer<>(ColumnType.class) {
                @Override
                protected ColumnType _deserialize(String value, DeserializationContext context) {
                    return parse(value);
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

    /** A sequence's numbers are never left to a default. */
    abstract static class SequenceMixin {
        @JsonProperty(required = true)
        abstract long start();

        @JsonProperty(required = true)
        abstract long increment();
    }

    /** A table as a database holds it: no Java sources, no rename hint. */
    @JsonIgnoreProperties(value = {"sources", "renamedFrom"})
    abstract static class TableMixin {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean quoted();
    }
}
