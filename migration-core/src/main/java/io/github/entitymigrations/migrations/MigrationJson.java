package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;

/**
 * The one Jackson configuration for migration files: properties sorted (type and identity first),
 * empty lists and defaults left out, types written as {@code "VARCHAR(255)"}, 2-space indentation and a
 * final newline, so a file changes only where its content does. The schema records embedded in operations
 * (tables, columns, keys, constraints, sequences) have the one JSON form of the model's
 * {@link io.github.entitymigrations.schema.RecordJson}, which the snapshot writes too: the mixins below say
 * only which of their values are left out, as it does, and {@code MigrationJsonFormTest} proves the two agree
 * for every record.
 */
public final class MigrationJson {

    // The three limits are compile-time constants: StrictJson uses them without initialising this class, whose
    // mapper a streaming read must not build.

    /** The largest migration file read: far beyond any real one, small enough to hold in memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Deeper than any migration (sql steps nest their schema changes), shallow enough for any stack. */
    static final int MAX_NESTING = 200;
    /** The longest string: a sql statement of 16 million characters is not a migration but a dump. */
    static final int MAX_STRING = 16 * 1024 * 1024;

    /** Built on first use only: writing a migration ({@link CanonicalJson}) and reading one need no databind. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder(StrictJson.newFactory())
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
                .addModule(ModelValues.module())
                .addMixIn(Column.class, ColumnMixin.class)
                .addMixIn(Table.class, TableMixin.class)
                .addMixIn(Sequence.class, SequenceMixin.class)
                .build();
    }

    private MigrationJson() {
    }

    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /**
     * The canonical JSON of {@code value}: a {@link Migration} as a file holds it (the text generate writes, and
     * what a recorded checksum is taken of), or any other value the mapper writes (a tree). A migration is written
     * by {@link CanonicalJson}, without databind, to the same bytes.
     */
    public static String write(Object value) {
        if (value instanceof Migration m) {
            String canonical = CanonicalJson.write(m);
            if (canonical != null) {
                return canonical;
            }
        }
        return mapperWrite(value);
    }

    /** {@code value} written by the mapper: the definition of the canonical form, which {@link CanonicalJson} matches. */
    static String mapperWrite(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return Mapper.MAPPER.writer(printer).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    /** {@code identity} and {@code quoted} only when true; the rename and backfill hints never. */
    @JsonIgnoreProperties(value = {"renamedFrom", "backfill"}, allowGetters = false)
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
