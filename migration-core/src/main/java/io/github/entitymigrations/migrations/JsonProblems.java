package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns what Jackson says about a migration file into one line for its author: what is wrong, at which key
 * ({@code upgrade[1].sequence.start}), line and column, in JSON terms (no Java type names).
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The message for a problem of {@code file}, whose {@code text} helps name an unknown key Jackson hid. */
    static String message(String file, JsonProcessingException e, String text) {
        String where = where(e);
        String constraint = constraint(e);
        if (constraint != null) {
            return file + ": " + constraint + " (" + where + ")";
        }
        if (e instanceof InvalidTypeIdException t) {
            return file + ": " + (t.getTypeId() == null ? "a step has no \"op\"" : "unknown operation \""
                    + t.getTypeId() + "\"") + " (" + where + "); the operations are " + Operations.NAMES;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return file + ": unknown property \"" + u.getPropertyName() + "\" (" + where + ")"
                    + known(u.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException v) {
            // Jackson builds a record before it reports the unknown keys it saw: a misspelled key must be
            // named as such, not as the value the record then lacks.
            String unknown = UnknownKeys.first(v, text);
            if (unknown != null) {
                return file + ": unknown property \"" + unknown + "\" (at " + (path(e).isEmpty() ? "" : path(e) + ".")
                        + unknown + ", in the object at " + location(e.getLocation()) + ")"
                        + known(new ArrayList<>(UnknownKeys.known(v.getType())));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            // A record or a column type refused its value: its own message says why.
            return file + ": " + cause.getMessage() + " (" + where + ")";
        }
        if (e instanceof ValueInstantiationException) {
            return file + ": " + plain(e.getOriginalMessage()) + " (" + where + ")";
        }
        String original = e.getOriginalMessage();
        String missing = "Missing required creator property '";
        if (original.startsWith(missing)) {
            String key = original.substring(missing.length(), original.indexOf('\'', missing.length()));
            return file + ": \"" + key + "\" is required but missing (" + where + ")";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return file + ": " + (path(e).isEmpty() ? "the file" : path(e)) + " must be " + expected(m.getTargetType())
                    + actual(e) + " (" + where + ")";
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            return file + ": " + path(e) + " must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + actual(e) + " (" + where + ")";
        }
        if (original.startsWith("Duplicate field '")) {
            String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
            return file + ": the key \"" + key + "\" appears twice in one object (" + where + "); keep one";
        }
        return file + ": cannot be read (" + where + "): " + plain(original);
    }

    /** {@code at upgrade[0].table.name, line 5, column 7}: the key's path and where its value starts. */
    static String where(JsonProcessingException e) {
        String path = path(e);
        return (path.isEmpty() ? "" : "at " + path + ", ") + location(e.getLocation());
    }

    static String location(JsonLocation l) {
        return l == null ? "unknown position" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** The key path from the mapping error, else from the parser's position. */
    static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                append(path, r.getFieldName(), r.getIndex());
            }
            return path.toString();
        }
        return e.getProcessor() instanceof JsonParser p ? path(p) : "";
    }

    /** The key path of the parser's current value: {@code upgrade[2].upgrade.*[0]}. */
    static String path(JsonParser p) {
        {
            List<JsonStreamContext> contexts = new ArrayList<>();
            for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                contexts.add(c);
            }
            Collections.reverse(contexts);
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext c : contexts) {
                append(path, c.inObject() ? c.getCurrentName() : null, c.inArray() ? Math.max(0, c.getCurrentIndex()) : -1);
            }
            return path.toString();
        }
    }

    private static void append(StringBuilder path, String field, int index) {
        if (field != null) {
            path.append(path.isEmpty() ? "" : ".").append(field);
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(String.valueOf(id)));
        return "; the properties here are: " + String.join(", ", names);
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        if (type == ColumnType.class) {
            return "a type string such as \"VARCHAR(255)\"";
        }
        if (type.isEnum()) {
            // onDelete, a warning's kind: their strings are the constants' toString().
            return "one of the strings " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).toList());
        }
        if (type == Operation.class) {
            return "an operation object { \"op\" : ..., ... }";
        }
        if (type == Migration.class) {
            return "one JSON object { \"id\" : ..., \"message\" : ..., \"upgrade\" : [ ... ], ... }";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object { ... }" : "a value";
    }

    private static String actual(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        String what = describe(p.currentToken());
        return what == null ? "" : ", not " + what;
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "a list";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            default -> null;
        };
    }

    /** A limit of {@link MigrationJson} exceeded, wherever Jackson noticed it; {@code null} when none was. */
    private static String constraint(JsonProcessingException e) {
        Throwable t = e;
        while (t != null && !(t instanceof StreamConstraintsException)) {
            t = t.getCause();
        }
        if (t == null) {
            return null;
        }
        String message = ((StreamConstraintsException) t).getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "nested more than " + MigrationJson.MAX_NESTING + " levels deep; no migration is";
        }
        if (message.contains("String value length")) {
            return "a string is longer than " + MigrationJson.MAX_STRING + " characters, the most a migration file may "
                    + "hold; load such data from a file the sql step reads instead";
        }
        return plain(message);
    }

    /** Jackson's own words without its Java names: {@code `java.util.List<...>`} and {@code from `...()`} go. */
    static String plain(String message) {
        return message.replaceAll(",? from `[^`]*`", "").replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)[^`]*`", "$1")
                .replace("Exception", "error");
    }
}
