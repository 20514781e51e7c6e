package io.github.entitymigrations.diff;

/**
 * Something a reviewer must look at before applying a migration.
 *
 * @param step    the number of the upgrade step it is about, counting from 1 as {@code generate} prints them
 * @param kind    {@code destructive} (data can be lost) or {@code data} (may fail on existing rows)
 * @param message what happens and what to do
 */
public record Warning(int step, String kind, String message) {

    public static final String DESTRUCTIVE = "destructive";
    public static final String DATA = "data";

    @Override
    public String toString() {
        return "step " + step + " (" + kind + "): " + message;
    }
}
