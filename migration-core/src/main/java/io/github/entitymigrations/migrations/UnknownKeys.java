package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.github.entitymigrations.operations.Operation;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a key the object at a record's path has but the record does not know. Jackson reports unknown keys
 * only after it has built the record, so a record that refuses its values (a {@code sql} step without
 * {@code upgrade}, because it was spelled {@code upgarde}) hides them; the misspelling is the real problem.
 */
final class UnknownKeys {

    private UnknownKeys() {
    }

    /** The first unknown key of the object {@code e} is about, or {@code null}. */
    static String first(ValueInstantiationException e, String text) {
        if (e.getType() == null || text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = MigrationJson.mapper().readTree(text);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
        for (JsonMappingException.Reference r : e.getPath()) {
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
            if (node == null) {
                return null;
            }
        }
        Set<String> known = known(e.getType());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** The keys a record reads, with {@code op} for an operation. */
    static Set<String> known(JavaType type) {
        Set<String> known = new TreeSet<>();
        for (BeanPropertyDefinition p : MigrationJson.mapper().getDeserializationConfig().introspect(type)
                .findProperties()) {
            known.add(p.getName());
        }
        if (Operation.class.isAssignableFrom(type.getRawClass())) {
            known.add("op");
        }
        return known;
    }
}
