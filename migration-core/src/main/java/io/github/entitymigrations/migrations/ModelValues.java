package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.github.entitymigrations.diff.Warning;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.OnDelete;
import java.io.IOException;
import java.util.function.Function;

/**
 * The values migration files write as one string, each read and written by the model's own code (so the
 * snapshot and migration files agree): a column type ({@code "VARCHAR(255)"}), a foreign key's
 * {@code onDelete} ({@code "CASCADE"}) and a warning's kind ({@code "destructive"}). Reading takes only a
 * string, never a number or a boolean; a value the model refuses is reported with the model's message,
 * which names the field and the accepted values.
 */
final class ModelValues {

    private ModelValues() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("model-values");
        add(module, ColumnType.class, ColumnType::toString, ColumnType::parse);
        add(module, OnDelete.class, OnDelete::json, OnDelete::fromJson);
        add(module, Warning.Kind.class, Warning.Kind::json, Warning.Kind::fromJson);
        return module;
    }

    private static <T> void add(SimpleModule module, Class<T> type, Function<T, String> write,
                                Function<String, T> read) {
        module.addSerializer(type, new StdScalarSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    // Only a string: a number is not converted to a type name or an action.
                    @SuppressWarnings("unchecked")
                    T unexpected = (T) context.handleUnexpectedToken(type, p);
                    return unexpected;
                }
                try {
                    return read.apply(p.getText());
                } catch (IllegalArgumentException e) {
                    throw (IOException) context.weirdStringException(p.getText(), type, e.getMessage()).initCause(e);
                }
            }
        });
    }
}
