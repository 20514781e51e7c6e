package io.github.entitymigrations.diff;

import io.github.entitymigrations.schema.JsonEnums;
import java.util.Locale;

/**
 * Something a reviewer must look at before applying a migration.
 *
 * @param step    the number of the upgrade step it is about, counting from 1 as {@code generate} prints them
 * @param kind    what can go wrong
 * @param message what happens and what to do
 */
public record Warning(int step, Kind kind, String message) {

    /** What can go wrong; written in migration files as {@code destructive} or {@code data}. */
    public enum Kind {
        /** Data can be lost (a dropped table or column, a narrowed type). */
        DESTRUCTIVE,
        /** The step may fail on existing rows (a new NOT NULL column, key or check). */
        DATA;

        /** {@code destructive} or {@code data}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The JSON value, so a kind reads in messages as it does in files. */
        @Override
        public String toString() {
            return json();
        }

        /**
         * The kind a JSON value names, exactly.
         *
         * @throws IllegalArgumentException naming the field, the value and the accepted values
         */
        public static Kind fromJson(String value) {
            return JsonEnums.fromJson(Kind.class, "warning kind", value, Kind::json);
        }
    }

    public static final Kind DESTRUCTIVE = Kind.DESTRUCTIVE;
    public static final Kind DATA = Kind.DATA;

    @Override
    public String toString() {
        return "step " + step + " (" + kind.json() + "): " + message;
    }
}
